/**
 * Boilerplate — what a repository shows around its notes, never worth asking:
 * no card, and never part of a card's side.
 *
 *     [:arrow_double_up:Top](#top) [:leftwards_arrow_with_hook: Back](../README.md) [:information_source: Home](../README.md)
 *     [Back to top](#contents)   ⬆ [맨 위로](#목차)   [더 자세히보기](…)        navigation
 *     작성자 : 홍길동    Author: Jane Doe    Written by …    {{author}}       credits, template prompts
 *     > Translate this article: [How to Rock an Algorithms Interview](…)  a translator's note (quoted, linking the original)
 *     Source: Glassdoor    출처: 위키백과                                    citations on a line of their own
 *     [![build](https://img.shields.io/badge/build-passing-green.svg)](…)   badges
 *     TODO    TBD    작성 중                                                 placeholders
 *     [ByteByteGo](https://bytebytego.com?fpr=…) … 70% off   Disclaimer: This section was added by the X team
 *                                                           paragraphs and boxes with referral links, sponsor notes
 *     ## [Hello Interview](https://…/?utm_source=site)       a heading linking to a product with a referral or
 *                                                           tracking tag: the whole section is sponsored, as is
 *                                                           a section whose ad sells (`[Join today for a 10% discount →](…?aff=…)`)
 *     #### My (free) coding interview techniques guide       the author's own guide, course or book, free or
 *                                                           linked: the section is its blurb (not `My study plan`)
 *     _Network.end_    The End                                              end-of-document markers
 *     Current page: 0    Current chapter: 5    Progress: 30%                 reading progress
 *
 * Files that are only apparatus make no card (info `boilerplate-file`):
 * `LICENSE.md`, `CONTRIBUTING.md`, `CHANGELOG.md`, `CODE_OF_CONDUCT.md`,
 * `__template__.md` (a page's scaffolding), `크레딧.md` (credits), also by front matter `title:`.
 *
 * Sections that are only apparatus make no card: a heading ending with a
 * link to the page it sums up (`## 데이터베이스 [Link](…)`, an index of that page), `Table of contents` (`목차`, `Contents`), footnotes (`Footnotes`, `각주`), `License`,
 * `Contributors`, `Credits`, `Acknowledgements` (`기여자`, `감사의 글`), `Notice`, `Announcements` (`공지사항`), `Contributing`, and reference
 * sections (`References`, `참고`, `출처`, `Learning resources`, `추가 자료`…).
 */
