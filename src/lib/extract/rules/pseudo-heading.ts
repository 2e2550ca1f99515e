/**
 * Rule `pseudo-heading` — real notes mark sub-headings without `#`, and the
 * bullets after them do not nest under them in CommonMark. Two shapes count:
 *
 * A short numbered item, directly followed by another list:
 *
 *     ### JWT
 *     1. 구조
 *      - 헤더 : 토큰 종류와 해시 알고리즘 정보      (a sibling list, not a child)
 *      2. 특징
 *      - JWT는 토큰 자체에 사용자 정보를 담아서 …
 *
 * A line that is only short bold text (also inside a quote), with something after it:
 *
 *     > **Star**
 *
 *     중앙에 위치한 메인 노드를 통해 다른 노드와 소통할 수 있는 구조이다.
 *     - `장점`: 장애 발견이 쉽고 관리가 용이함
 *
 * Either is context for what follows (`JWT › 구조 › 헤더`, `… › Star › 장점`)
 * until the next pseudo-heading or heading.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

export const MAX_PSEUDO_HEADING_LENGTH = 30;

export interface PseudoHeading {
  text: string;
  nodes: PhrasingContent[];
}

export function pseudoHeading(block: RootContent, next: RootContent | undefined): PseudoHeading | null {
  if (!next) return null;
  const paragraph = numberedItem(block, next) ?? boldLine(block);
  if (!paragraph) return null;
  const text = plainText(paragraph.children);
  if (!text || [...text].length > MAX_PSEUDO_HEADING_LENGTH || /[.?!:：]$/u.test(text)) return null;
  return { text, nodes: paragraph.children };
}

function numberedItem(block: RootContent, next: RootContent): Paragraph | null {
  if (block.type !== 'list' || !block.ordered || block.children.length !== 1 || next.type !== 'list') return null;
  const [item] = block.children;
  return item.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0] : null;
}

function boldLine(block: RootContent): Paragraph | null {
  const quoted = block.type === 'blockquote' && block.children.length === 1 ? block.children[0] : block;
  if (quoted.type !== 'paragraph') return null;
  const [only, ...rest] = quoted.children;
  return only?.type === 'strong' && rest.length === 0 ? { type: 'paragraph', children: only.children } : null;
}
