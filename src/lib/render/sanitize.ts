/**
 * What HTML may reach an Anki field. Fields are shown in a webview that runs
 * scripts, so anything a note's raw HTML could use to run code or load a page
 * is removed; ordinary formatting stays.
 */
import type { Root } from 'hast';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { diagnostic } from '../diagnostic.js';
import { CLOZE_TAG } from './cloze.js';
import { SOUND_TAG } from './embed.js';
import { FOOTNOTES_CLASS } from './footnote.js';
import { MEDIA_CONTEXT, type MediaContext } from './media.js';

/** Dropped with their content: unwrapping them (the default for unknown tags) would leak CSS or markup as text. */
const STRIP_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'noscript', 'template',
  'textarea', 'select', 'title', 'svg', 'math',
];

const EXTRA_TAGS = ['u', 'mark', 'small', 'abbr', 'cite', 'dfn', 'caption', CLOZE_TAG, SOUND_TAG];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIP_WITH_CONTENT])],
  attributes: {
    ...defaultSchema.attributes,
    // hljs classes: highlighted code pasted as raw HTML keeps its colours (our own highlighting runs after sanitizing).
    code: [['className', /^language-./, 'hljs']],
    span: [['className', /^hljs-[\w-]+$/, /^[a-z]+_+$/]],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'math', FOOTNOTES_CLASS, /^callout(-[a-z]+)?$/]],
    [CLOZE_TAG]: ['dataNumber', 'dataHint'],
    // A bundled media name (rehypeMedia), written out as `[sound:…]` by finishField.
    [SOUND_TAG]: ['src'],
  },
  // Only remote images; local ones were already bundled and rewritten to bare media names (relative URLs).
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};

const CLOBBER_PREFIX = sanitizeSchema.clobberPrefix ?? defaultSchema.clobberPrefix ?? '';
export const CLOBBERED = sanitizeSchema.clobber ?? defaultSchema.clobber ?? [];

/**
 * Runs just before rehype-sanitize. The sanitizer prefixes every id and name
 * (so a note cannot clobber Anki's own), even one that already has the
 * prefix — HTML copied from a rendered GitHub page does. Taking it off first
 * leaves exactly one.
 */
export function rehypeUnprefixIds() {
  const strip = (value: unknown): unknown => {
    if (typeof value === 'string') return value.startsWith(CLOBBER_PREFIX) ? strip(value.slice(CLOBBER_PREFIX.length)) : value;
    return Array.isArray(value) ? value.map(strip) : value;
  };
  return (tree: Root) => {
    if (!CLOBBER_PREFIX) return;
    visit(tree, 'element', (node) => {
      for (const key of CLOBBERED) if (key in node.properties) node.properties[key] = strip(node.properties[key]) as never;
    });
  };
}

/**
 * `srcset` (`<picture><source srcset>`) lists addresses the sanitizer's
 * protocol check cannot see one by one. Only remote http(s) candidates are
 * kept, like a remote `src`; a local file there would be neither bundled nor
 * checked to stay inside the notes, so the attribute goes, with a diagnostic.
 */
export function rehypeCheckSrcset() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const media = file.data[MEDIA_CONTEXT] as MediaContext;
    visit(tree, 'element', (node) => {
      const value = node.properties.srcSet;
      if (value === undefined) return;
      const candidates = (Array.isArray(value) ? value.join(',') : String(value)).split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean);
      if (candidates.length && candidates.every((url) => /^https?:\/\/[^\s]/i.test(url))) return;
      delete node.properties.srcSet;
      const place = node.position?.start ?? media.fallback;
      const message = '`srcset` may only list http(s) addresses (local files are bundled from an image\'s `src`); it was left out';
      media.diagnostics.push(diagnostic(media.source, place, 'warning', 'media-unsupported', message));
    });
  };
}
