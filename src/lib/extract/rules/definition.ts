/**
 * Rule `definition` — a bullet `term : definition` becomes a card:
 * front = term, back = definition.
 *
 *     - 헤더 : 토큰 종류와 해시 알고리즘 정보        → 헤더 / 토큰 종류와 해시 알고리즘 정보
 *     - TCP: 연결형 프로토콜                       → TCP / 연결형 프로토콜
 *     - 전송 단위：프레임                          → 전송 단위 / 프레임   (full-width colon)
 *     - REST - 자원을 이름으로 구분하는 아키텍처     → REST / …
 *     - JWT — JSON Web Token                     → JWT / JSON Web Token
 *
 * Never split (the whole bullet stays one piece of text):
 *
 *     - 회의는 10:30 에 시작                        (no space after the colon: a time)
 *     - http://example.com 에서 내려받는다           (URL)
 *     - `std::vector` 는 동적 배열이다              (inside code: not searched at all)
 *     - ex) 동기 : 전화 통화                        (an example, not a term)
 *     - t1 : 프로세스1이 자원1을 얻음                 (a moment of a worked example: t1, T2, t=3)
 *     - **참고**: 재연결하면 일부 설정이 켜져 있어요    (an aside marked by its label: 참고, Note, Tip, Warning…)
 *     - 예시: `[1,2,3].reverse()`는 `[3,2,1]`을 반환해요  (an example marked by its label: 예시, 예, 예제, Example, e.g.;
 *     - 예시 (합계): `[1,2,3].reduce(…)`는 `6`을 반환해요   also with a number or a parenthesis, `Example 2`, `참고 (Mac)`:
 *     - Example: given an array `[2, 3, 6]`, …          the line stays in the answer of the topic it illustrates)
 *     - 음수 인덱스는 끝에서부터 세요: `"hello"|slice:-3`…  (a "term" that is a whole sentence: rules/clause.ts)
 *     - 잘못된 구현은 성능 저하로 이어짐 - 캐싱 등     (a "term" that is a sentence: > 6 words or > 40 characters)
 *     - 컴파일 과정 (전단부 - 중단부 - 후단부)          (the dash is inside parentheses)
 *     - "Sync: 버전 기록" 메뉴를 열어요                 (the colon is inside a quotation)
 *     - ⊨ is entailment, with: …                  (a "term" that reads as part of a sentence: rules/clause.ts)
 *     - Given 5 documents: …
 *     - A Calculus is usually formulated - …
 *
 * A formatted term works too: `**TCP**: 연결형`, `` `git stash`: 임시 저장 ``, `[RFC](url): 표준 문서`.
 *
 * `term :: definition` is the explicit syntax (rules/explicit.ts) and always splits.
 */
import type { PhrasingContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { splitPhrasing, type Split } from '../phrasing.js';
import { readsAsClause } from './clause.js';

export const MAX_TERM_LENGTH = 40;
export const MAX_TERM_WORDS = 6;

// Leftmost wins: ` : `, `term: `, full-width `：`, and spaced dashes. A colon needs
// whitespace after it, which is what keeps `10:30` and `http://` whole.
// A colon at the very end (`- 헤더 :`) is a term whose answer was forgotten: split, so the empty side is reported.
const SEPARATOR = /\s+:(\s+|$)|(?<=\S):(\s+|$)|\s*：\s*|\s+[-–—]\s+/u;
// After `**term**`, `` `term` `` or a link the colon starts the next text node, with nothing before it to look behind at.
const LEADING_COLON = /^:\s+/u;
const FORMATTED_TERM = new Set(['strong', 'emphasis', 'inlineCode', 'link', 'delete']);
const EXAMPLE_MARKER = /^(ex\)|ex\.|e\.g\.|eg\)|예\)|예시\)|예:)/iu;
const SENTENCE_END = /[.?!。](\s|$)/u;
/**
 * `참고: …`, `**Note**: …`, `Tip - …`: an aside marked by its label; `예시: …`, `Example: …`: an example. Neither is a
 * term with its definition — a card `reverse() › 예시` asks for an arbitrary example — so the line stays in the answer
 * of the topic it comments on or illustrates (the heading's or the parent's card). A number or a parenthesis may
 * qualify the label (`예시 (합계)`, `Example 2`, `Note (Windows)`).
 */
