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
 * A summary that is only a link is navigation (a folded table of contents):
 * what the block holds is read as if the block were not there.
 */
import { decodeHTML } from 'entities';
import type { Html, PhrasingContent } from 'mdast';

export interface DetailsOpen {
  question: PhrasingContent[];
  /** HTML after the summary, when the body is written inside the same HTML block. */
  rest: Html | null;
  /** The block also closes the details. */
  closed: boolean;
}

export function detailsOpen(html: Html): DetailsOpen | null {
  const match = /^\s*<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>([\s\S]*)$/iu.exec(html.value);
  if (!match) return null;
  if (/^\s*<a\b[\s\S]*<\/a>\s*$/iu.test(match[1])) return null;
  const text = decodeHTML(match[1].replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const closed = /<\/details>\s*$/iu.test(match[2]);
  const body = match[2].replace(/<\/details>\s*$/iu, '').replace(/^\s*(?:<br\s*\/?>\s*)*/iu, '').trim();
  return { question: [{ type: 'text', value: text }], rest: body ? { type: 'html', value: body, position: html.position } : null, closed };
}

export function isDetailsClose(html: Html): boolean {
  return /^\s*<\/details>\s*$/iu.test(html.value);
}
