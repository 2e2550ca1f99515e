/**
 * Rule `question-list` (info) — a list of questions with no answers (an
 * interview question bank, questions to ask an employer) has nothing to put
 * on the answer side: no card from it, neither a list card nor a question
 * whose "answer" is its follow-up questions.
 *
 *     ## Interview Questions                                 → no card (info question-list)
 *     - 딥러닝할 때 GPU를 쓰면 좋은 이유는?
 *       - 학습시 필요한 GPU 메모리는 어떻게 계산하는가?
 *     - Training 세트와 Test 세트를 분리하는 이유는?
 *     - 고유값(eigen value)와 고유벡터(eigen vector)에 대해 설명해주세요.
 *
 * A list of at least MIN_QUESTIONS questions, nine entries in ten of them
 * questions, with nothing under any entry but more questions. A
 * question with an answer under it (`- 데드락이란?` › `- 두 프로세스가 …`) is a
 * card as always, and so is the list it is in.
 */
import type { List, ListItem, Root } from 'mdast';
import { walk } from '../../tree-walk.js';
import { itemHead, plainText } from '../../parse/mdast.js';
import { splitDefinition } from './definition.js';
import { isQuestion } from './question-heading.js';
import { asks, requestsAnswer } from '../sentence.js';

const MIN_QUESTIONS = 3;

export function isQuestionList(list: List): boolean {
  const asking = list.children.filter(isQuestionItem).length;
  return asking >= MIN_QUESTIONS && asking >= QUESTION_SHARE * list.children.length && list.children.every((item) => !hasAnswer(item));
}

/** Something under an entry that is not more questions: an answer. */
function hasAnswer(item: ListItem): boolean {
  return item.children.slice(1).some((block) => block.type !== 'list' || !block.children.every(isQuestionItem));
}

/**
 * A bullet asks when it ends with a question mark, a Korean question ending or
 * a request to the one answering (`…설명해주세요.`, `…표현해주세요.`) — not an instruction (`…확인하세요`,
 * `…고려해 보세요`: steps to follow) — and is no definition (`Communication: Does
 * the candidate …?` is a rubric's term).
 */
const HANGUL = /[\uac00-\ud7a3]/u;
/** Share of a list's entries that must ask; one aside in ten (`… 옹호해보세요.`) does not make it a list of answers. */
const QUESTION_SHARE = 0.9;

function isQuestionItem(item: ListItem): boolean {
  const head = itemHead(item);
  const text = head ? plainText(head).replace(/\s*\([^()]*\)$/u, '') : '';
  if (!head || splitDefinition(head)) return false;
  // English has no question endings to go by: its question words and instructions (`Explain …`, `Name a few`) ask.
  return asks(text) || requestsAnswer(text) || (!HANGUL.test(text) && isQuestion(text));
}

/** The bullets question lists leave out of a file (bench/coverage.ts does not count them). */
export function questionListItems(tree: Root): Set<ListItem> {
  const out = new Set<ListItem>();
  walk(tree, (list) => {
    if (list.type !== 'list' || !isQuestionList(list)) return;
    walk(list, (item) => {
      if (item.type === 'listItem') out.add(item);
    });
  });
  return out;
}
