/**
 * Rule `split` — an answer too long to recall (over LONG_ANSWER_LINES
 * rendered lines or LONG_ANSWER_CHARACTERS characters, parse/mdast.ts) that
 * is built of paragraphs each leading with a term of its own is split along
 * them: each term is a card, asked under the question, answered by its
 * paragraph and what follows it up to the next term.
 *
 *     #### 앙상블 방법엔 어떤 것들이 있나요?
 *     ![앙상블 기법](ensemble.png)
 *     **앙상블(Ensemble)** 은 여러 모델을 조합하는 방법이다. …      → 앙상블 방법엔…? › 앙상블(Ensemble) → the image, the paragraph
 *     **배깅(Bagging)** 이란 샘플을 여러 번 뽑아 … 방법이다. …       → 앙상블 방법엔…? › 배깅(Bagging) → its paragraph
 *     **부스팅(Boosting)** 이란 이전 모델의 오답에 … 방법이다. …     → 앙상블 방법엔…? › 부스팅(Boosting)
 *
 *     시간적 지역성: CPU가 한 번 참조한 데이터는 다시 참조된다.      a definition inside prose (`term: …`, a few
 *                                                                  words after it) leads too: → … › 시간적 지역성
 *
 * What comes before the first term stays the answer of the question itself
 * (images alone go with the first term: they illustrate it). A lead term is
 * short (a term, not a sentence: rules/definition.ts limits, rules/clause.ts)
 * and what follows it defines it (`은/는/이란 …`, `: …`, `is …`), so a bold
 * phrase inside a sentence (`**합병정렬은 순차적**인 비교로 …`) leads nothing. Sub-headings and bullets with children already
 * make cards of their own (rules/section.ts, rules/parent.ts); an answer with
 * fewer than two lead terms cannot be split and keeps one card, with the
 * `long-answer` warning.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isLongAnswer, plainText } from '../../parse/mdast.js';
import { trimPhrasing } from '../phrasing.js';
import { readsAsClause } from './clause.js';
import { MAX_TERM_LENGTH, MAX_TERM_WORDS, splitDefinition } from './definition.js';

export interface AnswerPart {
  term: PhrasingContent[];
  blocks: RootContent[];
}

/** A definition inside prose needs a definition of words (`Frequency: Occasional` is a label). */
const MIN_DEFINITION_WORDS = 2;
/** What follows a bold term that is being defined: `: …`, `— …`, `(…)`, `은/는/이란 …`, `is …`, `refers to …`. */
const DEFINES = /^\s*(?:[:：—–(]|- |(?:이란|란|이라고|라고|이라|라|은|는|이|가)(?=[\s,(]|$)|(?:is|are|was|refers?|means?|stands?)\b)/u;

/** The parts of a long answer, or null when it is short or has fewer than two lead terms. */
export function splitAnswer(blocks: RootContent[]): { intro: RootContent[]; parts: AnswerPart[] } | null {
  if (!isLongAnswer(blocks)) return null;
  const leads = blocks.map(leadOf);
  if (leads.filter(Boolean).length < 2) return null;
  const first = leads.findIndex(Boolean);
  let intro = blocks.slice(0, first);
  const parts: AnswerPart[] = [];
  for (let index = first; index < blocks.length; index++) {
    const lead = leads[index];
    if (lead) parts.push({ term: lead.term, blocks: [lead.block] });
    else parts[parts.length - 1].blocks.push(blocks[index]);
  }
  if (intro.every(isIllustration)) {
    parts[0].blocks.unshift(...intro);
    intro = [];
  }
  return { intro, parts };
}

/** `**Term** 은 …` or `Term: …` — the term, and the block its card answers with. */
function leadOf(block: RootContent): { term: PhrasingContent[]; block: RootContent } | null {
  if (block.type !== 'paragraph') return null;
  const bold = boldLead(block);
  if (bold) return { term: bold, block };
  const definition = splitDefinition(block.children);
  // A colon, not a dash: a dash inside a sentence of prose is too often just punctuation.
  const defines = definition && /^\s*[:：]/u.test(plainText(block.children).slice(plainText(definition.before).length));
  if (definition && defines && isTerm(plainText(definition.before)) && plainText(definition.after).split(/\s+/u).length >= MIN_DEFINITION_WORDS && !definition.before.some((node) => node.type === 'break')) {
    const answer: Paragraph = { type: 'paragraph', children: trimPhrasing(definition.after), position: block.position };
    return { term: definition.before, block: answer };
  }
  return null;
}

/** `**배깅(Bagging)** 이란 …`: the bold term a paragraph leads with and defines, else null. */
export function boldLead(paragraph: Paragraph): PhrasingContent[] | null {
  const [first, ...rest] = paragraph.children;
  return first?.type === 'strong' && isTerm(plainText(first.children)) && DEFINES.test(plainText(rest)) ? first.children : null;
}

function isTerm(text: string): boolean {
  return text.length > 0 && [...text].length <= MAX_TERM_LENGTH && text.split(/\s+/u).length <= MAX_TERM_WORDS && !/[.?!。]$/u.test(text) && !readsAsClause(text);
}

/** An image (or several) with no words of its own around it. */
function isIllustration(block: RootContent): boolean {
  if (block.type === 'html') return true;
  return block.type === 'paragraph' && block.children.every((node) => node.type === 'image' || node.type === 'imageReference' || node.type === 'embed' || (node.type === 'text' && !node.value.trim()) || node.type === 'break');
}
