/**
 * A copy of a tree without the nodes `drop` names (the parsed tree is shared
 * with validation and is never changed). A list left without items goes too.
 * Unchanged subtrees are shared, not copied.
 */
import type { Nodes, Root } from 'mdast';

export function pruneTree(tree: Root, drop: (node: Nodes) => boolean): Root {
  const prune = (node: Nodes): Nodes | null => {
    if (drop(node)) return null;
    if (!('children' in node)) return node;
    const children = (node.children as Nodes[]).map(prune).filter((child): child is Nodes => child !== null);
    if (node.type === 'list' && children.length === 0) return null;
    const same = children.length === node.children.length && children.every((child, index) => child === node.children[index]);
    return same ? node : ({ ...node, children } as Nodes);
  };
  return prune(tree) as Root;
}
