/**
 * Depth bound for syntax trees (mdast after parsing, hast after raw HTML is
 * parsed). The tree tools downstream (remark-rehype, unist-util-visit,
 * hast-util-to-html) recurse once per level, so 2,000 `>` on a line or a list
 * nested 800 deep would overflow the stack. Below the bound, a node keeps only
 * its text. Both walks here are iterative.
 */
interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

/** Replaces every node at depth `max` that has children by a text node of its text; returns the nodes replaced. */
export function boundDepth(root: Node, max: number): Node[] {
  const replaced: Node[] = [];
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const children = item.node.children;
    if (!children) continue;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (!child.children) continue;
      if (item.depth + 1 < max) {
        stack.push({ node: child, depth: item.depth + 1 });
        continue;
      }
      children[index] = flattened(child);
      replaced.push(child);
    }
  }
  return replaced;
}

/**
 * The text, in a node that may stand where the old one stood: a list holds
 * list items, a table rows of cells, a block context blocks (later stages rely
 * on that). In HTML trees every element simply becomes text.
 */
function flattened(node: Node): Node {
  const text: Node = { type: 'text', value: textOf(node), position: node.position };
  const paragraph = (): Node => ({ type: 'paragraph', children: [text], position: node.position });
  if (node.type === 'listItem') return { type: 'listItem', children: [paragraph()], position: node.position };
  if (node.type === 'tableRow') return { type: 'tableRow', children: [{ type: 'tableCell', children: [text] }], position: node.position };
  if (node.type === 'tableCell') return { type: 'tableCell', children: [text], position: node.position };
  return BLOCKS.has(node.type) ? paragraph() : text;
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'code', 'math', 'table', 'html', 'thematicBreak', 'definition', 'footnoteDefinition', 'callout']);

function textOf(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.value === 'string' && node.type !== 'html' && node.type !== 'raw' && node.type !== 'comment') parts.push(node.value);
    else if (node.children) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]);
    if (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'heading') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
