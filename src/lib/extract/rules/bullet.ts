/**
 * What a bullet is, once it asks nothing in so many words (a cloze, `Q :: A`:
 * rules/cloze.ts, rules/explicit.ts), decided in one place and in this order —
 * Extraction.item makes its card from it, and a long parent's outline
 * (rules/parent.ts outlineOfLong) asks it which children are cards of their own:
 *
 *     - 공식 문서 : [링크](…)              reference   a definition that is only a link: no card
 *     - 헤더 : 토큰 종류와 …               definition  its term asks, the rest answers
 *     - [Guide](guide.md)  ›  - …          index       an entry of an index: only its children hold cards
 *     - Binary tree  ›  - [Same Tree](…)   reading     a topic over links: a reading list
 *     - 구조  ›  - 헤더 : …                parent      a short topic asking for what is under it
 *     - 토큰을 발급한다                    plain       a line of its section's (or parent's) answer
 */
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { isLinksOnly, plainText } from '../../parse/mdast.js';
import { isAsideOnly } from './aside.js';
import type { Split } from '../phrasing.js';
import { splitDefinition } from './definition.js';
import { isIndexEntry } from './index-entry.js';
import { isParentQuestion, isTitledItem, isTitleQuestion } from './parent.js';
import { isReadingTopic } from './reading-list.js';

export type BulletShape =
  | { kind: 'reference' }
  | { kind: 'definition'; split: Split }
  | { kind: 'index' }
  | { kind: 'reading' }
  | { kind: 'parent'; text: string }
  | { kind: 'plain'; text: string };

/** `head`: the bullet's first line without its id and tags; `rest`: the blocks under it. */
export function bulletShape(item: ListItem, head: PhrasingContent[], rest: readonly RootContent[]): BulletShape {
  // `1. ##### Open - Close Principle`: a heading in a bullet is a title the author set, not a `term - definition` line.
  const split = isTitledItem(item) ? null : splitDefinition(head);
  if (split && rest.length === 0 && isLinksOnly(split.after)) return { kind: 'reference' };
  if (split) return { kind: 'definition', split };
  if (isLinksOnly(head) || isIndexEntry(head, rest)) return { kind: 'index' };
  if (isReadingTopic(rest)) return { kind: 'reading' };
  const text = plainText(head);
  return text && isParentItem(item, text, rest) ? { kind: 'parent', text } : { kind: 'plain', text };
}

/** A bullet asking for what is under it (rules/parent.ts): a short topic, or a title written as a heading (`- ##### SOLID`). */
function isParentItem(item: ListItem, text: string, rest: readonly RootContent[]): boolean {
  const first = plainText(rest.slice(0, 1));
  return rest.length > 0 && (isParentQuestion(text, first) || (isTitledItem(item) && isTitleQuestion(text, first))) && !isAsideOnly(rest);
}
