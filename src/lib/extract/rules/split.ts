/**
 * Rule `split` — an answer too long to recall (over LONG_ANSWER_LINES
 * rendered lines or LONG_ANSWER_COLUMNS columns of text, a Hangul syllable
 * two: parse/mdast.ts) that is built of paragraphs each leading with a term of its own is split along
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
 *     `RR(Round Robin)`은 선점 스케줄러로, …                          a code term leads as a bold one does, with a
 *                                                                  particle or verb after it (`` `cd` : … `` is a definition)
 *
 * A lead repeating the term before it (`CustomHashSet은 …` twice) goes on with that term's part.
 *
 * A title line — a line that is only a term, quoted or starting with bold or
 * italics — leads what follows it; the line is the front, not part of the answer:
 *
 *     #### TCP/IP의 각 계층을 설명해주세요.
 *     TCP/IP는 크게 5개의 계층으로 구성된다.                          → the question's own answer
 *     > **애플리케이션 계층**(Application Layer, L5)                 → TCP/IP…? › 애플리케이션 계층(Application Layer, L5)
 *     네트워크 애플리케이션과 애플리케이션 계층 프로토콜이 있는 곳이다. …  → its answer
 *     > **트랜스포트 계층**(Transport Layer, L4)                     → TCP/IP…? › 트랜스포트 계층(Transport Layer, L4)
 *
 * Not a title: a sentence (`> 상호 배제(**Mut**ual **Ex**clusion)의 약자임`,
 * `다음과 같다`), a label with its value (`Frequency: Occasional`), a lead-in
 * (`예시:`), a plain unquoted line (`line one line two`, an example's output).
 *
 * So does each item of a list whose every item starts with a term line and a
 * line break (itemParts). A step (`> **1단계**`, `**Step 2**`) leads nothing.
 * Nor does an example's or an aside's label (`***예시***`, `**Note**`:
 * rules/definition.ts): the example stays with what it illustrates, the part
 * before it — but the label still marks the answer's structure, so a label and
 * one lead term are enough to split.
 *
 * What comes before the first term stays the answer of the question itself
 * (images alone go with the first term: they illustrate it), and so do the
 * closing paragraphs that speak of two of the terms or more (`따라서, UDP는
 * …, TCP는 …`: conclusion). A lead term is
 * short (a term, not a sentence: rules/definition.ts) and what follows it
 * defines it (`은/는/이란 …`, `: …`, `is …`), so a bold
 * phrase inside a sentence (`**합병정렬은 순차적**인 비교로 …`) leads nothing. Sub-headings and bullets with children already
 * make cards of their own (rules/section.ts, rules/parent.ts); an answer with
 * fewer than two lead terms cannot be split and keeps one card, with the
 * `long-answer` warning.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isLongAnswer, plainText } from '../../parse/mdast.js';
import { trimPhrasing } from '../phrasing.js';
import { isLabel, isTerm, readsAsTerm, splitDefinition } from './definition.js';
import { isPositionalFront } from './no-topic.js';
import { endsLikeSentence } from './clause.js';
import { isIllustration } from './figure.js';

export interface AnswerPart {
  term: PhrasingContent[];
  blocks: RootContent[];
  /** Where the part starts: its lead paragraph, its title line or its list item. */
  at: RootContent;
}

