/**
 * Rule `parent` — a short bullet with content under it (nested bullets, or an
 * indented paragraph, quote or code block) asks for that content:
 * front = the parent's text, back = the children. Children that are
 * definitions also make their own cards, with the parent in their context.
 *
 *     - example                                  → card "example" / [동기 : …, 비동기 : …]
 *       - 동기 : 상대방이 받을 준비가 되었다면…     → card "… › example › 동기" / 상대방이…
 *       - 비동기 : 채팅 서버                       → card "… › example › 비동기" / 채팅 서버
 *
 * A long parent (a sentence, not a topic) is not a question: it joins the
 * answer of its section (rules/section.ts) with its children nested.
 *
 *     - 통신의 맨 아래 단계, 주로 전기적 … 데이터 전송   (sentence: part of the run)
 *       - 통신 단위 : 비트                             (still its own definition card)
 *
 * A parent that reads as a sentence (rules/clause.ts) is not a topic either,
 * nor is one whose child goes on with its sentence:
 *
 *     - Users can test system                        (part of the run, with its child nested)
 *       - often considered final test
 *
 * Nor is a Korean sentence, short or ending with `:` — a step the children go
 * on with, not a term they answer (it joins the run, with its children nested):
 *
 *     - DNS는 캐시를 확인 합니다                       (part of the run: a step of the section's answer)
 *       - 기존에 접속했던 사이트의 경우 캐시에 남아 있을 수 있습니다
 *     - 확인 창에 복구 코드가 표시돼요. 두 가지 옵션이 있어요:   (part of the run, its options nested;
 *       - Copy recovery codes: 코드를 복사하여 …                  each still a definition card)
 *
 * A heading written inside a bullet is the bullet's text:
 *
 *     - ##### 2단계 디렉터리                            → card "2단계 디렉터리" / 사용자에게 개별적인…
 *
 *       > 사용자에게 개별적인 디렉터리 만들어줌
 */
import { continuesSentence, endsLikeSentence, readsAsClause } from './clause.js';

export const MAX_PARENT_LENGTH = 30;
export const MAX_PARENT_WORDS = 4;

export function isParentQuestion(text: string, firstChild = ''): boolean {
  if (/[?？]$/u.test(text)) return true;
  if (endsLikeSentence(text)) return false;
  if (/[:：]$/u.test(text)) return true;
  if (readsAsClause(text) || continuesSentence(text, firstChild)) return false;
  return [...text].length <= MAX_PARENT_LENGTH && text.split(/\s+/).length <= MAX_PARENT_WORDS && !/[.。]$/u.test(text);
}

/** `특징:` asks "특징", not "특징:". */
export function parentFront(text: string): string {
  return text.replace(/\s*[:：]$/u, '');
}
