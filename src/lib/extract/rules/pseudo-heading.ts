/**
 * Rule `pseudo-heading` — in real notes a short numbered item is used as a
 * sub-heading, and the bullets after it are not indented enough to nest under
 * it in CommonMark:
 *
 *     ### JWT
 *     1. 구조
 *      - 헤더 : 토큰 종류와 해시 알고리즘 정보      (a sibling list, not a child)
 *      2. 특징
 *      - JWT는 토큰 자체에 사용자 정보를 담아서 …
 *
 * A one-item numbered list whose item is short text with no children, directly
 * followed by another list, is treated as context for the bullets that follow
 * (`JWT › 구조 › 헤더`) until the next pseudo-heading or heading.
 */
import type { List, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

export const MAX_PSEUDO_HEADING_LENGTH = 30;

export function pseudoHeadingText(block: RootContent, next: RootContent | undefined): string | null {
  if (block.type !== 'list' || !block.ordered || block.children.length !== 1 || next?.type !== 'list') return null;
  const item = (block as List).children[0];
  if (item.children.length !== 1 || item.children[0].type !== 'paragraph') return null;
  const text = plainText(item.children[0].children);
  if (!text || [...text].length > MAX_PSEUDO_HEADING_LENGTH || /[.?!:：]$/u.test(text)) return null;
  return text;
}