import type { Blockquote, Heading, List, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { walk } from '../../tree-walk.js';
import { isLinksOnly, itemHead, plainText } from '../../parse/mdast.js';
import { detailsContents, detailsEnd } from './details.js';
import { sentencesOf } from '../sentence.js';

const NAVIGATION_WORD = /^(?:back(?: to top)?|top|home|up|next|prev(?:ious)?|index|(?:read|see|learn) more|more|목차(?:로)?|(?:맨 )?위로|뒤로(?: ?가기)?|처음으로|홈|이전|다음|(?:더 ?)?자세히 ?보기|더 ?보기)$/iu;
const ARROWS = /[\p{Extended_Pictographic}\u2190-\u21ff\u2b05-\u2b07\u2934\u2935\ufe0f\s|/·•-]+/gu;
const CREDIT = /^\s*(?:작성자|글쓴이|작성|저자|author|authors|written by|contributors?|credits?|maintainers?)\s*[:：]|^\s*(?:written|posted|edited) by\b/iu;
const TEMPLATE_PROMPT = /\{\{\s*[\w.-]+\s*\}\}/u;
// Also with a note of what is to come, in brackets or after a colon: `(TODO: 추후 수정)`, `TODO: add an example`.
const PLACEHOLDER = /^[(\[]?(?:(?:todo|tbd|tba|wip)(?:\s*[:：-]\s*[^)\]]{0,40})?|coming soon|to be (?:added|written)|작성 ?중|준비 ?중|추가 예정|(?:추후|나중에) (?:수정|작성|추가|보완)(?: 예정)?)[)\]]?[.!…]*$/iu;
const INDEX_LINK = /^(?:link|links|링크|바로 ?가기|go|open|more|자세히(?: ?보기)?|→|»)$/iu;
/** Referral links pay whoever wrote the page: `?aff=…`, `?fpr=…`, `utm_medium=referral`. */
// Referral parameters, and the redirect links of affiliate networks (ShareASale, Awin, CJ), whose whole URL is the referral.
const AFFILIATE = /[?&](?:aff|aff_id|affiliate|afftrack|fpr|referral)=|[?&]utm_medium=(?:referral|affiliate|partner)|\/\/(?:www\.)?(?:shareasale\.com\/r\.cfm|awin1\.com\/cread\.php|(?:anrdoezrs|jdoqocy|tkqlhce|dpbolvw|kqzyfj)\.net\/click-)/iu;
const TRACKING = /[?&](?:utm_source|ref)=/iu;
/** A link written as a shop's button: a call to buy or join, then an arrow. */
const BUY_BUTTON = /^(?:check it out|get (?:lifetime )?access(?: now)?|join (?:today|now)|buy (?:it|now)|enroll(?: now| today)?|sign up(?: now| today)?|get started|start learning|try it(?: free| now)?)\s*[→➔»]$/iu;
const CALL_TO_ACTION = /\b(?:join|sign up|buy|get|subscribe|enroll|start|grab)\b[^.]*\b(?:today|now|discount|off|access)\b|\d+\s?% (?:off|discount)/iu;
/** `Disclaimer: This section was added by the Meetapro team`, `Sponsored`, `광고`. */
const SPONSOR_NOTE = /^(?:disclaimer\s*:.*\b(?:added|written|provided|paid for|sponsored) by\b|sponsored(?: by\b.*)?|(?:유료 )?광고|협찬)[.!]?$/iu;
/** `Source: Glassdoor`, `출처: 위키백과`: a short citation on a line of its own. */
const SOURCE_LINE = /^(?:source|sources|출처|via)\s*[:：]\s*[^:：]{1,60}$/iu;
/** `Current page: 12`, `Current chapter: 5`, `Progress: 30%`, `진도: 3장`: where the reader is, not what they learned. */
const PROGRESS = /^(?:(?:current|last|next)\s+(?:page|chapter|lecture|section|episode|video|lesson|module|part|unit)|progress|진도|읽은\s*(?:곳|페이지|쪽))\s*[:：]?\s*[\p{N}]+(?:\s*(?:\/|of)\s*\p{N}+)?\s*(?:%|장|쪽|페이지|p)?\.?$/iu;
/** `_Network.end_`, `The End`: the end of the document, not a line of it. */
const END_MARKER = /^(?:[\p{L}\p{N} -]+\.end|the end|-+ ?end ?-+)[.!]?$/iu;
/** The author's own product, by its name: `My (free) algorithms study cheatsheets`, `Our interview course`, `제 무료 알고리즘 강의`. */
const OWN_PRODUCT = /^(?:(?:my|our)\s+(?:[\p{L}\p{N}()-]+\s+){0,6}?(?:guides?|courses?|(?:e-?)?books?|cheat ?sheets?|study plans?|newsletters?|handbooks?|videos?|video series|workshops?|classes|bootcamps?)|(?:제|저의|내)\s+(?:\S+\s+){0,5}?(?:가이드|강의|강좌|책|전자책|치트 ?시트|뉴스레터))$/iu;
const FREE = /\bfree\b|무료/iu;
const BADGE = /shields\.io|badge(?:s|n)?\b|travis-ci\.(?:org|com)|codecov\.io|badgen\.net/iu;
/** A file that is the repository's apparatus as a whole: `LICENSE.md`, `CONTRIBUTING.md`, `CHANGELOG.md`, `__template__.md`, `크레딧.md`. */
const APPARATUS_FILE = /^(?:licen[cs]e|copying|contributing|contributors|authors|credits|changelog|code of conduct|templates?|크레딧|기여자|라이[선센]스|감사의 글|acknowledg(?:e)?ments?)$/iu;
export const APPARATUS_HEADING = /^(?:table of contents|contents|toc|목차|footnotes?|각주|licen[cs]e|라이[선센]스|contributors|collaborators?|기여자|credits|크레딧|notices?|announcements?|공지(?: ?사항)?|contributing|how to contribute|(?:\S+에 )?기여하기|기여 방법|(?:third[- ]party )?acknowledg(?:e)?ments?|(?:타사 )?감사의 글|how to use (?:this|these) (?:list|lists|repo|repository|guide|book|document|notes)|(?:이|본) ?(?:목록|문서|저장소|자료|레포)[을를]? ?(?:이렇게 )?(?:사용|활용|이용)\S*(?: \S+)?)$/iu;
export const REFERENCE_HEADING = /^[[(【]?\s*(?:references?|reference links|참고(?: ?(?:자료|문헌|링크|사이트))?|출처|sources?|links|further reading|see also|(?:learning|quality|free|additional|further) resources|resources|recommended (?:courses|reading|resources|books)|추가 ?자료|더 ?읽을 ?거리)\s*[\])】]?$/iu;

