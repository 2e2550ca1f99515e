/**
 * One field: mdast → hast (remark-rehype) → raw HTML parsed (rehype-raw) →
 * images bundled → sanitized → code highlighted → Anki-specific finish → string.
 * The processors are built once per process; everything note-specific travels
 * in the VFile's `data`.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
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
import { diagnostic } from '../diagnostic.js';
import { append } from '../array.js';
import type { Position } from '../model.js';
import { boundDepth } from '../tree-depth.js';
import { neutraliseText, restoreAttributeTokens, tokeniseAttribute } from './inert.js';
import { codeHandler, inlineMathHandler, mathHandler, rehypeMathImages } from './math.js';
import { MEDIA_CONTEXT, rehypeMedia, type MediaContext } from './media.js';
import { rehypeCheckSrcset, rehypeUnprefixIds, sanitizeSchema } from './sanitize.js';
import { checkMathText, guardMathAcrossTags, type RefusedCommand } from './tex.js';

/** Raw nodes are the finished text (see `finishField`); named references read better in Anki's HTML editor. */
const STRINGIFY: ToHtmlOptions = { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } };

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
  const parsed = withRawHtml ? toHast.use(rehypeRaw).use(rehypeBoundDepth) : toHast;
  return parsed
    .use(rehypeMathImages)
    .use(rehypeEmbeds)
    .use(rehypeMedia)
    .use(rehypeCheckSrcset)
    .use(rehypeUnprefixIds)
    .use(rehypeSanitize, sanitizeSchema)
    // After sanitizing: its spans are trusted output, and the schema need not allow them for everyone.
    .use(rehypeHighlight, highlightOptions)
    .use(finishField)
    .use(rehypeStringify, STRINGIFY)
    .freeze();
}

/** Raw HTML can nest without bound (`<b>` 20,000 times); the parsed tree is bounded like the markdown tree. */
const MAX_HTML_DEPTH = 200;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** How deep tags nest, counted the simple way (open +1, close −1, void and self-closing 0): enough to bound it. */
function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const [, slash, name, selfClosing] of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*?(\/?)>/gi)) {
    if (slash) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID.has(name.toLowerCase())) max = Math.max(max, (depth += 1));
  }
  return max;
}

function rehypeBoundDepth() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const deep = boundDepth(tree, MAX_HTML_DEPTH);
    if (!deep.length) return;
    const media = file.data[MEDIA_CONTEXT] as MediaContext;
    const message = `HTML elements are nested more than ${MAX_HTML_DEPTH} levels deep here; what is deeper is kept as plain text`;
    media.diagnostics.push(diagnostic(media.source, deep[0].position?.start ?? media.fallback, 'error', 'nesting-too-deep', message));
  };
}

const withRawHtml = processor(true);
const withoutRawHtml = processor(false);

export interface FieldOptions {
  media: MediaContext;
}

export function renderField(nodes: MdastNodes[], options: FieldOptions): string {
  if (nodes.length === 0) return '';
  const root: MdastRoot = { type: 'root', children: paragraphs(nodes.flatMap((node) => (node.type === 'root' ? node.children : [node]))) };
  const tooDeep = containsHtml(root) ? htmlTooDeep(root, options.media) : null;
  const chosen = containsHtml(root) && !tooDeep ? withRawHtml : withoutRawHtml;
  const file = { data: { [MEDIA_CONTEXT]: options.media } };
  const tree = chosen.runSync(tooDeep ?? root, file);
  const { html, refused } = guardMathAcrossTags(restoreAttributeTokens(chosen.stringify(tree, file)));
  reportRefused(options.media, refused, null);
  return html;
}

/** The context field: plain text (a breadcrumb), which MathJax also reads. */
export function renderPlainText(text: string, media: MediaContext): string {
  const { text: checked, refused } = checkMathText(text);
  reportRefused(media, refused, null);
  return escapeText(checked);
}

