/**
 * Rule `prose-section` (info) — a heading answered by a long run of prose
 * (more than LONG_ANSWER_LINES rendered lines or LONG_ANSWER_COLUMNS columns of
 * text, a Hangul syllable two: an essay, two long code listings) with nothing question-shaped in it
 * is reading material, not a flashcard: no card by default.
 *
 *     ## Why we moved to a monorepo          → no card (info prose-section)
 *     (fifteen paragraphs of story)
 *
 * Still cards: a heading that asks (`### 데드락이란?`, rules/question-heading.ts)
 * and any heading under one,
 * a section holding a list, a definition or a cloze (those make their own
 * cards), and any short prose answer. Front matter `prose: true` (one file)
 * or `--prose` (the whole build) turns long prose sections back into cards.
 */
import type { RootContent } from 'mdast';
import { isLongAnswer } from '../../parse/mdast.js';

export function isLongProse(blocks: readonly RootContent[]): boolean {
  return !blocks.some((block) => block.type === 'list') && isLongAnswer(blocks);
}
