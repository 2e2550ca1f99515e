/**
 * One field: mdast → hast (remark-rehype) → raw HTML parsed (rehype-raw) →
 * images bundled → sanitized → code highlighted → Anki-specific finish → string.
 * The processors are built once per process; everything note-specific travels
 * in the VFile's `data`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml, type Options as ToHtmlOptions } from 'hast-util-to-html';
import type { Nodes as MdastNodes, PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { CLOZE_TAG, clozeHandler, clozeMarkup } from './cloze.js';
import { highlightOptions, rehypeHighlight } from './code.js';
import { calloutHandler } from './callout.js';
import { embedHandler, rehypeEmbeds, SOUND_TAG } from './embed.js';
import { footnoteDefinitionHandler, footnoteReferenceHandler } from './footnote.js';
import { linkHandler } from './link.js';
import { codeHandler, inlineMathHandler, mathHandler, rehypeMathImages } from './math.js';
import { MEDIA_CONTEXT, rehypeMedia, type MediaContext } from './media.js';
import { rehypeUnprefixIds, sanitizeSchema } from './sanitize.js';

/** Raw nodes are the finished text (see `finishField`); named references read better in Anki's HTML editor. */
const STRINGIFY: ToHtmlOptions = { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } };

const CLOZE_NOTE = 'deckgenClozeNote';

const handlers = {
  inlineMath: inlineMathHandler,
  math: mathHandler,
  code: codeHandler,
  cloze: clozeHandler,
  footnoteReference: footnoteReferenceHandler,
  footnoteDefinition: footnoteDefinitionHandler,
  link: linkHandler,
  // A link to another note means nothing inside Anki: its text (alias, else note name) is what the card shows.
  wikiLink: (state, node) => state.all(node),
  embed: embedHandler,
  blockId: () => undefined,
  callout: calloutHandler,
} satisfies Record<string, Handler>;

function processor(withRawHtml: boolean) {
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: true, handlers });
  // Re-parsing the whole tree with parse5 is the most expensive step; most fields have no raw HTML to parse.
  const parsed = withRawHtml ? toHast.use(rehypeRaw) : toHast;
  return parsed
    .use(rehypeMathImages)
    .use(rehypeEmbeds)
    .use(rehypeMedia)
    .use(rehypeUnprefixIds)
    .use(rehypeSanitize, sanitizeSchema)
    // After sanitizing: its spans are trusted output, and the schema need not allow them for everyone.
    .use(rehypeHighlight, highlightOptions)
    .use(finishField)
    .use(rehypeStringify, STRINGIFY)
    .freeze();
}

const withRawHtml = processor(true);
const withoutRawHtml = processor(false);

export interface FieldOptions {
  media: MediaContext;
  /** In a cloze note, literal `{{` outside our clozes must not reach Anki as cloze syntax. */
  clozeNote: boolean;
}

export function renderField(nodes: MdastNodes[], options: FieldOptions): string {
  if (nodes.length === 0) return '';
  const root: MdastRoot = { type: 'root', children: paragraphs(nodes.flatMap((node) => (node.type === 'root' ? node.children : [node]))) };
  const chosen = containsHtml(root) ? withRawHtml : withoutRawHtml;
  const file = { data: { [MEDIA_CONTEXT]: options.media, [CLOZE_NOTE]: options.clozeNote } };
  const tree = chosen.runSync(root, file);
  return chosen.stringify(tree, file);
}

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'inlineMath', 'break', 'link', 'linkReference',
  'image', 'imageReference', 'footnoteReference', 'html', 'cloze', 'wikiLink', 'embed', 'blockId',
]);

/**
 * A field is often a bare run of inline content (a bullet's text). Such runs
 * go into paragraphs as markdown would have them: at the root, remark-rehype
 * would put a newline between every inline node.
 */
