/**
 * Rule `lead-in` (info) — a sentence that only leads into what comes next
 * (a list, a sub-heading, a box) says nothing on its own. At the end of an
 * answer, with what it announces not there (it became cards of its own, or
 * is under the next heading), it is left off the answer; an answer that was
 * nothing else makes no card:
 *
 *     ### Index 자료구조                                 → no card (info lead-in)
 *     그렇다면 DBMS 는 인덱스를 어떻게 관리하고 있는가
 *     #### B+-Tree 인덱스 알고리즘 …                      (cards of their own)
 *
 *     # 얕은 복사 vs 깊은 복사                             → no card
 *     > shallow copy와 deep copy가 어떻게 다른지 알아보자
 *     ### 얕은 복사(shallow copy) …
 *
 *     ### Where are the servers?                         → the answer keeps only its first sentence
 *     They run on DigitalOcean.
 *     The regions are listed below:
 *
 *     # Git vs GitHub vs GitLab Flow                      → no card: it counts and announces
 *     ```                                                  what the sub-headings hold
 *     git-flow의 종류는 크게 3가지로 분리된다.
 *     어떤 차이점이 있는지 간단히 알아보자
 *     ```
 *     ## 1. Git Flow …
 *
 *     ### 가비지 컬렉션의 작동 방식                        → no card: it says what the section is about
 *     … 어떻게 순환 참조를 감지하는지에 관한 내용이다. 이에 대해 차근차근 알아보자.
 *     #### 어떤 기준으로 가비지 컬렉션이 일어나는가 …
 *
 *     ### 충돌 해결                                       → "충돌 해결" → "…방법을 선택해요.": what
 *     …충돌을 해결하는 방법을 선택해요.                                  follows the `---` introduces
 *     ---                                                                the next section
 *     …선택할 수도 있어요. 이 섹션에서는 선택적 동기화와 …을 다뤄요.
 *     ## 선택적 동기화 …
 *
 *     ### 기타 행동                                       → no card: it is about "the following
 *     다음 행동들은 즉각적인 차단이나 경고로 이어지지는 않지만, 강력히      behaviours", which the
 *     자제를 권고해요. 이러한 행동에 관여하면 …                          sub-headings name
 *     #### 시라이어닝(Sea-lioning) …
 *
 * A lead-in is a paragraph, a quote or a box (a code block with no language
 * holding a few lines of prose) whose every sentence leads in: one ending with
 * `:`, one that announces (`…알아보자`, `이제 프로젝트를 구성해보자!`,
 * `…살펴보겠습니다`, `…만 추가로 설명합니다`, `다음과 같다`, `Let's look at …`,
 * `… as follows`, what a section covers: `이 섹션에서는 …을 다뤄요`, `This
 * section covers …`), or, when sub-headings follow to answer it, a question
 * (`…?`, `…는가`, `…일까`), a count of what they hold (`크게 3가지로 분리된다`,
 * `There are three types of …`) or what the section is about (`…에 관한
 * 내용이다`). With sub-headings following, a
 * paragraph that opens on "the following …" (`다음 행동들은 …`, `The
 * following practices …`) is about them as a whole. Followed by what it
 * introduces, it stays (`Include languages and stacks:` → the list). After a
 * thematic break (`---`), a paragraph whose last sentence leads in goes as a
 * whole: the break ended the answer, the paragraph opens what comes next; one
 * that leads into nothing stays.
 */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { asks, sentencesOf, sentenceStarts } from '../sentence.js';
import { isIllustration } from './figure.js';

