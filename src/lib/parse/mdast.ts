/**
 * Questions about the shape of markdown that both extraction and validation
 * ask. Kept with the parse stage (which owns the tree) so the two stages agree
 * on what, say, an empty bullet is.
 */
import type { List, ListItem, Nodes, PhrasingContent } from 'mdast';
import { eastAsianWidth } from 'get-east-asian-width';
import { toString } from 'mdast-util-to-string';

/** Bullets nested deeper than this stay inside their parent's answer but make no cards of their own. */
export const MAX_LIST_DEPTH = 12;

/**
 * The item's own text: its first paragraph, or a heading written inside the
 * bullet (`- ##### 2단계 디렉터리`), which real notes use as a question.
 */
export function itemHead(item: ListItem): PhrasingContent[] | null {
  const first = item.children[0];
  return first?.type === 'paragraph' || first?.type === 'heading' ? first.children : null;
}

export function isEmptyItem(item: ListItem): boolean {
  if (item.children.length === 0) return true;
  const head = itemHead(item);
  return item.children.length === 1 && head !== null && plainText(head) === '';
}

/**
 * A bullet that is nothing but links (`- [참고1](http://…)`): a reference, not
 * a question. So is a bullet of only `[[wikilinks]]` in a `list` of such
 * bullets (a reading list mixing a vault's notes and web pages); elsewhere a
 * lone `- [[TCP]]` names a concept (isWikilinksOnly).
 */
export function isLinkOnlyItem(item: ListItem, list?: List): boolean {
  const head = itemHead(item);
  if (head === null || item.children.length !== 1) return false;
  if (isLinksOnly(head)) return true;
  return list !== undefined && isWikilinksOnly(head) && list.children.some((other) => other !== item && isLinkOnlyItem(other));
}

/** Inline content that is nothing but links: a reference or a table-of-contents entry, not something to ask. */
export function isLinksOnly(nodes: readonly PhrasingContent[]): boolean {
  const meaningful = withoutSeparators(nodes);
  return meaningful.length > 0 && meaningful.every((node) => node.type === 'link' || node.type === 'linkReference');
}

/** Separators between links (`[뒤로](…) / [위로](…)`) are not content either. */
function withoutSeparators(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((node) => !(node.type === 'text' && /^[\s/|,·•\-–—]*$/u.test(node.value)));
}

/**
 * Only `[[wikilinks]]`. A lone `- [[TCP]]` is a concept in a list (Obsidian's
 * way of writing a term), but `- [[팀을 위한 게재]]` with a description under
 * it is an entry of an index page, as `- [Guide](guide.md)` with one is.
 */
export function isWikilinksOnly(nodes: readonly PhrasingContent[]): boolean {
  const meaningful = withoutSeparators(nodes);
  return meaningful.length > 0 && meaningful.every((node) => node.type === 'wikiLink');
}

/** Text of inline content; blocks (list items, paragraphs) are separated by a space so words never run together. */
export function plainText(nodes: readonly Nodes[]): string {
  return nodes.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'math', 'table', 'tableRow', 'tableCell']);

function textOf(node: Nodes): string {
  if (node.type === 'break') return ' ';
  // Raw HTML (`<br>`, `<u>`) is markup, not words: it must not reach a breadcrumb, a tag or an identity.
  if (node.type === 'html' || node.type === 'blockId') return '';
  if (!('children' in node)) return toString(node);
  const inner = (node.children as Nodes[]).map(textOf).join('');
  return BLOCKS.has(node.type) ? ` ${inner} ` : inner;
}

/** Where an answer stops being recallable (README "Answers one can recall"). */
export const LONG_ANSWER_LINES = 12;
/** Counted in columns, as `displayWidth` counts them: 800 Latin letters, or 400 Hangul syllables (docs/decisions.md). */
export const LONG_ANSWER_COLUMNS = 800;
/** A rendered line of prose, roughly: what a phone shows across, in columns. */
const LINE_WIDTH = 80;

/** What reads as no column of its own: combining marks (a decomposed accent, an emoji's variation selector) and format characters (a zero-width joiner). */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/gu;

/**
 * Columns the text takes on screen: a wide or fullwidth character (Hangul, kana, CJK ideographs, most emoji) is two,
 * as Unicode's East Asian Width says (get-east-asian-width). A line of Korean holds half the characters a line of
 * English does, and a Hangul syllable carries about as much as two Latin letters. NFC first: a note saved on macOS
 * spells a syllable as two or three jamo. (string-width gives the same numbers, grapheme by grapheme, about fifty
 * times slower: too slow for a question asked of every section and every card.)
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text.normalize('NFC').replace(ZERO_WIDTH, '')) width += eastAsianWidth(character.codePointAt(0) ?? 0);
  return width;
}

/**
 * How much an answer asks to recall: its text in columns (displayWidth: a Hangul syllable is two), and lines as
 * rendered — code blocks and math by their lines, each list item and table row a line at least, prose wrapped at
 * LINE_WIDTH columns.
 */
export function answerSize(blocks: readonly Nodes[]): { lines: number; columns: number } {
  let lines = 0;
  let columns = 0;
  const add = (text: string) => {
    const width = displayWidth(text);
    columns += width;
    lines += Math.max(1, Math.ceil(width / LINE_WIDTH));
  };
  const walk = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'math') {
      lines += node.value.split('\n').length;
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') return add(plainText([node]));
    if (node.type === 'html' || node.type === 'image') {
      lines += 1;
      return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(walk);
    else if ('value' in node && typeof node.value === 'string') add(node.value);
  };
  blocks.forEach(walk);
  return { lines, columns };
}

export function isLongAnswer(blocks: readonly Nodes[]): boolean {
  const size = answerSize(blocks);
  return size.lines > LONG_ANSWER_LINES || size.columns > LONG_ANSWER_COLUMNS;
}
