/**
 * Rule `cross-reference` (info) — a sentence that only sends the reader to
 * another note or page says nothing to recall: it is left out of the answer,
 * and a heading it was all of makes no card.
 *
 *     ## 동기화
 *     기기 간 노트 동기화에 대한 정보는 [[기기 간 노트 동기화]]를 참조하세요.    → no card (info cross-reference)
 *
 *     ## Sync
 *     For syncing between devices, see [[Sync your notes]].                    → no card (info cross-reference)
 *
 *     ## Headless
 *     Want to sync without the desktop app? See [[Obsidian Headless]].         → no card (info cross-reference)
 *
 *     ## Markov's inequality
 *     See [[Expected value]].                                                  → "Markov's inequality" →
 *                                                                                "Pr[X ≥ v] ≤ E[X] / v"
 *     Pr[X ≥ v] ≤ E[X] / v
 *
 *     ## 그래프
 *     그래프는 노트 간의 연결을 보여줘요. [[그래프 뷰]]도 참조하세요.              → "그래프" → "그래프는 노트 간의
 *                                                                                연결을 보여줘요."
 *
 *     ### Practice the most common behavioral questions                       → no card (info cross-reference)
 *     Refer to the [top 30 most common behavioral questions](…) for Software Engineers
 *     For more tips on behavioral interview preparation, refer to my [full … guide](…) here.
 *
 * A cross-reference is a sentence whose verb points at its links: a link
 * (or a link and the noun it names, `[#1](#1) 답변을`) followed by 참조하세요
 * / 참고하세요 / 참고 / 알아보세요 / 알아보기 / 살펴보세요 / (직접) 배워보세요 (확인하세요 only after
 * a phrase saying what the link is for: `…에 대한 답변은 [[FAQ]]를
 * 확인하세요`, not `설정에서 [[속성]]을 확인하세요`), or `see` / `refer to` /
 * `learn more in` / `related:` before it (`refer to my […](…) here`), with at
 * most a `For …,` / `To …,` / `If …,` in front and a short `for …` / `on …`
 * after (`Refer to the […](…) for Software Engineers`). What the sentence
 * says the link is for only names the link. Such sentences are taken off the
 * start and the end of a paragraph, with a question that only leads to one.
 * A sentence saying that a link stands in for the explanation (`일부 그림이
 * 포함되어야 하는 설명이므로 링크를 대신 첨부합니다.`, `…블로그 링크를 추가한다.`,
 * `I've attached a few links below.`) points too, the link beside it — also
 * as a bullet of its own, which then makes no card.
 * What is left may only announce what follows (`해당 답변에서 서술하지 않은
 * 지표만 추가로 설명합니다.`): rules/lead-in.ts then leaves it off too.
 *
 * Kept: a pointer between two sentences that say something, and bullets, which
 * keep their place in their list (`- see [[Bayes theorem]]`).
 *
 * A sentence that sends the reader to the list after it, whose every entry is
 * only a link, points the same way: the sentence and the list are left out.
 *
 *     ## Obsidian Publish를 위한 고급 협업
 *     [[Obsidian Publish 소개|Obsidian Publish]] 사이트 설정에 대한 자세한 내용은 다음 문서를 참조하세요:  → left out, with the list
 *     - [[Obsidian Publish 소개]]
 *     - [[Publish 사이트에서 협업]]
 *
 *     For more on themes, see the following pages:                           → left out, with the list
 *     - [[Themes]]
 *     - [CSS snippets](https://…)
 */
import type { ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isLinksOnly, isWikilinksOnly, itemHead, plainText } from '../../parse/mdast.js';
import { trimPhrasing } from '../phrasing.js';
import { asks, isOneSentence, SENTENCE_BREAK } from '../sentence.js';

