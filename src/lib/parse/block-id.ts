/**
 * Obsidian block ids: ` ^id` at the end of a block (or alone on the line after
 * a table, list or quote) names it for `[[Note#^id]]` links. They are never
 * content, so the parse stage turns each into a `blockId` node, which renders
 * as nothing; a bullet's or a `Q :: A` line's id also pins its card's identity
 * (extract/explicit-id.ts).
 *
 *     - Page table : maps pages to frames ^page-table    → blockId "page-table" at the end of the bullet
 *     ![[diagram.png]]^diagram                            → the image, then blockId "diagram"
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { BlockId } from '../model.js';

// Obsidian ids are letters, digits and dashes; `_` is accepted as deckgen always did.
const BLOCK_ID = /(^|[ \t]+)\^([A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*(?=\n|$)/gm;
const HOLDERS = new Set(['paragraph', 'heading', 'tableCell']);

export function markBlockIds(tree: Root): void {
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    if (HOLDERS.has(node.type)) node.children = withBlockIds(node.children as PhrasingContent[]) as never;
    else (node.children as Nodes[]).forEach(walk);
  };
  walk(tree);
}

/** Only a top-level text node's line ends count: inside `**bold ^x**` or a link it is text. */
function withBlockIds(children: PhrasingContent[]): PhrasingContent[] {
  if (!children.some((node) => node.type === 'text' && node.value.includes('^'))) return children;
  return children.flatMap((node, index) => {
    if (node.type !== 'text' || !node.value.includes('^')) return [node];
    const next = children[index + 1];
    const atEnd = (offset: number) => offset < node.value.length || next === undefined || next.type === 'break';
    // `![[diagram.png]]^id`: Obsidian takes an id right after an embed, with no space.
    const atStart = (offset: number) => offset > 0 || index === 0 || children[index - 1].type === 'break' || children[index - 1].type === 'embed';
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(BLOCK_ID)) {
      const start = match.index;
      const end = start + match[0].length;
      const lineStart = match[1] === '' ? start === 0 || node.value[start - 1] === '\n' : true;
      if (!atEnd(end) || !lineStart || (match[1] === '' && !atStart(start))) continue;
      if (start > last) out.push({ ...node, value: node.value.slice(last, start) });
      out.push({ type: 'blockId', value: match[2] } satisfies BlockId);
      last = end;
    }
    if (last === 0) return [node];
    if (last < node.value.length) out.push({ ...node, value: node.value.slice(last) });
    return out;
  });
}

/** A paragraph left with nothing to show (only a comment, only a block id) is no paragraph. */
export function dropEmptyParagraphs(tree: Root): void {
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    const kept = children.filter((child) => !(child.type === 'paragraph' && child.children.every(isInvisible)));
    if (kept.length !== children.length) node.children = kept as never;
    kept.forEach(walk);
  };
  walk(tree);
}

function isInvisible(node: PhrasingContent): boolean {
  return node.type === 'blockId' || (node.type === 'text' && !node.value.trim());
}
