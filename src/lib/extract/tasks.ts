/**
 * Tasks (`- [ ] review segmentation`, `- [x] done`) are to-dos, not
 * knowledge: they make no card, are in no answer, and a heading whose content
 * is only tasks makes no card either. They are taken out of the tree before
 * the walk, so no rule ever sees one (a copy: the parsed tree is not changed).
 *
 *     ## Segmentation
 *     - [ ] TODO: review segmentation        → no card (was "TODO → review segmentation")
 */
import type { Root } from 'mdast';
import { pruneTree } from './prune.js';

export function withoutTasks(tree: Root): Root {
  return pruneTree(tree, (node) => node.type === 'listItem' && typeof node.checked === 'boolean');
}
