/**
 * Tasks (`- [ ] review segmentation`, `- [x] done`) are to-dos, not
 * knowledge: they make no card, are in no answer, and a heading whose content
 * is only tasks makes no card either. They are taken out of the tree before
 * the walk, so no rule ever sees one (a copy: the parsed tree is not changed).
 *
 *     ## Segmentation
 *     - [ ] TODO: review segmentation        → no card (was "TODO → review segmentation")
 */
import type { Nodes, Root } from 'mdast';

export function withoutTasks(tree: Root): Root {
  return prune(tree) as Root;
}

function prune(node: Nodes): Nodes | null {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') return null;
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).map(prune).filter((child): child is Nodes => child !== null);
  if (node.type === 'list' && children.length === 0) return null;
  const same = children.length === node.children.length && children.every((child, index) => child === node.children[index]);
  return same ? node : ({ ...node, children } as Nodes);
}
