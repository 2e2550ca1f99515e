/**
 * An HTML comment put around notes that hold their own comments — typically
 * cards carrying obsidian-spaced-repetition's `<!--SR:…-->` schedule:
 *
 *     <!--
 *     Question
 *     ?
 *     Answer <!--SR:!2021-08-11,4,270-->
 *     -->
 *
 * CommonMark ends the HTML block at the first `-->` (the schedule's), so the
 * closing `-->` would become a paragraph, and a card. The user meant the outer
 * pair: every `<!--` opened at the start of a block is counted until all are
 * closed, and the blocks up to that point are dropped from the tree.
 */
import type { Root, RootContent } from 'mdast';

const OPEN_OR_CLOSE = /<!--|-->/g;

export function dropSpanningComments(tree: Root, text: string): void {
  tree.children = spanFree(tree.children, text);
}

function spanFree(blocks: RootContent[], text: string): RootContent[] {
  const kept: RootContent[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    kept.push(block);
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (block.type !== 'html' || !block.value.startsWith('<!--') || start === undefined || end === undefined) continue;
    const close = closingOffset(text, start);
    if (close === null || close <= end) continue;
    kept.pop();
    // Every block that starts before the outer `-->` ends is inside the comment.
    while (index + 1 < blocks.length && (blocks[index + 1].position?.start.offset ?? Infinity) < close) index++;
  }
  return kept;
}

/** Offset just past the `-->` that balances the `<!--` at `start`; null when it is never closed. */
function closingOffset(text: string, start: number): number | null {
  OPEN_OR_CLOSE.lastIndex = start;
  let depth = 0;
  for (let match = OPEN_OR_CLOSE.exec(text); match; match = OPEN_OR_CLOSE.exec(text)) {
    depth += match[0] === '<!--' ? 1 : -1;
    if (depth === 0) return match.index + match[0].length;
  }
  return null;
}