/** Longer than this, a sentence says something of its own, whatever its ending. */
const MAX_LEAD_IN = 200;
/** Longest paragraph about "the following …" that is only about them. */
const MAX_ABOUT_FOLLOWING = 400;
/** Most lines of prose in a code block used as a box (gyoogle's ```` ``` ```` intros). */
const MAX_BOX_LINES = 4;
const ANNOUNCES = [
  /[:：]$/u,
  /[\uac00-\ud7a3] ?(?:보자|봅시다|보겠(?:다|습니다|어요)|볼까(?:요)?|보도록 하자|보도록 하겠습니다)[.!?]?$/u,
  /(?:다음|아래)(?:과|와) 같(?:다|습니다|아요|은 \S+(?:이|가) 있다)[.!]?$/u,
  // The author saying what comes next: `…만 추가로 설명합니다`, `…를 정리하겠습니다`, `…을 다룰게요`.
  /(?:(?:설명|정리|소개|서술)(?:하겠(?:다|습니다|어요)|할게요|하도록 하겠습니다)|다루(?:겠습니다|겠어요|도록 하겠습니다)|다룰게요)[.!]?$/u,
  /(?:추가로|이어서|아래에서|다음에서|여기서(?:는)?) (?:\S+ )*?(?:설명|정리|소개|서술)(?:합니다|한다|해요)[.!]?$/u,
  /^(?:now,? )?(?:let'?s|let us|we(?:'ll| will)|here,? we(?:'ll| will)?)\b.*\b(?:look|see|discuss|explore|go (?:over|through)|examine|cover|dive)\b/iu,
  /\b(?:as follows|the following|below)[.!]?$/iu,
  // Sending the reader to the references after it: `보다 자세한 내용은 다음 Reference 를 참고하시면 됩니다 :)`.
  /(?:다음|아래)(?:의)? ?(?:reference|references|참고 ?자료|링크|자료|문서|글)(?:들)? ?[을를]? ?(?:참고|참조|확인)(?:하시면 됩니다|하면 된다|하면 됩니다|하세요|해 ?주세요|하시길 바랍니다|바랍니다)[\s.!]*(?::\)|\^\^)?$/iu,
  /^here (?:is|are) (?:a |the )?(?:list|few|some|\w+ (?:of|ways|steps|tips|techniques))\b/iu,
  // What a section or page covers, said at the end of an answer, is about what follows it: `이 섹션에서는 …을 다뤄요.`, `This section covers …`.
  /^(?:이|이번|다음|아래) ?(?:섹션|장|절|페이지|가이드|글|문서)에서는 .*(?:다뤄요|다룹니다|다룬다|설명해요|설명합니다|설명한다|소개해요|소개합니다|소개한다|살펴봐요|살펴봅니다|살펴본다|알아봐요|알아봅니다|알아본다)[.!]?$/u,
  /^(?:this|the following|the next) (?:section|chapter|part|page|post|article|guide)s? (?:covers|describes|explains|discusses|is about|looks at|goes (?:over|through))\b/iu,
];
/** With sub-headings after it: how many things they hold (`크게 3가지로 분리된다`, `There are three types of …`). */
const COUNTS = [
  /(?:\d+|두|세|네|다섯|여섯|일곱|여러)\s?(?:가지|종류|개의? (?:유형|방식|단계|계층|종류))[가이로]?\s.*(?:있다|있습니다|있어요|나뉜다|나뉩니다|나뉘어요|나눌 수 있다|나눌 수 있습니다|분리된다|분류된다|분류할 수 있다|구분된다|구분할 수 있다|존재한다)[.!]?$/u,
  /^there (?:are|exist) (?:\w+ )?(?:two|three|four|five|six|several|many|\d+) (?:\w+ )?(?:types|kinds|ways|categories|approaches|steps|stages|flavou?rs)\b[^,]*[.:]?$/iu,
];
/** A picture pointed at above the sentence: `위의 그림을 예시로`, `위 그림처럼`, `the figure above`. */
const POINTS_ABOVE = /(?:위|앞)의? ?(?:그림|사진|이미지|도식)|\b(?:figure|diagram|image|picture) above\b/iu;
/** With sub-headings after it: what the section is about (`…에 관한 내용이다`). */
const ABOUT = [
  /에 (?:관한|대한) (?:내용|이야기|글|설명)(?:이다|입니다|이에요|예요)[.!]?$/u,
];
/** A paragraph about what follows as a whole: `다음 행동들은 …`, `아래 규칙은 …`, `The following practices …`. */
const ABOUT_FOLLOWING = [/^(?:다음|아래)(?:의)? (?:\S+ ){0,2}?\S+?(?:들)?(?:은|는|이|가|을|를) /u, /^the following \w+(?: \w+)? (?:are|is|should|will|can|may)\b/iu];

