/**
 * Rule `details` — a collapsible block is a question and its answer: the
 * summary is the front, the body (markdown, rendered as such) the back.
 *
 *     <details><summary>프로세스와 스레드의 차이는?</summary>      → card "프로세스와 스레드의 차이는?"
 *                                                                 / 프로세스는 자원을 할당받는…
 *     프로세스는 자원을 할당받는 작업의 단위이고 …
 *
 *     </details>
 *
 * A summary that is only a link is navigation: what the block holds is read
 * as if the block were not there — unless the link is to a page of the notes
 * (`<summary><a href="./answers/8-algorithm.md">알고리즘</a></summary>`): then
 * the block folds that page's table of contents, and makes no card (info
 * `table-of-contents`, detailsContents).
 */
import { decodeHTML } from 'entities';
import type { Html, PhrasingContent, RootContent } from 'mdast';

export interface DetailsOpen {
  question: PhrasingContent[];
  /** HTML after the summary, when the body is written inside the same HTML block. */
  rest: Html | null;
  /** The block also closes the details. */
  closed: boolean;
}

const OPEN = /^\s*<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>([\s\S]*)$/iu;
const LINK_ONLY = /^\s*<a\b[\s\S]*<\/a>\s*$/iu;
/** A link to a page of the notes: no scheme, not an anchor of this page. */
const PAGE_LINK = /^\s*<a\b[^>]*\bhref\s*=\s*["']?(?![a-z][\w+.-]*:|#)[^"'\s>]/iu;

export function detailsOpen(html: Html): DetailsOpen | null {
  const match = OPEN.exec(html.value);
  if (!match || LINK_ONLY.test(match[1])) return null;
  const text = summaryText(match[1]);
  if (!text) return null;
  const closed = /<\/details>\s*$/iu.test(match[2]);
  const body = match[2].replace(/<\/details>\s*$/iu, '').replace(/^\s*(?:<br\s*\/?>\s*)*/iu, '').trim();
  return { question: [{ type: 'text', value: text }], rest: body ? { type: 'html', value: body, position: html.position } : null, closed };
}

export function isDetailsClose(html: Html): boolean {
  return /^\s*<\/details>\s*$/iu.test(html.value);
}

/** The summary's words when the block folds a table of contents of a page of the notes, else null. */
export function detailsContents(html: Html): string | null {
  const match = OPEN.exec(html.value);
  return match && LINK_ONLY.test(match[1]) && PAGE_LINK.test(match[1]) ? summaryText(match[1]) : null;
}

/** The index of the block that closes the details opened at `blocks[start]` (itself when it closes there, or none is found). */
export function detailsEnd(blocks: readonly RootContent[], start: number): number {
  const opened = blocks[start];
  if (opened.type === 'html' && /<\/details>\s*$/iu.test(opened.value)) return start;
  const end = blocks.findIndex((block, index) => index > start && block.type === 'html' && /<\/details>\s*$/iu.test(block.value));
  return end < 0 ? start : end;
}

function summaryText(summary: string): string {
  return decodeHTML(summary.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
