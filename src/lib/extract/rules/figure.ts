/**
 * Rule `figure-only` (info) — a picture is content: an answer that is only an
 * image (a diagram, with or without alt text) stays a card. What the words
 * around it say decides: when the only words are a sentence leading into what
 * follows (rules/lead-in.ts) — and what it announces became cards of its own
 * or is under the next headings — the picture illustrates those, and the
 * answer left with nothing but pictures makes no card:
 *
 *     ### 트리 순회 방식                                  → no card (info figure-only): the four ways
 *     트리를 순회하는 방식은 총 4가지가 있다.                are the cards "전위 순회(pre-order)", …
 *     위의 그림을 예시로 진행해보자
 *     <img src="binary-tree.png">
 *     1. #### 전위 순회(pre-order) …
 *
 *     ## OSI 7 계층                                       → card "OSI 7 계층" / the diagram
 *     ![OSI 7 계층](osi.png)
 *     #### 1) 물리(Physical) …
 *
 * A lead-in that counts or points at a picture above, before the pictures at
 * the end of an answer, is left off and the pictures stay (`…This is called
 * fragmentation. There are 2 types of fragmentation:` over a one-row table
 * drawing the memory → the first sentences and the table); one announcing the
 * picture after it (`다음 그림과 같이 세 단계로 이뤄진다:`) stays with it.
 *
 * Pictures: a paragraph of images (and line breaks) only, an HTML block of
 * tags with no words (`<img>`, `<p align="center"><img …></p>`), and a table
 * with only a header row — a row of cells drawn as a picture (`| Process A |
 * free | Process B |`), which the card shows as the row of boxes the author drew.
 */
import type { Nodes, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { walk } from '../../tree-walk.js';

/** An image or an embed: it shows what its alt text only names. */
function isPicture(node: Nodes): boolean {
  return node.type === 'image' || node.type === 'imageReference' || node.type === 'embed';
}

/** Some picture is among `nodes` (`## Logo` › `![logo](logo.png)` is answered by the picture, not by its alt text). */
export function hasPicture(nodes: readonly Nodes[]): boolean {
  let found = false;
  for (const node of nodes) walk(node, (child) => {
    if (isPicture(child)) found = true;
  });
  return found;
}

/** An image (or several), or a one-row table, with no words of its own around it. */
export function isIllustration(block: RootContent): boolean {
  // `<p align="center"><img …></p>`: tags and no words (an HTML block with text in it is prose).
  if (block.type === 'html') return !/[\p{L}\p{N}]/u.test(block.value.replace(/<[^>]*>|&[a-z]+;|&#\d+;/giu, ''));
  if (block.type === 'table') return block.children.length === 1;
  return block.type === 'paragraph' && block.children.every((node) => isPicture(node) || (node.type === 'text' && !node.value.trim()) || node.type === 'break');
}

export function figureOnlyMessage(title: string, words: RootContent[]): string {
  return `"${title}" is answered only by a picture and a sentence leading into what follows (${plainText(words).slice(0, 60)}…), which has cards of its own; no card made`;
}
