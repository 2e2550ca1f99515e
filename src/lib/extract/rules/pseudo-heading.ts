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
 * A heading written under a bullet, over what follows it in the bullet:
 *
 *     * #### 원칙
 *       ##### SOLID (객체지향 설계 원칙)
 *       1. ##### Single Responsibility Principle            → … › 원칙 › SOLID (객체지향 설계 원칙) › Single Responsibility Principle
 *          > 하나의 클래스는 하나의 역할만 해야 함.
 *
 * Paragraphs that lead with a bold term they define (rules/split.ts), each directly
 * followed by a list, two or more under one heading — each list is about its
 * term, and the paragraph answers it:
 *
 *     #### 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요.
 *     **멀티 프로세스**란 하나의 응용프로그램을 여러 개의 프로세스로 구성하여 …   → … › 멀티 프로세스 → the paragraph
 *     - `장점`: 여러 개의 자식 프로세스 중 하나에 문제가 발생하면 …               → … › 멀티 프로세스 › 장점
 *     **멀티 스레드**란 하나의 응용프로그램을 여러 개의 스레드로 구성하고 …        → … › 멀티 스레드
 *     - `장점`: …                                                                 → … › 멀티 스레드 › 장점
 *
 * (Not when the paragraph only leads into the list, `**K-means의 단점**은 다음과 같다.`:
 * the list goes on answering the question, rules/lead-in.ts.)
 *
 * A step (`> **3단계**`, `**Step 2**`: rules/no-topic.ts positional fronts) under a
 * question is part of that question's answer, not a question of its own: the
 * answer goes through the steps in order.
 *
 * Each is context for what follows (`JWT › 구조 › 헤더`, `… › Star › 장점`)
 * until the next pseudo-heading or heading.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { isLeadIn } from './lead-in.js';
import { boldLead } from './split.js';

export const MAX_PSEUDO_HEADING_LENGTH = 30;
const MAX_QUOTED_HEADING_LENGTH = 60;

export interface PseudoHeading {
  text: string;
  nodes: PhrasingContent[];
  /** The paragraph that answers it, for a bold lead term. */
  answer?: Paragraph;
}

/** `leads`: the paragraphs of this run that lead with a bold term before a list (boldLeads). */
export function pseudoHeading(block: RootContent, next: RootContent | undefined, leads: ReadonlySet<RootContent> = new Set()): PseudoHeading | null {
  if (!next) return null;
  // Only nested headings get here (in a bullet, a quote, a callout): top-level ones are real sections.
  if (block.type === 'heading') {
    const text = plainText(block.children);
    return text && !/[.。]$/u.test(text) ? { text, nodes: block.children } : null;
  }
  const lead = leads.has(block) ? boldLead(block as Paragraph) : null;
  if (lead) return { text: plainText(lead), nodes: lead, answer: block as Paragraph };
  const paragraph = numberedItem(block, next) ?? boldLine(block);
  if (!paragraph) return null;
  const text = plainText(paragraph.children);
  // A bold line set apart in a quote (`> **I/O Bounded 프로세스 vs Compute-bounded 프로세스**`) is a heading even when longer.
  const limit = block.type === 'blockquote' ? MAX_QUOTED_HEADING_LENGTH : MAX_PSEUDO_HEADING_LENGTH;
  if (!text || [...text].length > limit || /[.?!:：]$/u.test(text)) return null;
  return { text, nodes: paragraph.children };
}

/**
 * Paragraphs that lead with a bold term and are followed by a list — only
 * when a run of blocks has two or more: then they are how it is laid out (one
 * alone is just a sentence with a bold word, followed by a list).
 */
export function boldLeads(blocks: readonly RootContent[]): Set<RootContent> {
  const leads = blocks.filter((block, index) => block.type === 'paragraph' && blocks[index + 1]?.type === 'list' && !isLeadIn(block) && boldLead(block) !== null);
  return new Set(leads.length >= 2 ? leads : []);
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
