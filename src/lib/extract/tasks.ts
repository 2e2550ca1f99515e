/**
 * Tasks (`- [ ] review segmentation`, `- [x] done`) are to-dos, not
 * knowledge: they make no card, are in no answer, and a heading whose content
 * is only tasks makes no card either. They are taken out of the tree before
 * the walk, so no rule ever sees one (a copy: the parsed tree is not changed).
 * So is a bullet the author tagged as a to-do (`#todo`, `#later`, `#revisit`…):
 *
 *     ## Segmentation
 *     - [ ] TODO: review segmentation        → no card (was "TODO → review segmentation")
 *     - Chapter 4 needs cryptography, should come back to it #todo    → no card
 *
 * A bullet of only tags (`- #todo`) is a tag line, not a to-do (tag-lines.ts).
 */
import type { Root } from 'mdast';
import { itemHead, plainText } from '../parse/mdast.js';
import { pruneTree } from './prune.js';
import { takeInlineTags } from './tags.js';

const TODO_TAG = /^(?:todo|to-?do|todos|later|wip|revisit|tbd|to-?read|come-?back)$/iu;

export function withoutTasks(tree: Root): Root {
  return pruneTree(tree, (node) => node.type === 'listItem' && (typeof node.checked === 'boolean' || isTaggedToDo(itemHead(node))));
}

function isTaggedToDo(head: ReturnType<typeof itemHead>): boolean {
  if (!head) return false;
  const { nodes, tags } = takeInlineTags(head);
  return tags.some((tag) => TODO_TAG.test(tag)) && plainText(nodes).length > 0;
}
