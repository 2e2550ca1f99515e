/**
 * Boilerplate — what a repository shows around its notes, never worth asking:
 * no card, and never part of a card's side.
 *
 *     [:arrow_double_up:Top](#top) [:leftwards_arrow_with_hook: Back](../README.md) [:information_source: Home](../README.md)
 *     [Back to top](#contents)   ⬆ [맨 위로](#목차)   [더 자세히보기](…)        navigation
 *     작성자 : 홍길동    Author: Jane Doe    Written by …    {{author}}       credits, template prompts
 *     [![build](https://img.shields.io/badge/build-passing-green.svg)](…)   badges
 *     TODO    TBD    작성 중                                                 placeholders
 *
 * Sections that are only apparatus make no card: `Table of contents`
 * (`목차`, `Contents`), footnotes (`Footnotes`, `각주`), `License`,
 * `Contributors`, `Credits`, `Acknowledgements` (`기여자`, `감사의 글`), and reference
 * sections (`References`, `참고`, `출처`…) whose entries are only links.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

const NAVIGATION_WORD = /^(?:back(?: to top)?|top|home|up|next|prev(?:ious)?|index|(?:read|see|learn) more|more|목차(?:로)?|(?:맨 )?위로|뒤로(?: ?가기)?|처음으로|홈|이전|다음|(?:더 ?)?자세히 ?보기|더 ?보기)$/iu;
const ARROWS = /[\p{Extended_Pictographic}\u2190-\u21ff\u2b05-\u2b07\u2934\u2935\ufe0f\s|/·•-]+/gu;
const CREDIT = /^\s*(?:작성자|글쓴이|작성|저자|author|authors|written by|contributors?|credits?|maintainers?)\s*[:：]|^\s*(?:written|posted|edited) by\b/iu;
const TEMPLATE_PROMPT = /\{\{\s*[\w.-]+\s*\}\}/u;
const PLACEHOLDER = /^(?:todo|tbd|tba|wip|coming soon|to be (?:added|written)|작성 ?중|준비 ?중|추가 예정)[.!…]*$/iu;
const BADGE = /shields\.io|badge(?:s|n)?\b|travis-ci\.(?:org|com)|codecov\.io|badgen\.net/iu;
export const APPARATUS_HEADING = /^(?:table of contents|contents|toc|목차|footnotes?|각주|licen[cs]e|라이[선센]스|contributors|기여자|credits|크레딧|(?:third[- ]party )?acknowledg(?:e)?ments?|(?:타사 )?감사의 글)$/iu;
export const REFERENCE_HEADING = /^(?:references?|reference links|참고(?: ?(?:자료|문헌|링크|사이트))?|출처|sources?|links|further reading|see also)$/iu;

/** Inline content that is only navigation links, badges, a credit or a template prompt. */
export function isBoilerplateLine(nodes: readonly PhrasingContent[]): boolean {
  const text = plainText(nodes);
  if (CREDIT.test(text) || PLACEHOLDER.test(text) || (TEMPLATE_PROMPT.test(text) && text.replace(new RegExp(TEMPLATE_PROMPT, 'gu'), '').replace(/[^\p{L}]/gu, '').length < 12)) return true;
  const links: PhrasingContent[] = nodes.filter((node) => node.type === 'link' || node.type === 'linkReference' || node.type === 'image');
  if (links.length === 0) return /^[\u2b06\u2191\u{1f51d}]\ufe0f?$/u.test(text) || (text.length < 30 && NAVIGATION_WORD.test(text.replace(ARROWS, ' ').trim()));
  const others = nodes.filter((node) => !links.includes(node) && !(node.type === 'text' && node.value.replace(ARROWS, '') === '') && node.type !== 'break');
  if (others.length) return false;
  return links.every((link) => isBadge(link) || isNavigation(link));
}

/** `[Back to top](#…)`, `[⬆](#top)`: a link whose words are navigation or only arrows — never an image, which is content. */
function isNavigation(link: PhrasingContent): boolean {
  if (link.type === 'image' || ('children' in link && link.children.some((child) => child.type === 'image'))) return false;
  const words = plainText([link]).replace(ARROWS, ' ').trim();
  return words === '' || NAVIGATION_WORD.test(words);
}

/** A block that is boilerplate as a whole. */
export function isBoilerplateBlock(block: RootContent | Nodes): boolean {
  if (block.type === 'paragraph' || block.type === 'heading') return isBoilerplateLine(block.children);
  if (block.type === 'html') return BADGE.test(block.value) && /<img\b/i.test(block.value) && !/<(?:p|table|pre|ul|ol)\b/i.test(block.value.replace(/<p[^>]*align[^>]*>/gi, ''));
  return false;
}

function isBadge(node: PhrasingContent): boolean {
  if (node.type === 'image') return BADGE.test(node.url);
  if (node.type === 'link') return node.children.length > 0 && node.children.every((child) => child.type === 'image' && BADGE.test(child.url));
  return false;
}
