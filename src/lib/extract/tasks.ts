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
 *
 * A whole file or section can be the author's to-do list: a file named
 * `todo.md`, a heading `# TODO`, `## To read`, `## 할 일` (rule `todo-list`,
 * info). Nothing in it is a card:
 *
 *     papers/todo.md
 *     - [SDC 2018 - Protocol Aware Recovery](https://…) and [slides](https://…)   → no card (was "todo → SDC 2018 …")
 *
 * A heading that only contains the word (`## Todo app`, a topic) is not one.
 */
import type { ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { itemHead, plainText } from '../parse/mdast.js';
import { pruneTree } from './prune.js';
import { takeInlineTags } from './tags.js';

const TODO_TAG = /^(?:todo|to-?do|todos|later|wip|revisit|tbd|to-?read|come-?back)$/iu;

/** A file or heading that is the author's to-do list: `todo.md`, `# TODO`, `## To read`, `## 할 일`. */
const TODO_LIST = /^(?:to[- ]?dos?|to[- ]?do list|to[- ]?read(?: list)?|to[- ]?watch|할 ?일(?: 목록)?)$/iu;

export function isToDoList(text: string): boolean {
  return TODO_LIST.test(text.replace(/[_]+/gu, ' ').trim());
}

export function isToDoFile(relativePath: string): boolean {
  return isToDoList(relativePath.split('/').pop()!.replace(/\.(md|markdown)$/iu, ''));
}

/** The bullets of a to-do file or under a to-do heading (bench/coverage.ts does not count them). */
export function toDoItems(tree: Root, relativePath: string): Set<ListItem> {
  const out = new Set<ListItem>();
  let inside: number | null = isToDoFile(relativePath) ? 0 : null;
  for (const block of tree.children) {
    if (block.type === 'heading' && inside !== 0) inside = isToDoList(plainText(block.children)) ? block.depth : inside !== null && block.depth > inside ? inside : null;
    else if (inside !== null) visit(block, 'listItem', (item: ListItem) => void out.add(item));
  }
  return out;
}

export function withoutTasks(tree: Root): Root {
  return pruneTree(tree, (node) => node.type === 'listItem' && (typeof node.checked === 'boolean' || isTaggedToDo(itemHead(node))));
}

function isTaggedToDo(head: ReturnType<typeof itemHead>): boolean {
  if (!head) return false;
  const { nodes, tags } = takeInlineTags(head);
  return tags.some((tag) => TODO_TAG.test(tag)) && plainText(nodes).length > 0;
}