/** Stands for a link in the sentence's shape. */
const LINK = '\u27e6L\u27e7';
const LINKS = String.raw`${LINK}(?:\s*(?:,|및|와|과|또는|and|or|&)\s*${LINK})*`;
/** Korean: the links, their particle, then a verb that points at them (참조하세요, 참고, 알아보세요, 알아보기, 배워보세요). */
const KOREAN = new RegExp(
  String.raw`${LINKS}\s*(?:을|를|도|에서|의 \S+[을를]|[^\s.!?]{1,8}(?:을|를|에서)|에 대해(?:서)?|에 관해(?:서)?)?\s*(?:(?:더 )?자세히\s*|더\s*|직접\s*)?(?:(?:참조|참고)(?:하세요|하십시오|해\s?주세요|해\s?보세요|하시기\s?바랍니다)?|(?:알아|살펴|읽어\s?|배워\s?)(?:보세요|보십시오|보기))\s*[.!]?$`,
  'u',
);
/** `확인하세요` (check) is also an instruction; it points only after a phrase naming what the link is for. */
const KOREAN_CHECK = new RegExp(String.raw`(?:은|는|려면|다면|라면|으면|경우(?:에는)?)\s+${LINKS}\s*(?:을|를|도|에서)?\s*확인(?:하세요|하십시오|해\s?주세요|해\s?보세요)\s*[.!]?$`, 'u');
const ENGLISH = new RegExp(
  String.raw`^(?:(?:for|to|if)\b[^,]*,\s*)?(?:please\s+)?(?:see(?:\s+also)?|refer\s+to|related|learn\s+more\s+(?:about|in|at|from)|read\s+more\s+(?:about|in|at))\s*:?\s*(?:(?:the|my|our|this|these|their)\s+)?${LINKS}(?:\s+(?:for|on|about)\s+[^,.!?;:]{1,60}|\s+to\s+learn\s+more)?(?:\s+(?:here|below|above))?\s*[.!]?$`,
  'iu',
);

/**
 * The author saying a link stands in for the explanation, the link beside the
 * sentence (`일부 그림이 포함되어야 하는 설명이므로 링크를 대신 첨부합니다.`,
 * `…블로그 링크를 추가한다.`, `I've attached a few links below.`).
 */
const KOREAN_LINK_NOTE = new RegExp(
  // 첨부 (attach) is the author's word; 추가 (add) only with the author's reason or stopgap (위해, 므로, 일단, 대신 …), not `이 명령은 링크를 추가한다`.
  String.raw`(?:링크를\s*(?:대신\s*)?첨부|(?:위해|므로|많아|같아|어려워|일단|대신)\S*\s(?:\S+\s)*?링크를\s*(?:대신\s*)?추가)(?:합니다|한다|했습니다|했다|하였다|해\s?둡니다|해\s?둔다)\s*[.!]?$`,
  'u',
);
/** Longer than this, a sentence says more than that a link is attached. */
const MAX_LINK_NOTE = 200;
const ENGLISH_LINK_NOTE = /^(?:i(?:'ve| have)?|we(?:'ve| have)?)\s+(?:attached|added|included|put)\s+(?:a |the |some )?(?:few |couple of )?links?\b[^.!?]*[.!]?$/iu;

/** A bullet or sentence that only says a link is attached (the link next to it, or left out as a reference). */
export function notesLink(nodes: readonly PhrasingContent[]): boolean {
  const shape = shapeOf(nodes);
  return [...shape].length <= MAX_LINK_NOTE && isOneSentence(shape) && (KOREAN_LINK_NOTE.test(shape) || ENGLISH_LINK_NOTE.test(shape));
}

/**
 * A bullet's line that only says a link is attached, or only points to one
 * (`- 자세한 내용은 [Python an interpreted language. Explain.](#4) 참고`): nothing
 * to ask, and no line of an answer.
 */
export function onlyPoints(nodes: PhrasingContent[]): boolean {
  return notesLink(nodes) || withoutCrossReferences({ type: 'paragraph', children: nodes }).paragraph === null;
}

/**
 * The paragraph without its cross-references: the sentences at its start and
 * end that only point elsewhere (and a question that only leads to one), and
 * what was taken out. `paragraph` is null when nothing is left.
 */
export function withoutCrossReferences(paragraph: Paragraph): { paragraph: Paragraph | null; removed: PhrasingContent[][] } {
  const all = sentences(paragraph.children);
  let start = 0;
  let end = all.length;
  while (start < end && pointsOnly(all[start])) start++;
  while (end > start && pointsOnly(all[end - 1])) end--;
  // `Want to sync without the app? See [[Headless]].`: the question only leads to the pointer.
  if (end < all.length && all.slice(start, end).every(isQuestion)) end = start;
  if (start === 0 && end === all.length) return { paragraph, removed: [] };
  const removed = [...all.slice(0, start), ...all.slice(end)];
  if (start === end) return { paragraph: null, removed };
  const kept = all.slice(start, end).flatMap((sentence, i): PhrasingContent[] => (i ? [{ type: 'text', value: ' ' }, ...sentence] : sentence));
  return { paragraph: { ...paragraph, children: trimPhrasing(kept) }, removed };
}

