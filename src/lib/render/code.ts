/**
 * Build-time highlighting: Anki has no highlighter, so the colours are baked
 * into the field as highlight.js classes (`hljs` on `<code>`, `hljs-keyword`
 * spans, …) that the note type's CSS styles.
 */
import rehypeHighlight, { type Options } from 'rehype-highlight';

/**
 * rehype-highlight's default grammars are lowlight's `common` (≈37 languages)
 * rather than `all` (≈190), which would cost startup time on every build. No
 * auto-detection: a fence without a language is often output or prose, and a
 * guess colours it wrongly. An unknown language is left unhighlighted.
 */
export const highlightOptions: Options = { detect: false };

export { rehypeHighlight };
