/**
 * A line, paragraph or bullet made only of `#tags` is metadata, not content
 * (Obsidian users tag a note or a section this way). Its tags go on every card
 * of its scope — the whole file when it stands before the first heading, else
 * its heading's section (subsections included) — and it makes no card and no
 * answer text:
 *
 *     #os/memory #interview          → every card of the file: os::memory, interview
 *     ## Paging
 *     #flashcards                     → every card under "Paging": flashcards
 *     - Page table : maps pages to frames
 *
 * Without this, `## Paging` followed by `#flashcards` made the card
 * `Paging → #flashcards`.
 */
import type { Heading, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { itemHead } from '../parse/mdast.js';
import { splitLines } from './phrasing.js';
import { takeInlineTags } from './tags.js';

/**
 * The tags of a line that holds nothing but tags (`#os/memory #interview`),
 * else null. Only plain text counts: `**#tag**` or a linked `#tag` is content.
 */
export function tagLine(line: readonly PhrasingContent[]): string[] | null {
  if (line.length === 0 || !line.every((node) => node.type === 'text')) return null;
  const { nodes, tags } = takeInlineTags([...line]);
  const rest = nodes.map((node) => (node.type === 'text' ? node.value : '')).join('');
  return tags.length && !rest.trim() ? tags : null;
}

/** The tags of a bullet whose whole content is tag lines (`- #todo #review`), else null. */
export function tagItem(item: ListItem): string[] | null {
  const head = itemHead(item);
  if (!head || item.children.length !== 1 || item.children[0].type !== 'paragraph') return null;
  return tagParagraph(head);
}

/** The tags of inline content all of whose lines are tag lines, else null. */
function tagParagraph(nodes: PhrasingContent[]): string[] | null {
  const lines = splitLines(nodes).filter((line) => line.length > 0);
  const tags = lines.map(tagLine);
  return lines.length && tags.every((line) => line !== null) ? tags.flat() : null;
}

/** Scope of a tag line: null is the whole file (before the first heading), else the heading starting its section. */
export type TagScope = Heading | null;

/**
 * Every tag line of the file, by scope. A pass of its own because a tag line
 * may stand anywhere in its scope (often at its end) and still tags every
 * card of it, including the ones above it.
 */
export function scopeTags(tree: Root): Map<TagScope, string[]> {
  const found = new Map<TagScope, string[]>();
  let scope: TagScope = null;
  const add = (tags: string[] | null) => {
    if (tags?.length) found.set(scope, [...(found.get(scope) ?? []), ...tags]);
  };
  const visit = (blocks: readonly RootContent[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph') splitLines(block.children).forEach((line) => add(tagLine(line)));
      else if (block.type === 'blockquote' || block.type === 'callout') visit(block.children);
      else if (block.type === 'list') {
        for (const item of block.children) {
          const tags = tagItem(item);
          if (tags) add(tags);
          else visit(itemHead(item) ? item.children.slice(1) : item.children);
        }
      }
    }
  };
  for (const block of tree.children) {
    if (block.type === 'heading') scope = block;
    else visit([block]);
  }
  return found;
}