export function crossReferenceMessage(removed: readonly PhrasingContent[][]): string {
  const text = removed.map((sentence) => plainText(sentence)).join(' ');
  const shown = [...text].length > 60 ? `${[...text].slice(0, 59).join('')}…` : text;
  return `"${shown}" only points to another note or page; left out of the answer`;
}

/** One sentence that only points to other notes or pages. */
function pointsOnly(sentence: readonly PhrasingContent[]): boolean {
  const shape = shapeOf(sentence);
  if (!shape.includes(LINK) || !isOneSentence(shape)) return notesLink(sentence);
  return KOREAN.test(shape) || KOREAN_CHECK.test(shape) || ENGLISH.test(shape);
}

/** Inline content cut into sentences where its own text ends one (`. `, `? `, `! `); links and emphasis are never cut. */
function sentences(nodes: readonly PhrasingContent[]): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type !== 'text') {
      out[out.length - 1].push(node);
      continue;
    }
    // `_…링크를 첨부합니다._` then a new line: the emphasis ended the sentence.
    const current = out[out.length - 1];
    const previous = current[current.length - 1];
    if ((previous?.type === 'emphasis' || previous?.type === 'strong') && /^[ \t]*\n/u.test(node.value) && /[.!?。]$/u.test(plainText([previous]))) out.push([]);
    node.value.split(SENTENCE_BREAK).forEach((part, i) => {
      if (i) out.push([]);
      if (part) out[out.length - 1].push({ ...node, value: part });
    });
  }
  return out.map(trimPhrasing).filter((sentence) => sentence.length);
}

function isQuestion(sentence: readonly PhrasingContent[]): boolean {
  return asks(plainText(sentence));
}

/** The text with each link as LINK, so words inside a link's text never count as the sentence's own. */
function shapeOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'wikiLink') return LINK;
      if (node.type === 'text') return node.value;
      return node.type === 'break' ? ' ' : plainText([node]);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `…다음 문서를 참조하세요:`, `아래 페이지를 참고하세요:`, `see the following pages:` — pointing at the list after it. */
const KOREAN_LIST_POINTER = /(?:다음|아래)(?:의)?\s*(?:(?:문서|페이지|노트|글|항목|링크|자료|가이드)(?:들)?)?\s*(?:을|를)?\s*(?:(?:더 )?자세히\s*)?(?:참조|참고|확인)(?:하세요|하십시오|해\s?주세요|해\s?보세요)?\s*[:：]$/u;
const ENGLISH_LIST_POINTER =
  /^(?:(?:for|to|if)\b[^,]*,\s*)?(?:please\s+)?(?:see(?:\s+also)?|refer\s+to|read)(?:\s+(?:the\s+following|these))?(?:\s+(?:pages|notes|articles|guides|documents|docs|links|topics))?\s*[:：]$/iu;

/**
 * `paragraph` ends with a sentence sending the reader to `next`, a list of links only: the paragraph without that
 * sentence (`kept`, null when it was all of it) and the sentence; undefined when it is no such pointer.
 */
export function withoutListPointer(paragraph: Paragraph, next: RootContent | undefined): { kept: Paragraph | null; removed: PhrasingContent[] } | undefined {
  if (next?.type !== 'list' || !next.children.every(isLinkEntry)) return undefined;
  const all = sentences(paragraph.children);
  const removed = all[all.length - 1] ?? [];
  const last = shapeOf(removed);
  if (!(KOREAN_LIST_POINTER.test(last) || ENGLISH_LIST_POINTER.test(last))) return undefined;
  if (all.length === 1) return { kept: null, removed };
  const kept = all.slice(0, -1).flatMap((sentence, i): PhrasingContent[] => (i ? [{ type: 'text', value: ' ' }, ...sentence] : sentence));
  return { kept: { ...paragraph, children: trimPhrasing(kept) }, removed };
}

/** The entries of the lists such sentences point to (bench/coverage.ts does not count them: they are links). */
export function listPointerItems(tree: Nodes): Set<ListItem> {
  const out = new Set<ListItem>();
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (child.type === 'paragraph' && next?.type === 'list' && withoutListPointer(child, next) !== undefined) next.children.forEach((item) => out.add(item));
      walk(child);
    });
  };
  walk(tree);
  return out;
}

/** An entry that is only a link or only wikilinks (`- [[Publish 제한 사항]]`), nothing under it. */
function isLinkEntry(item: ListItem): boolean {
  const head = itemHead(item);
  return head !== null && item.children.length === 1 && (isLinksOnly(head) || isWikilinksOnly(head));
}
