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
import type { ListItem, RootContent } from 'mdast';
import { isLongAnswer, itemHead } from '../../parse/mdast.js';
import { continuesSentence, endsLikeSentence, readsAsClause } from './clause.js';

export const MAX_PARENT_LENGTH = 30;
export const MAX_PARENT_WORDS = 4;

/** `AIMD(Additive Increase / Multiplicative Decrease)`: a term spelled out in brackets after it is as short as the term. */
const EXPANSION = /\s*[(（][^()（）]+[)）]$/u;

export function isParentQuestion(text: string, firstChild = ''): boolean {
  if (/[?？]$/u.test(text)) return true;
  if (endsLikeSentence(text)) return false;
  if (/[:：]$/u.test(text)) return true;
  if (readsAsClause(text) || continuesSentence(text, firstChild)) return false;
  const term = text.replace(EXPANSION, '') || text;
  return [...term].length <= MAX_PARENT_LENGTH && term.split(/\s+/).length <= MAX_PARENT_WORDS && !/[.。]$/u.test(text);
}

/** `- ##### Single Responsibility Principle`: the bullet's text is a heading, a title the author set. */
export function isTitledItem(item: ListItem): boolean {
  return item.children[0]?.type === 'heading';
}

/** A title may run longer than a topic bullet (`Interface Segregation Principle`, `Race Condition이 발생하는 경우`). */
const MAX_TITLE_LENGTH = 60;
/** …but a heading that is a sentence (`1. #### 시작 정점의 최단 거리는 0이다.`, `직접 문제를 풀수 있도록 노력하자`) is a step or advice, no question. */
const KOREAN_SENTENCE_END = /[다요죠자임함음됨][.!]?$/u;

export function isTitleQuestion(text: string, firstChild = ''): boolean {
  if (/[?？]$/u.test(text)) return true;
  if (endsLikeSentence(text) || (text.includes(' ') && KOREAN_SENTENCE_END.test(text))) return false;
  if (/[:：]$/u.test(text)) return true;
  if (readsAsClause(text) || continuesSentence(text, firstChild)) return false;
  return [...text].length <= MAX_TITLE_LENGTH && !/[.。!]$/u.test(text);
}

/**
 * A parent's answer too long to recall (parse/mdast.ts) shows each bullet in it that is a card of its own (`asks`)
 * by its line only: what is under that bullet is on the bullet's own card, asked under the parent.
 *
 *     - 해결 방법                                  → card "해결 방법" / • AIMD(…) • Slow Start (느린 시작)
 *       - AIMD(Additive Increase / Multiplicative Decrease)    → card "… › 해결 방법 › AIMD(…)" / 처음에 패킷을 …
 *         - 처음에 패킷을 하나씩 보내고 이것이 문제없이 도착하면 …
 *       - Slow Start (느린 시작)                              → card "… › 해결 방법 › Slow Start (느린 시작)"
 *         - AIMD 방식이 네트워크의 수용량 주변에서는 …
 *
 * A short answer stays whole: a parent card then asks for its children with what they say.
 */
export function outlineOfLong(blocks: RootContent[], asks: (item: ListItem) => boolean): RootContent[] {
  if (!isLongAnswer(blocks)) return blocks;
  return blocks.map((block) => (block.type === 'list' ? { ...block, spread: false, children: block.children.map((item) => (asks(item) ? lineOf(item) : item)) } : block));
}

/** The bullet without what is under it; a heading written in it becomes a line of text. */
function lineOf(item: ListItem): ListItem {
  const head = itemHead(item) ?? [];
  return { ...item, spread: false, children: [{ type: 'paragraph', children: head, position: item.children[0]?.position }] };
}

/** `특징:` asks "특징", not "특징:". */
export function parentFront(text: string): string {
  return text.replace(/\s*[:：]$/u, '');
}
