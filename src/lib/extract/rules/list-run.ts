/**
 * Rule `list` — bullets with no separator and no question of their own, under
 * one heading (or pseudo-heading), make one list card: front = the heading,
 * back = the bullets as a list. Ordered lists keep their order; bullets that
 * have children keep them nested. Several lists under the same heading join
 * one card, so a heading never asks the same question twice.
 *
 *     ### ORM
 *     2. 장점                                     → card "ORM › 장점" / • 객체 지향적 코드로 …
 *     - 객체 지향적 코드로 인해 더 직관적이고 …                              • 가독성 증가 …
 *     - 가독성 증가
 */
import type { List, ListItem } from 'mdast';

export interface Run {
  key: string;
  ordered: boolean;
  start: number | null | undefined;
  items: ListItem[];
}

export function startRun(key: string, list: List): Run {
  return { key, ordered: Boolean(list.ordered), start: list.start, items: [] };
}

export function runList(run: Run): List {
  return { type: 'list', ordered: run.ordered, start: run.start, spread: false, children: run.items };
}
