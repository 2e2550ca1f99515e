/**
 * MDX and Docusaurus syntax in `.md` notes (Docusaurus reads every `.md` as
 * MDX): what the site's build acts on is not text of the note, so it never
 * reaches a card.
 *
 *     import InDocAd from './_components/InDocAd';      ES module lines: removed
 *     export const toc = [];
 *     <InDocAd />                                      a JSX component (a tag that is no HTML element): removed;
 *     <Tabs> … </Tabs>                                 markdown between its tags stays
 *
 *     ## Practice with cheatsheets {#practice}         a heading's anchor: removed
 *
 *     :::tip Expert tip                                an admonition: a callout, as Obsidian's
 *     Practice with a friend.                          `> [!tip] Expert tip` is (parse/callout.ts)
 *     :::
 *
 *     <figure>                                         an image whose source is the site's code
 *     <img alt="Salaries …" src={SalariesURL} />       (`src={…}`, an import): removed with its
 *     <figcaption>Salaries … ([source](…))</figcaption> figure, caption and wrapping `<div>`s —
 *     </figure>                                        deckgen cannot show it, and a caption
 *                                                      without its picture is nothing to learn
 *                                                      (warning media-unsupported)
 *
 * A paragraph is removed only when every line of it is an `import … from '…'`
 * / `import '…'` / `export …` statement, so prose that mentions `import` stays.
 */
import type { BlockContent, Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { htmlTagNames } from 'html-tag-names';
import type { Callout } from '../model.js';
import { calloutTypeOf, splitFirstLine } from './callout.js';

const ESM_LINE = /^\s*(?:import\s+(?:[\w$*{}\s,]+\s+from\s+)?['"][^'"]+['"]|export\s+(?:const|let|var|function|default|class|\{)[^\n]*?);?\s*$/;
const HTML_ELEMENTS = new Set(htmlTagNames);
/** `<Name …/>`, `<Name>`, `</Name>`, `<Tabs.Item>` — one or more tags and nothing else. */
const JSX_TAGS = /^(?:\s*<\/?([A-Z][\w.]*)(?:\s[^<>]*)?\/?>)+\s*$/;
const ADMONITION_OPEN = /^:::[ \t]*([a-z]+)(?:\[([^\]\n]*)\]|[ \t]+([^\n]+))?[ \t]*$/i;
const ADMONITION_CLOSE = /^:::[ \t]*$/;
const HEADING_ID = /\s*\{#[\w-]+\}\s*$/u;

/** `<img … src={…} …>`: a JSX expression as the source. */
const CODE_IMAGE = /<img\b[^<>]*?\ssrc=\{[^}]*\}[^<>]*>/giu;
const ONE_CODE_IMAGE = new RegExp(CODE_IMAGE.source, 'iu');
const FIGURE = /<figure\b[^<>]*>[\s\S]*?<\/figure>/giu;
const TAGS_ONLY = /^(?:\s*<\/?[A-Za-z][^<>]*>)*\s*$/u;

/** An image left out because its source is code: where it was, and its alt text. */
export interface CodeImage {
  line: number;
  column: number;
  alt: string;
  source: string;
}

/** Removes what the site's build acts on; returns the images left out because their source is code. */
export function dropMdx(tree: Root): CodeImage[] {
  const images: CodeImage[] = [];
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    if (node.type === 'heading') return withoutHeadingId(node);
    if (node.type === 'paragraph') return;
    const kept = withoutCodeImages((node.children as RootContent[]).filter((child) => !isMdx(child)), images);
    node.children = withAdmonitions(kept) as never;
    (node.children as Nodes[]).forEach(walk);
  };
  walk(tree);
  return images;
}

/**
 * The blocks without images whose source is code, with the figure holding
 * one (its caption too, when the figure spans several blocks) and the
 * wrappers left with nothing in them (`<div className="text--center">`).
 */
function withoutCodeImages(blocks: RootContent[], images: CodeImage[]): RootContent[] {
  const out: RootContent[] = [];
  const tagsOnly = (block: RootContent | undefined) => block?.type === 'html' && TAGS_ONLY.test(block.value);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const found = block.type === 'html' ? [...block.value.matchAll(CODE_IMAGE)] : [];
    if (block.type !== 'html' || !found.length) {
      out.push(block);
      continue;
    }
    for (const match of found) images.push({ ...lineOf(block, match.index), alt: /\salt="([^"]*)"/u.exec(match[0])?.[1] ?? '', source: /src=(\{[^}]*\})/u.exec(match[0])![1] });
    let end = index;
    // `<figure>` here, `</figure>` some blocks on: the caption between belongs to the image.
    if (/<figure\b/iu.test(block.value) && !/<\/figure>/iu.test(block.value)) {
      while (end + 1 < blocks.length && !(blocks[end + 1].type === 'html' && /<\/figure>/iu.test((blocks[end + 1] as { value: string }).value))) end++;
      if (end + 1 < blocks.length) end++;
    }
    const rest = block.value.replace(FIGURE, (figure) => (ONE_CODE_IMAGE.test(figure) ? '' : figure)).replace(CODE_IMAGE, '');
    while (tagsOnly(out[out.length - 1])) out.pop();
    if (end === index && !TAGS_ONLY.test(rest)) out.push({ ...block, value: rest });
    index = end;
    while (tagsOnly(blocks[index + 1])) index++;
  }
  return out;
}