/** A definition inside prose needs a definition of words (`Frequency: Occasional` is a label). */
const MIN_DEFINITION_WORDS = 2;
/** What follows a bold term that is being defined: `: …`, `— …`, `(…)`, `은/는/이란 …`, `is …`, `refers to …`. */
const CODE_DEFINES = /^(?:(?:이란|란|이라고|라고|이라|라|은|는|이|가)(?=[\s,(]|$)|\s+(?:is|are|refers?|means?|stands?)\b)/u;
const DEFINES = /^\s*(?:[:：—–(]|- |(?:이란|란|이라고|라고|이라|라|은|는|이|가)(?=[\s,(]|$)|(?:is|are|was|refers?|means?|stands?)\b)/u;

/** The parts of a long answer, or null when it is short or has fewer than two lead terms. */
export function splitAnswer(blocks: RootContent[]): { intro: RootContent[]; parts: AnswerPart[] } | null {
  if (!isLongAnswer(blocks)) return null;
  let intro: RootContent[] = [];
  const parts: AnswerPart[] = [];
  let labels = 0;
  // A step (`> **1단계**`, `**Step 2**`: rules/no-topic.ts) is no question of its own: the answer goes through the steps in order.
  const asks = (term: PhrasingContent[]) => !isPositionalFront(plainText(term));
  blocks.forEach((block, index) => {
    const listed = itemParts(block);
    const items = listed?.every((item) => asks(item.term)) ? listed : null;
    const found = items || listed ? null : (leadOf(block) ?? titleLead(block, blocks[index + 1]));
    // `CustomHashSet은 …` twice in a row: the same term spoken of again goes on with its part.
    const lead = found && parts.length && sameTerm(found.term, parts[parts.length - 1].term) ? null : found;
    if (items) parts.push(...items);
    else if (lead && asks(lead.term)) parts.push({ term: lead.term, blocks: lead.block ? [lead.block] : [], at: block });
    else {
      if (labelLine(block)) labels++;
      if (parts.length) parts[parts.length - 1].blocks.push(block);
      else intro.push(block);
    }
  });
  if (parts.length + Math.min(labels, 1) < 2 || (parts.length === 1 && intro.length === 0)) return null;
  intro.push(...conclusion(parts));
  if (intro.every(isIllustration) && parts[0].blocks.length) {
    parts[0].blocks.unshift(...intro);
    intro = [];
  }
  return { intro, parts };
}

/**
 * The paragraphs at the end of the last part that speak of two parts or more answer the question, not the last term;
 * they are taken off it:
 *
 *     **UDP**는 위의 가장 기본적인 두가지 기능만을 제공한다. …
 *     **TCP**는 가장 기본적인 두가지 기능도 제공하면서, …
 *     따라서, UDP는 속도증가와 지연 감소를 위해서, TCP는 신뢰성이 중요한 경우에 사용된다.   → the question's own answer
 */
function conclusion(parts: AnswerPart[]): RootContent[] {
  const names = parts.map((part) => nameOf(part.term)).filter((name) => [...name].length >= 2);
  const speaksOfParts = (block: RootContent) =>
    block.type === 'paragraph' && names.filter((name) => plainText(block.children).toLowerCase().includes(name)).length >= 2;
  const last = parts[parts.length - 1].blocks;
  const taken: RootContent[] = [];
  while (last.length > 1 && speaksOfParts(last[last.length - 1])) taken.unshift(last.pop()!);
  return taken;
}

function sameTerm(a: PhrasingContent[], b: PhrasingContent[]): boolean {
  return plainText(a).trim().toLowerCase() === plainText(b).trim().toLowerCase();
}

/** `Regularization(정규화, 규제)` is named `regularization` in prose. */
function nameOf(term: PhrasingContent[]): string {
  return plainText(term).replace(/\s*[(（].*$/u, '').trim().toLowerCase();
}

/**
 * A list whose every item (two or more) starts with a line that is only a term, its explanation after a line break:
 *
 *     * List                                                    → … › List → `List` 인터페이스를 직접 …
 *       `List` 인터페이스를 직접 `@Override`를 통해 사용자가 …
 *     * Map                                                     → … › Map
 *       대표적인 구현체로 `HashMap`이 존재한다. …
 *
 * Each item is a part; an item with nested bullets is a parent card already (rules/parent.ts), so it leads nothing.
 */
function itemParts(block: RootContent): AnswerPart[] | null {
  if (block.type !== 'list' || block.children.length < 2) return null;
  const parts = block.children.map((item): AnswerPart | null => {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph' || rest.some((child) => child.type === 'list')) return null;
    const cut = first.children.findIndex((node) => node.type === 'break');
    const line = first.children.slice(0, cut);
    const after = trimPhrasing(first.children.slice(cut + 1));
    if (cut <= 0 || after.length === 0 || !titleText(line)) return null;
    return { term: trimPhrasing(line), blocks: [{ type: 'paragraph', children: after, position: first.position }, ...rest], at: item };
  });
  return parts.every((part): part is AnswerPart => part !== null) ? parts : null;
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

/**
 * `**배깅(Bagging)** 이란 …`, `` `FCFS(First Come First Service)`는 … ``: the bold
 * (or code) term a paragraph leads with and defines, else null.
 */
export function boldLead(paragraph: Paragraph): PhrasingContent[] | null {
  const [first, ...rest] = paragraph.children;
  if (first?.type === 'strong') return readsAsTerm(plainText(first.children)) && DEFINES.test(plainText(rest)) ? first.children : null;
  // Code leads with a particle or a verb; `` `cd` : 디렉토리 이동 `` is a definition (leadOf), answered without its term.
  return first?.type === 'inlineCode' && readsAsTerm(first.value) && CODE_DEFINES.test(plainText(rest)) ? [first] : null;
}

/**
 * `> **애플리케이션 계층**(Application Layer, L5)` over its paragraphs: a title line — a paragraph (or a quote of one)
 * that is only a term, with no sentence end — and an answer after it. The line itself is the front, not part of an answer.
 */
function titleLead(block: RootContent, next: RootContent | undefined): { term: PhrasingContent[]; block?: undefined } | null {
  const line = titleLine(block);
  return line && next && !titleLine(next) && !leadOf(next) ? { term: line } : null;
}

/** `***예시***`, `> **Note**`: a title line that is only an example's or an aside's label. */
function labelLine(block: RootContent): boolean {
  const quoted = block.type === 'blockquote' && block.children.length === 1 ? block.children[0] : block;
  if (quoted.type !== 'paragraph') return false;
  const first = quoted.children[0];
  return (first?.type === 'strong' || first?.type === 'emphasis') && isLabel(plainText(quoted.children));
}

/** Words only (text, emphasis, code): a link, an image or a line break is no title. */
const TITLE_NODES = new Set(['text', 'strong', 'emphasis', 'inlineCode', 'delete']);

/**
 * Set apart as a title: quoted, or starting with bold or italics. A plain short line is as often an example's output
 * (`line one line two`); a quoted one with a comma is a remark (`> C/Cpp 경우, malloc.h까지만 허용`).
 */
function titleLine(block: RootContent): PhrasingContent[] | null {
  const quoted = block.type === 'blockquote' && block.children.length === 1;
  const paragraph = quoted ? block.children[0] : block;
  if (paragraph.type !== 'paragraph') return null;
  const emphasized = paragraph.children[0]?.type === 'strong' || paragraph.children[0]?.type === 'emphasis';
  if (!emphasized && !(quoted && !/[,，]/u.test(plainText(paragraph.children)))) return null;
  return titleText(paragraph.children) ? trimPhrasing(paragraph.children) : null;
}

/** Words that title what follows: a term, not a sentence, a label with its value (`Frequency: Occasional`) or a lead-in (`예시:`). */
function titleText(nodes: PhrasingContent[]): boolean {
  if (!nodes.every((node) => TITLE_NODES.has(node.type))) return false;
  const text = plainText(nodes);
  return isTerm(text) && !/[:：,;]$/u.test(text) && !splitDefinition(nodes) && !endsLikeSentence(text);
}