/** Inline content that is only navigation links, badges, a credit or a template prompt. */
export function isBoilerplateLine(nodes: readonly PhrasingContent[]): boolean {
  const text = plainText(nodes);
  if (CREDIT.test(text) || PLACEHOLDER.test(text) || END_MARKER.test(text) || PROGRESS.test(text) || SOURCE_LINE.test(text) || (TEMPLATE_PROMPT.test(text) && text.replace(new RegExp(TEMPLATE_PROMPT, 'gu'), '').replace(/[^\p{L}]/gu, '').length < 12)) return true;
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
/** A paragraph or box that advertises: a referral link, or a sponsor's note. */
export function isAd(block: RootContent | Nodes): boolean {
  if (block.type === 'paragraph') return SPONSOR_NOTE.test(plainText(block.children)) || linksOf(block).some(isAffiliate);
  return block.type === 'callout' && linksOf(block).some(isAffiliate);
}

/**
 * An ad that sells (`[Join today for a 10% discount →](…?aff=…)`, or a button to a web page, `[**Check it out →**](…)`):
 * the section around it is its copy.
 */
export function isSalesPitch(block: RootContent | Nodes): boolean {
  if (block.type !== 'paragraph') return false;
  return (linksOf(block).some(isAffiliate) && CALL_TO_ACTION.test(plainText(block.children))) || hasBuyButton(block);
}

function hasBuyButton(block: Nodes): boolean {
  let found = false;
  walk(block, (link) => {
    if (link.type !== 'link') return;
    found ||= /^https?:\/\//iu.test(link.url) && BUY_BUTTON.test(plainText(link.children).trim());
  });
  return found;
}

export function isBoilerplateBlock(block: RootContent | Nodes): boolean {
  if (isAd(block)) return true;
  if (block.type === 'paragraph' && isSignOff(block.children)) return true;
  if (block.type === 'paragraph' || block.type === 'heading') return isBoilerplateLine(block.children);
  if (block.type === 'blockquote') return isTranslatorsNote(block);
  if (block.type === 'html') return BADGE.test(block.value) && /<img\b/i.test(block.value) && !/<(?:p|table|pre|ul|ol)\b/i.test(block.value.replace(/<p[^>]*align[^>]*>/gi, ''));
  return false;
}

/** The author taking leave of the reader: hoping it helped, asking to get in touch, thanking for reading. */
const SIGN_OFF = /\bhope (?:this|it|these|that) (?:helps|helped|was helpful)\b|\breach out to (?:me|us)\b|\b(?:contact|email|e-mail) (?:me|us)\b|\bthat(?:'s| is) (?:it|all) (?:from me|for now)\b|\bthanks? (?:you )?for reading\b|도움이 (?:되었으면|됐으면|되길|되기를|되셨으면)|읽어 ?주셔서 감사|(?:피드백|문의|연락)(?:은|는|을|를)? (?:언제든|환영|편하게)/iu;

/**
 * `And that is it from me … - hope this helps! If you have any other tips …, do reach out to me at contact@… or
 * create a new GitHub discussion item.`: a paragraph of nothing but the author's leave-taking, every sentence of it.
 */
function isSignOff(nodes: readonly PhrasingContent[]): boolean {
  const sentences = sentencesOf(plainText(nodes));
  return sentences.length > 0 && sentences.every((sentence) => SIGN_OFF.test(sentence));
}

const TRANSLATION = /번역|역자|옮긴이|\btranslat(?:e|ed|ion|or)\b/iu;

/**
 * `> Translate this article: [How to Rock an Algorithms Interview](…)`, `> [@JaeYeopHan](…): 한국어로 번역을
 * 진행하다보니 … (원문: https://…)`: a quoted note that the text is translated, linking the original, is credits.
 */
function isTranslatorsNote(quote: Blockquote): boolean {
  return quote.children.every((child) => child.type === 'paragraph') && TRANSLATION.test(plainText(quote.children)) && (linksOf(quote).length > 0 || /https?:\/\//u.test(plainText(quote.children)));
}

function isBadge(node: PhrasingContent): boolean {
  if (node.type === 'image') return BADGE.test(node.url);
  if (node.type === 'link') return node.children.length > 0 && node.children.every((child) => child.type === 'image' && BADGE.test(child.url));
  return false;
}

/** The file's title (front matter `title:`, else its name) says it is apparatus, not notes: no card from it. */
export function isApparatusFile(relativePath: string, title?: string): string | null {
  const name = relativePath.split('/').pop()!.replace(/\.(md|markdown)$/iu, '');
  const found = [title, name].find((candidate) => candidate && APPARATUS_FILE.test(candidate.replace(/[_-]+/gu, ' ').trim()));
  return found ?? null;
}

/**
 * A heading that links to a product with a referral or tracking tag
 * (`## [Hello Interview](https://…/?utm_source=techinterviewhandbook)`) opens
 * a sponsored section: no card from it or what is under it. So does one
 * offering the author's own guide, course or book, free or linked
 * (`#### My (free) coding interview techniques guide`, `### [My algorithms
 * course](…)`, `### 제 무료 알고리즘 강의`) — not `### My study plan`.
 */
export function isSponsoredHeading(heading: Heading): boolean {
  const links = linksOf(heading);
  return links.some((url) => isAffiliate(url) || TRACKING.test(url)) || offersOwnProduct(plainText(heading.children).trim(), links.length > 0);
}

/** The author's own guide, course or book by name, offered free or as a link: its blurb sells it. */
function offersOwnProduct(text: string, linked: boolean): boolean {
  return OWN_PRODUCT.test(text) && (linked || FREE.test(text));
}

/**
 * `## 데이터베이스 [Link](…/Database)`: a heading that ends with a link to
 * the page it sums up opens that page's table of contents, not notes.
 */
export function isIndexHeading(heading: Heading): boolean {
  const meaningful = heading.children.filter((node) => !(node.type === 'text' && !node.value.trim()));
  const last = meaningful[meaningful.length - 1];
  return meaningful.length > 1 && last?.type === 'link' && INDEX_LINK.test(plainText(last.children).replace(ARROWS, ' ').trim());
}

/**
 * A list whose every bullet is a link to a heading of this page is the page's
 * table of contents, with the unlinked entries nested under them:
 *
 *     * [Process vs Thread](#process-vs-thread)
 *     * [Process synchronization](#process-synchronization)
 *       * Critical Section
 *       * Solution
 *         * Lock
 *
 * No card from it, not even `Solution` → `Lock`, which only names sections.
 */
export function isPageContents(list: List): boolean {
  return list.children.length >= 2 && list.children.every(linksToThisPage);
}

function linksToThisPage(item: ListItem): boolean {
  const head = itemHead(item);
  return head !== null && isLinksOnly(head) && head.every((node) => node.type !== 'linkReference' && (node.type !== 'link' || node.url.startsWith('#')));
}

function linksOf(node: Nodes): string[] {
  const urls: string[] = [];
  walk(node, (link) => {
    if (link.type === 'link') urls.push(link.url);
  });
  return urls;
}

function isAffiliate(url: string): boolean {
  return AFFILIATE.test(url);
}

/**
 * The bullets of index sections (isIndexHeading), of a page's contents (isPageContents) and of folded tables of contents (rules/details.ts), which
 * bench/coverage.ts does not count: they are reported, not lost.
 */
export function indexSectionItems(tree: Root): Set<ListItem> {
  const out = new Set<ListItem>();
  let inside: number | null = null;
  let foldedUntil = -1;
  tree.children.forEach((block, index) => {
    if (block.type === 'heading') inside = isIndexHeading(block) ? block.depth : inside !== null && block.depth > inside ? inside : null;
    else if (block.type === 'html' && detailsContents(block) !== null) foldedUntil = detailsEnd(tree.children, index);
    else if (inside !== null || index < foldedUntil || (block.type === 'list' && isPageContents(block))) visit(block, 'listItem', (item: ListItem) => void out.add(item));
  });
  return out;
}
