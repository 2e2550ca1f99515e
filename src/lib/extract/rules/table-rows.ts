/**
 * Rule `table-row` — an answer too long to recall (parse/mdast.ts
 * isLongAnswer) that holds a table of two columns, a term and what it is,
 * is split along the table's rows, as a list of `term : definition` lines
 * would be: each row is a card asked under the heading, and the table leaves
 * the heading's answer. An eleven-row table of shortcuts cannot be recalled as
 * one answer; each shortcut can.
 *
 *     ### 텍스트 선택                          → 텍스트 선택 › 한 글자 선택 → Shift+←, Shift+→
 *     | 동작 | 단축키 |                          → 텍스트 선택 › 한 단어 선택 → Ctrl+Shift+←, Ctrl+Shift+→
 *     | --- | --- |                            → …
 *     | 한 글자 선택 | Shift+←, Shift+→ |
 *     | 한 단어 선택 | Ctrl+Shift+←, Ctrl+Shift+→ |
 *     …
 *
 * Only a table of exactly two columns with at least MIN_ROWS rows below its
 * header, each row's first cell a key (at most MAX_KEY_LENGTH characters, not
 * sentences), not a link, and its second cell not empty; a wider table is a
 * comparison, which keeps its rows together. A short answer keeps its table.
 */
import type { PhrasingContent, RootContent, Table } from 'mdast';
import { isLinksOnly, plainText } from '../../parse/mdast.js';

export const MIN_ROWS = 3;
/** Longer than this, a first cell says more than what its row is about. */
export const MAX_KEY_LENGTH = 60;

export interface TableRow {
  term: PhrasingContent[];
  answer: PhrasingContent[];
  row: Table['children'][number];
}

/** The rows of `block` as cards, or null when it is not a table of terms and what they are. */
export function termRows(block: RootContent): TableRow[] | null {
  if (block.type !== 'table') return null;
  const [, ...body] = block.children;
  if (body.length < MIN_ROWS || block.children.some((row) => row.children.length !== 2)) return null;
  const rows = body.map((row) => ({ term: row.children[0].children, answer: row.children[1].children, row }));
  // A first column of links is an index of pages (`[Array](./array.md) | High`), not terms to learn.
  return rows.every(({ term, answer }) => isKey(plainText(term)) && !isLinksOnly(term) && plainText(answer) !== '') ? rows : null;
}

/**
 * A first cell names what its row is about: a table sets its keys apart, so a phrase such as `선택 영역을 이전 단어의
 * 시작까지 확장` is one, as long as it is short and not sentences (`Use it. Then …`).
 */
function isKey(text: string): boolean {
  return /\p{L}|\p{N}|\p{S}/u.test(text) && [...text].length <= MAX_KEY_LENGTH && !/[.!?。](?:\s|$)/u.test(text);
}