const ASIDE_WORDS = '참고|주의|경고|팁|알림|중요|힌트|note|n\\.b\\.|tip|hint|warning|caution|important|reminder|p\\.s\\.';
const EXAMPLE_WORDS = '예시|예제|예|example|examples|e\\.g\\.?|eg|for example|for instance';
const QUALIFIER = String.raw`(?:\s*#?\d+|\s*[(（][^)）]*[)）])?`;
const LABEL = new RegExp(`^(?:${ASIDE_WORDS}|${EXAMPLE_WORDS})${QUALIFIER}$`, 'iu');
const EXAMPLE_LABEL = new RegExp(`^(?:${EXAMPLE_WORDS})${QUALIFIER}$`, 'iu');
/** `t1`, `T2`, `t=3`: a moment in a worked example (`t1 : 프로세스1이 자원1을 얻음`), not a term; the line stays in its answer. */
const TIME_STEP = /^[tT]\s*=?\s*\d{1,2}$/u;

export function splitDefinition(nodes: PhrasingContent[]): Split | null {
  const split = splitPhrasing(nodes, (text, previous) => {
    const match = (previous && FORMATTED_TERM.has(previous.type) && LEADING_COLON.exec(text)) || SEPARATOR.exec(text);
    return match ? { index: match.index, length: match[0].length, separator: match[0].trim() || ':' } : null;
  });
  if (!split || split.before.length === 0) return null;
  const term = plainText(split.before);
  return isTerm(term) || isNumericTerm(term, plainText(split.after)) ? split : null;
}

/**
 * `- 404 : Not Found`, `- 443 : HTTPS`, `- 1995 : Java 발표`: status codes, ports and years are terms in study
 * notes. A number of two to five digits, when the definition has words; a single digit is a step number
 * (`- 1 - 설치한다`), and `- 10 : 30` is a time.
 */
function isNumericTerm(term: string, definition: string): boolean {
  return /^\d{2,5}$/u.test(term) && /\p{L}/u.test(definition);
}

/** `예시`, `Example 2`, `참고 (Mac)`: a label that marks an example or an aside (LABEL). */
export function isLabel(text: string): boolean {
  return LABEL.test(text.trim().replace(/\s*[:：]$/u, ''));
}

/** `예시`, `Examples`, `Example 2`: a label that marks an example, not an aside. */
export function isExampleLabel(text: string): boolean {
  return EXAMPLE_LABEL.test(text.trim().replace(/\s*[:：]$/u, ''));
}

export function isTerm(text: string): boolean {
  return readsAsTerm(text) && !EXAMPLE_MARKER.test(text) && !LABEL.test(text) && !TIME_STEP.test(text);
}

/**
 * Shaped like a term — short, words not a sentence, brackets closed — whatever it names. A bold lead
 * (rules/split.ts) is set apart by its author, so `**팁** (\`[!tip]-\`) - …` defines 팁 rather than marking an aside.
 */
export function readsAsTerm(text: string): boolean {
  if (!text || !/\p{L}/u.test(text)) return false;
  if (SENTENCE_END.test(text) || !balanced(text) || readsAsClause(text)) return false;
  // A gloss in brackets is part of the name, not words of a sentence: `Terminal Node ( = leaf Node, 단말 노드)`.
  const words = text.replace(/\s*[(（][^()（）]*[)）]/gu, '').trim().split(/\s+/);
  return [...text].length <= MAX_TERM_LENGTH && words.length <= MAX_TERM_WORDS;
}

/** `컴파일 과정 (전단부` is half of a parenthesis, and `"Sync` half of a quotation, not a term. */
function balanced(text: string): boolean {
  if ((text.match(/"/g) ?? []).length % 2 || (text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length) return false;
  let depth = 0;
  for (const char of text) {
    if ('([（【'.includes(char)) depth++;
    else if (')]）】'.includes(char)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