/** A sentence's test: does it only lead in? */
type LeadsIn = (sentence: string) => boolean;

/** `continued`: sub-headings follow, so a question, a count or a topic sentence here is one they answer. */
export function isLeadIn(block: Nodes, continued = false): boolean {
  return isLeadInBy(block, continued, (sentence) => leadsIn(sentence, continued));
}

/** `aboutFollowing`: a paragraph about "the following …" leads in as a whole (sub-headings follow). */
function isLeadInBy(block: Nodes, aboutFollowing: boolean, test: LeadsIn): boolean {
  const sentences = sentencesOfBlock(block);
  if (!sentences?.length) return false;
  if (aboutFollowing && ABOUT_FOLLOWING.some((pattern) => pattern.test(sentences[0])) && [...sentences.join(' ')].length <= MAX_ABOUT_FOLLOWING) return true;
  return sentences.every(test);
}

function leadsIn(sentence: string, continued: boolean): boolean {
  if ([...sentence].length > MAX_LEAD_IN) return false;
  if (ANNOUNCES.some((pattern) => pattern.test(sentence))) return true;
  return continued && (asks(sentence) || COUNTS.some((pattern) => pattern.test(sentence)) || ABOUT.some((pattern) => pattern.test(sentence)));
}

/** The sentences of a paragraph, of a quote holding one, or of a code block that is a box of prose (a line each); else null. */
function sentencesOfBlock(block: Nodes): string[] | null {
  if (block.type === 'code') return isProseBox(block.value, block.lang) ? block.value.trim().split('\n').map((line) => line.trim()).filter(Boolean) : null;
  const paragraph = block.type === 'blockquote' && block.children.length === 1 ? block.children[0] : block;
  return paragraph.type === 'paragraph' ? sentencesOf(plainText([paragraph])) : null;
}