function lineOf(block: RootContent, offset: number): { line: number; column: number } {
  const before = (block as { value: string }).value.slice(0, offset).split('\n');
  const start = block.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + before.length - 1, column: before.length > 1 ? before[before.length - 1].length + 1 : start.column + offset };
}

function isMdx(node: RootContent): boolean {
  if (node.type === 'paragraph') {
    const text = node.children.every((child) => child.type === 'text') ? node.children.map((child) => (child as { value: string }).value).join('') : null;
    return text !== null && text.split('\n').every((line) => ESM_LINE.test(line));
  }
  if (node.type === 'html') {
    const tags = JSX_TAGS.test(node.value) ? [...node.value.matchAll(/<\/?([A-Za-z][\w.]*)/g)].map((match) => match[1]) : [];
    return tags.length > 0 && tags.every((name) => /^[A-Z]/.test(name) && !HTML_ELEMENTS.has(name.toLowerCase()));
  }
  return false;
}

/** `:::type [title]` … `:::` in a run of blocks becomes a callout; an admonition never closed stays as written. */
function withAdmonitions(blocks: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const open = openingOf(blocks[index]);
    const close = open ? closingFrom(blocks, index, open.body) : -1;
    if (!open || close === -1) {
      out.push(blocks[index]);
      continue;
    }
    const inside: BlockContent[] = [];
    const first = close === index ? withoutLastLine(open.body) : open.body;
    if (first.length) inside.push(paragraphOf(first, blocks[index]));
    if (close > index) {
      inside.push(...(blocks.slice(index + 1, close) as BlockContent[]));
      const last = withoutLastLine((blocks[close] as Paragraph).children);
      if (last.length) inside.push(paragraphOf(last, blocks[close]));
    }
    const callout: Callout = {
      type: 'callout',
      calloutType: calloutTypeOf(open.type),
      title: open.title.length ? open.title : [{ type: 'text', value: open.type.charAt(0).toUpperCase() + open.type.slice(1) }],
      titled: open.title.length > 0,
      children: inside,
      position: { start: blocks[index].position!.start, end: blocks[close].position!.end },
    };
    out.push(callout);
    index = close;
  }
  return out;
}

function openingOf(block: RootContent): { type: string; title: PhrasingContent[]; body: PhrasingContent[] } | null {
  if (block.type !== 'paragraph' || block.children[0]?.type !== 'text') return null;
  const { title: line, body } = splitFirstLine(block.children);
  const text = line.length === 1 && line[0].type === 'text' ? line[0].value : null;
  const match = text === null ? null : ADMONITION_OPEN.exec(text);
  if (!match) return null;
  const title = (match[2] ?? match[3] ?? '').trim();
  return { type: match[1].toLowerCase(), title: title ? [{ type: 'text', value: title }] : [], body };
}

/** The block whose last line is the closing `:::` — the opening paragraph itself, or one after it. */
function closingFrom(blocks: RootContent[], index: number, body: PhrasingContent[]): number {
  if (endsWithClose(body)) return index;
  for (let next = index + 1; next < blocks.length; next++) {
    const block = blocks[next];
    if (block.type === 'paragraph' && endsWithClose(block.children)) return next;
    if (block.type === 'heading' || openingOf(block)) return -1;
  }
  return -1;
}

function endsWithClose(nodes: PhrasingContent[]): boolean {
  const last = nodes[nodes.length - 1];
  return last?.type === 'text' && ADMONITION_CLOSE.test(last.value.split('\n').pop()!);
}

function withoutLastLine(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1] as { type: 'text'; value: string };
  const cut = last.value.lastIndexOf('\n');
  const kept = cut === -1 ? nodes.slice(0, -1) : [...nodes.slice(0, -1), { ...last, value: last.value.slice(0, cut) }];
  while (kept.length && (kept[kept.length - 1].type === 'break' || (kept[kept.length - 1].type === 'text' && !(kept[kept.length - 1] as { value: string }).value.trim()))) kept.pop();
  return kept;
}

function paragraphOf(children: PhrasingContent[], from: RootContent): Paragraph {
  return { type: 'paragraph', children, position: from.position };
}

/** `## Practice with cheatsheets {#practice-with-cheatsheets}`: the anchor Docusaurus gives the heading, not its text. */
function withoutHeadingId(heading: Heading): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type === 'text' && HEADING_ID.test(last.value)) last.value = last.value.replace(HEADING_ID, '');
}
