/**
 * Rule `list` / `section` — what sits directly under a heading (or
 * pseudo-heading) and is not a card of its own is that heading's answer:
 * front = the heading, back = those blocks in document order.
 *
 * Plain bullets (rule id `list`): no separator, no question of their own.
 * Ordered lists keep their order, bullets with children keep them nested,
 * and several lists under one heading join one card, so a heading never
 * asks the same question twice.
 *
 *     ### ORM
 *     2. 장점                                     → card "ORM › 장점" / • 객체 지향적 코드로 …
 *     - 객체 지향적 코드로 인해 더 직관적이고 …                              • 가독성 증가 …
 *     - 가독성 증가
 *
 * Prose (rule id `section`): paragraphs, display math, code, images, tables
 * and quotes under a heading — the "heading is the question" style:
 *
 *     ### 고유값과 고유벡터가 무엇이고 왜 중요한지 설명해주세요.
 *     정방행렬 $A$는 …                              → card with the paragraph, the formula
 *     $$ Ax = \lambda x $$                           and the bundled image as its answer
 *     ![고유벡터](./img/eigen-vector.png)
 *
 * Not part of an answer: paragraphs that are only links (references), raw
 * HTML comments, and prose before the first heading (a file's preamble).
 * A section whose list was only links is a reading list; the sentence that
 * introduces it is no answer either (no card):
 *
 *     ## Essential questions
 *     _These are essential questions to practice if you're studying for this topic._
 *     - [Implement Stack using Queues](https://leetcode.com/…)
 */
import type { List, ListItem, RootContent } from 'mdast';
import { isLinksOnly, plainText } from '../../parse/mdast.js';

export interface SectionAnswer {
  key: string;
  blocks: RootContent[];
  /** The list that bullets are being appended to, while bullets keep coming. */
  openList: List | null;
  hasProse: boolean;
  /** Link-only bullets or paragraphs were left out at its end (references), after everything it holds. */
  endsInLinks: boolean;
}

/** Longest introduction (characters) a reading list can have and still be only a reading list. */
export const MAX_LINK_INTRO = 200;

export function startSection(key: string): SectionAnswer {
  return { key, blocks: [], openList: null, hasProse: false, endsInLinks: false };
}

export function addBullet(answer: SectionAnswer, item: ListItem, from: List): void {
  if (!answer.openList) {
    answer.openList = { type: 'list', ordered: Boolean(from.ordered), start: from.start, spread: false, children: [] };
    answer.blocks.push(answer.openList);
  }
  answer.openList.children.push(item);
  answer.endsInLinks = false;
}

export function addProse(answer: SectionAnswer, block: RootContent): void {
  answer.blocks.push(block);
  answer.hasProse = true;
  answer.openList = null;
  answer.endsInLinks = false;
}

/** Link-only bullets or paragraphs were left out here. */
export function addLinks(answer: SectionAnswer): void {
  answer.endsInLinks = true;
}

/** Nothing to ask: no blocks, or only a short introduction to the links that were left out after it. */
export function isEmptyAnswer(answer: SectionAnswer): boolean {
  if (answer.blocks.length === 0) return true;
  return answer.endsInLinks && answer.blocks.every((block) => block.type === 'paragraph') && plainText(answer.blocks).length <= MAX_LINK_INTRO;
}

/** Blocks that can answer a heading; bullets are handled item by item. */
export function isProse(block: RootContent): boolean {
  if (block.type === 'paragraph') return !isLinksOnly(block.children);
  if (block.type === 'html') return /<(img|table|pre|ul|ol|p|div)\b/i.test(block.value);
  return block.type === 'math' || block.type === 'code' || block.type === 'table' || block.type === 'blockquote' || block.type === 'callout';
}