function paragraphs(nodes: MdastContent[]): MdastContent[] {
  const out: MdastContent[] = [];
  const hasBlocks = nodes.some((node) => !PHRASING.has(node.type));
  let run: PhrasingContent[] = [];
  const flush = () => {
    // Raw HTML alone between blocks is a block of its own (`<div>…</div>`), not a paragraph.
    if (run.length && !(hasBlocks && run.every((node) => node.type === 'html'))) {
      out.push({ type: 'paragraph', children: run });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const node of nodes) {
    if (PHRASING.has(node.type)) {
      run.push(node as PhrasingContent);
    } else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

function containsHtml(node: MdastNodes): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && node.children.some((child) => containsHtml(child));
}

/**
 * Text is escaped here rather than by the serializer, which leaves `>` alone
 * (spec §9.14 wants `<`, `>`, `&` escaped). Clozes become their `{{cN::…}}`
 * markup once their content is final HTML.
 */
function finishField() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const clozeNote = file.data[CLOZE_NOTE] === true;
    tree.children = withoutEmptyParagraphs(tree.children);
    unwrapSingleParagraph(tree);
    tree.children = finish(tree.children, clozeNote);
  };
}

/**
 * A dropped image or a sanitized-away tag can leave `<p></p>`, and parse5
 * splits a paragraph around a block of raw HTML (`<p></p><div>…</div><p></p>`).
 * Either would be an empty line on the card.
 */
function withoutEmptyParagraphs<T extends RootContent | ElementContent>(children: T[]): T[] {
  const kept: T[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child.type === 'element') child.children = withoutEmptyParagraphs(child.children);
    if (!isEmptyParagraph(child)) {
      kept.push(child);
      continue;
    }
    // The paragraph's own line break goes with it: the one after it, or else the one before.
    if (isLineBreak(children[index + 1])) index += 1;
    else if (isLineBreak(kept[kept.length - 1])) kept.pop();
  }
  return kept;
}

function isEmptyParagraph(node: RootContent | ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'p' && node.children.every((child) => child.type === 'text' && !child.value.trim());
}

const isLineBreak = (node: RootContent | ElementContent | undefined) => node?.type === 'text' && /^\s*\n\s*$/.test(node.value);

/** Anki fields look better without a lone `<p>`; several blocks keep theirs. */
function unwrapSingleParagraph(tree: Root): void {
  const blocks = tree.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const only = blocks[0];
  if (blocks.length === 1 && only.type === 'element' && only.tagName === 'p') tree.children = only.children;
}

function finish<T extends RootContent | ElementContent>(children: T[], clozeNote: boolean): T[] {
  return children.map((child) => {
    if (child.type === 'text') return { type: 'raw', value: escapeText(child.value, clozeNote) } as T;
    if (child.type !== 'element') return child;
    if (child.tagName === SOUND_TAG) return { type: 'raw', value: soundMarker(child) } as T;
    // The sanitizer empties a class list it does not allow, which would still print as `class=""`.
    if (Array.isArray(child.properties.className) && child.properties.className.length === 0) delete child.properties.className;
    child.children = finish(child.children, clozeNote);
    return child.tagName === CLOZE_TAG ? (clozeRaw(child, clozeNote) as T) : child;
  });
}

/**
 * Anki plays `[sound:name]` (audio and video alike). Written only here, from an element that only the embed
 * renderer makes, with a bundled media name (`[a-z0-9.]`): text a user wrote never becomes one.
 */
function soundMarker(element: Element): string {
  const name = String(element.properties.src ?? '');
  return /^[a-z0-9.]+$/.test(name) ? `[sound:${name}]` : '';
}

function clozeRaw(element: Element, clozeNote: boolean): ElementContent {
  const hint = element.properties.dataHint;
  const inner = toHtml(element.children, STRINGIFY);
  const escapedHint = typeof hint === 'string' ? escapeText(hint, clozeNote) : undefined;
  return { type: 'raw', value: clozeMarkup(Number(element.properties.dataNumber), inner, escapedHint) };
}

export function escapeText(text: string, clozeNote = false): string {
  // Control characters are stripped once, where fields enter Anki (write/apkg/note.ts cleanField).
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return clozeNote ? escaped.replace(/\{\{/g, '{&#123;') : escaped;
}
