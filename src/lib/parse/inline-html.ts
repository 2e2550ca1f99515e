/**
 * Bold and italics written as HTML tags inside a paragraph are the same
 * emphasis as `**…**` and `*…*`: a `<strong>` pair becomes a `strong` node,
 * `<em>`/`<i>` an `emphasis`, so every rule that reads emphasis reads them too.
 *
 *     > <strong>동기화 문제(Synchronization Issue)</strong>     the same bold title line as `> **동기화 문제(…)**`
 *     <b>시간적 지역성</b>: CPU가 한 번 참조한 데이터는 …      the same bold term as `**시간적 지역성**: …`
 *
 * Only a tag pair written without attributes, opened and closed in the same
 * run of text with no other HTML between: `<strong class="x">` stays HTML, and so
 * does `<b>` in `<b><i>x</i></b>` (its `<i>` pair is emphasis).
 */
import type { Emphasis, Nodes, PhrasingContent, Root, Strong } from 'mdast';
import { walk } from '../tree-walk.js';

const KIND: Record<string, 'strong' | 'emphasis'> = { strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis' };
const OPEN = /^<(strong|b|em|i)>$/iu;

export function markInlineEmphasis(tree: Root): void {
  walk(tree, (node: Nodes) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    // Pairs are made of HTML nodes: without one the children stay as they are (most paragraphs).
    if (node.children.some((child) => child.type === 'html')) node.children = paired(node.children);
  });
}

/** One level only (the tags around plain text or markdown): the tree was bounded in depth before this runs. */
function paired(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    const tag = child.type === 'html' ? OPEN.exec(child.value.trim())?.[1].toLowerCase() : undefined;
    // The next HTML after the opening tag must be its closing tag.
    const next = tag === undefined ? -1 : children.findIndex((other, at) => at > index && other.type === 'html');
    const close = children[next];
    if (tag === undefined || close?.type !== 'html' || close.value.trim().toLowerCase() !== `</${tag}>`) {
      out.push(child);
      continue;
    }
    const start = child.position?.start;
    const end = close.position?.end;
    const node = { type: KIND[tag], children: children.slice(index + 1, next), ...(start && end ? { position: { start, end } } : {}) } as Strong | Emphasis;
    out.push(node);
    index = next;
  }
  return out;
}