function reportRefused(media: MediaContext, refused: RefusedCommand[], place: Position | null): void {
  for (const { command, reason } of refused) {
    media.diagnostics.push(
      diagnostic(media.source, place ?? media.fallback, 'warning', 'math-command-refused', `Math command \`${command}\` was taken out: ${reason}, which could run script or restyle the card in Anki`),
    );
  }
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
      append(out, run);
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

/**
 * The HTML parser's tree conversion (hast-util-raw) recurses per element, so
 * thousands of unclosed tags overflow the stack before any bound applies.
 * Such a field's raw HTML is shown as text instead (the sanitizer would have
 * removed most of it anyway). Null when the nesting is within bounds, else
 * a copy of the field with its HTML as text — a copy, because the note's tree
 * is shared (other fields, the compile cache) and never changed here.
 */
function htmlTooDeep(root: MdastRoot, media: MediaContext): MdastRoot | null {
  const html: MdastNodes[] = [];
  const stack: MdastNodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') html.push(node);
    else if ('children' in node) append(stack, node.children as MdastNodes[]);
  }
  const depth = htmlDepth(html.map((node) => (node as { value: string }).value).join(''));
  if (depth <= MAX_HTML_DEPTH) return null;
  const message = `HTML tags are nested ${depth} deep in this card (limit ${MAX_HTML_DEPTH}); its HTML is shown as text`;
  media.diagnostics.push(diagnostic(media.source, html[0].position?.start ?? media.fallback, 'error', 'nesting-too-deep', message));
  const copy = structuredClone(root);
  const copyStack: MdastNodes[] = [copy];
  for (let node = copyStack.pop(); node; node = copyStack.pop()) {
    if (node.type === 'html') Object.assign(node, { type: 'text' });
    else if ('children' in node) append(copyStack, node.children as MdastNodes[]);
  }
  return copy;
}

function containsHtml(node: MdastNodes): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && node.children.some((child) => containsHtml(child));
}

/**
 * Text is escaped here rather than by the serializer, which leaves `>` alone
 * (spec §9.14 wants `<`, `>`, `&` escaped), and made inert for Anki
 * (inert.ts); MathJax regions outside code are checked (tex.ts). Clozes become
 * their `{{cN::…}}` markup once their content is final HTML.
 */
function finishField() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const media = file.data[MEDIA_CONTEXT] as MediaContext;
    tree.children = withoutEmptyParagraphs(tree.children);
    unwrapSingleParagraph(tree);
    tree.children = finish(tree.children, media, false);
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

const CODE = new Set(['code', 'pre', 'kbd', 'samp']);

function finish<T extends RootContent | ElementContent>(children: T[], media: MediaContext, inCode: boolean): T[] {
  return mergeText(children).map((child) => {
    if (child.type === 'text') return { type: 'raw', value: finishText(child, media, inCode) } as T;
    if (child.type !== 'element') return child;
    if (child.tagName === SOUND_TAG) return { type: 'raw', value: soundMarker(child) } as T;
    if (child.tagName === CLOZE_TAG) {
      child.children = finish(child.children, media, inCode);
      return clozeRaw(child) as T;
    }
    // The sanitizer empties a class list it does not allow, which would still print as `class=""`.
    if (Array.isArray(child.properties.className) && child.properties.className.length === 0) delete child.properties.className;
    tokeniseAttributes(child);
    child.children = finish(child.children, media, inCode || CODE.has(child.tagName));
    return child;
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

/**
 * Anki's parsers read the joined string, so neighbouring text nodes (a link
 * reduced to its text, a dropped tag) are one text to them: `{` + `{c1::…`
 * must be seen as the `{{` it becomes.
 */
function mergeText<T extends RootContent | ElementContent>(children: T[]): T[] {
  const merged: T[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { ...last, value: last.value + child.value };
    else merged.push(child);
  }
  return merged;
}

function finishText(text: Text, media: MediaContext, inCode: boolean): string {
  // MathJax skips code; outside it, a formula the user wrote as text (`\\(…\\)`) is read like one from `$…$`.
  if (inCode) return escapeText(text.value);
  const { text: checked, refused } = checkMathText(text.value);
  reportRefused(media, refused, text.position?.start ?? null);
  return escapeText(checked);
}

function tokeniseAttributes(element: Element): void {
  for (const [key, value] of Object.entries(element.properties)) {
    if (typeof value === 'string') element.properties[key] = tokeniseAttribute(value);
    else if (Array.isArray(value)) element.properties[key] = value.map((part) => (typeof part === 'string' ? tokeniseAttribute(part) : part));
  }
}

function clozeRaw(element: Element): ElementContent {
  const hint = element.properties.dataHint;
  const inner = toHtml(element.children, STRINGIFY);
  const escapedHint = typeof hint === 'string' ? escapeText(hint) : undefined;
  return { type: 'raw', value: clozeMarkup(Number(element.properties.dataNumber), inner, escapedHint) };
}

/** Text as it may stand in a field: HTML-escaped, and inert for Anki's cloze and media parsers. */
export function escapeText(text: string): string {
  // Control characters are stripped once, where fields enter Anki (write/anki/notes.ts cleanField).
  return neutraliseText(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
