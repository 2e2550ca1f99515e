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
 * A lead-in: a short sentence ending with `:`, one that announces
 * (`…알아보자`, `이제 프로젝트를 구성해보자!`, `…살펴보겠습니다`, `다음과 같다`, `Let's look at …`, `… as follows`),
 * or, when sub-headings follow to answer it, a question (`…?`, `…는가`, `…일까`).
 * Followed by what it introduces, it stays (`Include languages and stacks:` → the list).
 */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

/** Longer than this, a sentence says something of its own, whatever its ending. */
const MAX_LEAD_IN = 200;
const ANNOUNCES = [
  /[:：]$/u,
  /[\uac00-\ud7a3] ?(?:보자|봅시다|보겠(?:다|습니다|어요)|볼까(?:요)?|보도록 하자|보도록 하겠습니다)[.!?]?$/u,
  /(?:다음|아래)(?:과|와) 같(?:다|습니다|아요|은 \S+(?:이|가) 있다)[.!]?$/u,
  /^(?:now,? )?(?:let'?s|let us|we(?:'ll| will)|here,? we(?:'ll| will)?)\b.*\b(?:look|see|discuss|explore|go (?:over|through)|examine|cover|dive)\b/iu,
  /\b(?:as follows|the following|below)[.!]?$/iu,
  /^here (?:is|are) (?:a |the )?(?:list|few|some|\w+ (?:of|ways|steps|tips|techniques))\b/iu,
];
/** A question with no answer after it: `…?`, and Korean interrogative endings (`…는가`, `…인가`, `…일까`). */
const ASKS = /(?:[?？]|(?:[는은인]|하는|있는|없는)가|[을할일될볼갈]까)\s*$/u;

/** `continued`: sub-headings follow, so a question here is one they answer. */
export function isLeadIn(block: Nodes, continued = false): boolean {
  const paragraph = block.type === 'blockquote' && block.children.length === 1 ? block.children[0] : block;
  if (paragraph.type !== 'paragraph') return false;
  const text = plainText([paragraph]);
  if (!text || /[.!。]\s+\S/u.test(text.replace(/[.!。]\s*$/u, ''))) return false;
  return announces(text) || (continued && [...text].length <= MAX_LEAD_IN && ASKS.test(text));
}

function announces(sentence: string): boolean {
  return [...sentence].length <= MAX_LEAD_IN && ANNOUNCES.some((pattern) => pattern.test(sentence));
}

/** A lead-in ending with `:` — what follows it is its continuation, not a question of its own. */
export function introduces(block: Nodes): boolean {
  return isLeadIn(block) && /[:：]$/u.test(plainText([block]));
}

/**
 * The answer without the lead-ins at its end (what they announce is not in
 * it): whole paragraphs, then a last sentence that leads in (`링크 형식이에요.
 * 옵션은 다음과 같아요:` keeps its first sentence).
 */
export function withoutTrailingLeadIns(blocks: RootContent[], continued: boolean): RootContent[] {
  let end = blocks.length;
  while (end > 0 && isLeadIn(blocks[end - 1], continued)) end--;
  const kept = end === blocks.length ? blocks : blocks.slice(0, end);
  const last = kept[kept.length - 1];
  const trimmed = last?.type === 'paragraph' ? withoutLastSentence(last) : null;
  return trimmed ? [...kept.slice(0, -1), trimmed] : kept;
}

/** The paragraph without its last sentence when that sentence, in its last text node, only leads in. */
function withoutLastSentence(paragraph: Paragraph): Paragraph | null {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type !== 'text') return null;
  const boundary = [...last.value.matchAll(/[.!?。]\s+(?=\S)/gu)].pop();
  if (!boundary) return null;
  const cut = boundary.index + boundary[0].length;
  if (!announces(last.value.slice(cut).trim())) return null;
  const kept = last.value.slice(0, cut).trimEnd();
  return { ...paragraph, children: [...paragraph.children.slice(0, -1), { ...last, value: kept }] };
}
