/**
 * Bold and italics written as HTML tags inside a paragraph are the same
 * emphasis as `**…**` and `*…*`: a `<strong>` pair becomes a `strong` node,
 * `<em>`/`<i>` an `emphasis`, so every rule that reads emphasis reads them too.
 *
 *     > <strong>동기화 문제(Synchronization Issue)</strong>     the same bold title line as `> **동기화 문제(…)**`
 *     <b>시간적 지역성</b>: CPU가 한 번 참조한 데이터는 …      the same bold term as `**시간적 지역성**: …`
 *
 * Only a tag pair written without attributes, opened and closed in the same
 * run of text (`<strong class="x">` stays HTML, rendered as the user wrote it).
 */
import type { Emphasis, Nodes, PhrasingContent, Root, Strong } from 'mdast';
import { visit } from 'unist-util-visit';

const KIND: Record<string, 'strong' | 'emphasis'> = { strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis' };
const OPEN = /^<(strong|b|em|i)>$/iu;

export function markInlineEmphasis(tree: Root): void {
  visit(tree, (node: Nodes) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    node.children = paired(node.children);
  });
}

function paired(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    const tag = child.type === 'html' ? OPEN.exec(child.value.trim())?.[1].toLowerCase() : undefined;
    const close = tag === undefined ? -1 : children.findIndex((other, at) => at > index && other.type === 'html' && other.value.trim().toLowerCase() === `</${tag}>`);
    if (tag === undefined || close === -1) {
      out.push(child);
      continue;
    }
    const inner = paired(children.slice(index + 1, close));
    const end = children[close].position?.end;
    const start = child.position?.start;
    const node = { type: KIND[tag], children: inner, ...(start && end ? { position: { start, end } } : {}) } as Strong | Emphasis;
    out.push(node);
    index = close;
  }
  return out;
}