/** ```` ``` ```` with no language, a few lines of words and no code punctuation: a box, as gyoogle's notes use it. */
function isProseBox(value: string, lang: string | null | undefined): boolean {
  const lines = value.trim().split('\n');
  return !lang && lines.length <= MAX_BOX_LINES && !/[{};=<>]|^\s*(?:\$|#|\/\/)/mu.test(value) && /[\p{L}]{2}/u.test(value);
}

/** A lead-in ending with `:` — what follows it is its continuation, not a question of its own. */
export function introduces(block: Nodes): boolean {
  return isLeadIn(block) && /[:：]$/u.test(plainText([block]));
}

/** Words pointing at what follows, or counting it: `다음의 두 가지 알고리즘`, `these buckets`, `여러 가지 방법으로`. */
const POINTS_AHEAD = /(?:다음|아래|이러한|여러 ?가지|(?:\d+|두|세|네|다섯|여섯|일곱) ?(?:가지|종류))|\b(?:these|following|below|several|various|(?:two|three|four|five|six) (?:\w+ )?(?:types|kinds|ways|categories|approaches|steps|stages|parts))\b/iu;

/**
 * The block's last sentence leads into what follows or points at it (`…따라서 다음의 두 가지 알고리즘을 기반으로
 * 한다.`, `Many string questions fall into one of these buckets.`): an introduction to the parts after it, not
 * an answer complete in itself (`Generator(제네레이터)는 … iterator의 일종이다.`).
 */
export function announcesParts(block: Nodes): boolean {
  const last = sentencesOfBlock(block)?.pop();
  return Boolean(last) && (leadsIn(last!, true) || POINTS_AHEAD.test(last!));
}

/** The block ends by counting what follows (`스레드의 상태는 5가지가 있다`, `There are three types of joins.`): it announces the list after it. */
export function countsWhatFollows(block: Nodes): boolean {
  const last = sentencesOfBlock(block)?.pop();
  return Boolean(last) && [...last!].length <= MAX_LEAD_IN && COUNTS.some((pattern) => pattern.test(last!));
}

/**
 * The answer without the lead-ins at its end (what they announce is not in
 * it): whole blocks, then the last sentences of a paragraph that lead in
 * (`링크 형식이에요. 옵션은 다음과 같아요:` keeps its first sentence). A
 * paragraph right after a thematic break (`afterBreak`: `---` ended the
 * answer above it) whose last sentences lead in is the next section's
 * introduction as a whole (`---` › `…선택할 수도 있어요. 이 섹션에서는 …을 다뤄요.`).
 * When what follows has cards of its own (`continued`), a lead-in that counts
 * or points at a picture above goes even with pictures after it, which stay
 * (rules/figure.ts): `There are 2 types of fragmentation:` over a one-row table.
 */
export function withoutTrailingLeadIns(blocks: RootContent[], continued: boolean, afterBreak: (block: RootContent) => boolean = () => false): RootContent[] {
  const test: LeadsIn = (sentence) => leadsIn(sentence, continued);
  const kept = withoutLast(blocks, continued, test, afterBreak);
  const pictures = picturesStart(blocks);
  if (kept !== blocks || !continued || pictures === 0 || pictures === blocks.length) return kept;
  const words = blocks.slice(0, pictures);
  const left = withoutLast(words, false, (sentence) => test(sentence) && passesPictures(sentence), () => false);
  return left === words ? blocks : [...left, ...blocks.slice(pictures)];
}

/** Where the pictures at the end of the answer start (`blocks.length`: none). */
function picturesStart(blocks: RootContent[]): number {
  let start = blocks.length;
  while (start > 0 && isIllustration(blocks[start - 1])) start--;
  return start;
}

/** A count (`총 4가지가 있다`) or a pointer to a picture above (`위의 그림을 예시로 진행해보자`): not what the picture after it shows. */
function passesPictures(sentence: string): boolean {
  return COUNTS.some((pattern) => pattern.test(sentence)) || POINTS_ABOVE.test(sentence);
}

/** `blocks` without its trailing lead-ins by `test`; `blocks` itself when none go. */
function withoutLast(blocks: RootContent[], aboutFollowing: boolean, test: LeadsIn, afterBreak: (block: RootContent) => boolean): RootContent[] {
  let end = blocks.length;
  while (end > 0 && isLeadInBy(blocks[end - 1], aboutFollowing, test)) end--;
  const kept = end === blocks.length ? blocks : blocks.slice(0, end);
  const last = kept[kept.length - 1];
  if (last?.type !== 'paragraph') return kept;
  if (afterBreak(last) && test(sentencesOf(plainText([last])).pop() ?? '')) return kept.slice(0, -1);
  const trimmed = withoutLastSentences(last, test);
  return trimmed ? [...kept.slice(0, -1), trimmed] : kept;
}

/** The paragraph without the sentences at the end of its last text node that only lead in; null when none do. */
function withoutLastSentences(paragraph: Paragraph, test: LeadsIn): Paragraph | null {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type !== 'text') return null;
  const boundaries = sentenceStarts(last.value);
  let cut = last.value.length;
  for (let i = boundaries.length - 1; i >= 0 && test(last.value.slice(boundaries[i], cut).trim()); i--) cut = boundaries[i];
  if (cut === last.value.length) return null;
  const kept = last.value.slice(0, cut).trimEnd();
  return { ...paragraph, children: [...paragraph.children.slice(0, -1), { ...last, value: kept }] };
}
