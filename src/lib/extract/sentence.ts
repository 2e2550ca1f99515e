/**
 * Sentences of running text, and whether one asks: shared by the rules that
 * read an answer sentence by sentence (rules/lead-in.ts, rules/cross-reference.ts)
 * or a bullet as a question (rules/question-list.ts), so they agree on where a
 * sentence ends and on what a question looks like.
 */

/** A sentence ends at `.`, `!`, `?` or `。` followed by a space; a final one ends the text. */
export const SENTENCE_BREAK = /(?<=[.!?。])\s+/u;

/** The text's sentences, in order (`링크 형식이에요. 옵션은 다음과 같아요:` → two). */
export function sentencesOf(text: string): string[] {
  return text.trim().split(SENTENCE_BREAK).filter(Boolean);
}

/** Where each sentence after the first starts in `text`. */
export function sentenceStarts(text: string): number[] {
  return [...text.matchAll(new RegExp(SENTENCE_BREAK.source + String.raw`(?=\S)`, 'gu'))].map((match) => match.index + match[0].length);
}

export function isOneSentence(text: string): boolean {
  return sentencesOf(text).length <= 1;
}

/**
 * A sentence asks when it ends with a question mark or a Korean question
 * ending: `…는가`, `…인가`, `…일까`, `…할까`, `…인가요`, `…나요`, `…까요`,
 * `…니까` (a full stop after it is allowed: `…무엇인가요.`).
 */
const ASKING = /(?:[?？]|(?:[는은인]가|[을할일될볼갈]까|(?:인가|나|까|가)요|니까))\.?\s*$/u;

export function asks(sentence: string): boolean {
  return ASKING.test(sentence);
}

/** A request to the one answering (`…설명해주세요.`, `…표현해주십시오`, `…하시오`) — not an instruction to follow (`…확인하세요`). */
const REQUESTING = /(?:주(?:세요|십시오|시겠어요)|하시오|설명하세요)\.?\s*$/u;

export function requestsAnswer(sentence: string): boolean {
  return REQUESTING.test(sentence);
}
