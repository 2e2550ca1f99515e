/**
 * A plain walk of a markdown tree, for the read-only walks that run on every
 * file and every card. unist-util-visit builds a closure and an array of
 * ancestors for each node it passes, which made those walks about a tenth of
 * a compile (docs/decisions.md, "speed4"); this walk allocates nothing per
 * node. Use visit where a visitor skips, exits or replaces nodes in its parent.
 */
import type { Nodes, Parents } from 'mdast';

/**
 * Calls `visitor` on every node in the order unist-util-visit visits them (a node, then its children in order), and
 * like visit reads a node's children after its visitor ran, so a visitor may replace its own node's children.
 */
export function walk(tree: Nodes, visitor: (node: Nodes, parent: Parents | undefined) => void): void {
  const nodes: Nodes[] = [tree];
  const parents: (Parents | undefined)[] = [undefined];
  while (nodes.length) {
    const node = nodes.pop()!;
    visitor(node, parents.pop());
    const children = 'children' in node ? (node.children as Nodes[] | undefined) : undefined;
    if (!children) continue;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      nodes.push(children[index]);
      parents.push(node as Parents);
    }
  }
}
