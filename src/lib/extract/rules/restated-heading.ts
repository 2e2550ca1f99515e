/**
 * Rule `restated-heading` (info) — an answer that only says what its heading
 * is about gives nothing to recall. Headings that group sub-sections often
 * open with such a sentence; the sub-sections are the cards:
 *
 *     ## 고유 노트                                  → no card (info restated-heading)
 *     [[고유 노트 생성]] 관련 명령어예요.
 *     ### `unique`
 *     고유 노트를 만들어요.                          → "고유 노트 › unique" → "고유 노트를 만들어요."
 *
 *     ## Bookmarks                                   → no card (info restated-heading)
 *     Commands related to [[bookmarks]].
 *
 * The answer must be one short sentence (at most 120 characters) that names
 * the heading and a kind of passage (commands, settings, options, this
 * section, 명령어, 설정, 기능 …; the lists below), and nothing else but the
 * notes it links to and the words around them (related to, covers, 관련,
 * 다뤄요 …). Korean particles and endings (`명령어예요` → `명령어`, `노트를` →
 * `노트`) and English plurals are taken off before comparing. Kept:
 *
 *     ## TCP
 *     TCP is a connection-oriented transport protocol.                  → a word of its own
 *     ## Equivalence relation
 *     A relation that is [[Symmetric]], [[Reflexive]] and [[Transitive]].   → names no kind of passage
 *     ## Logo
 *     ![logo](logo.png)                                                  → an image is content
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

const MAX_LENGTH = 120;

const KOREAN_ENDING = /(?:이에요|입니다|예요|에요|이다|해요|합니다|에서|으로|이며|이고|들|을|를|은|는|이|가|의|에|로|와|과|도|만)$/u;

/** Nouns that say what kind of passage this is (a list of commands, a page about …), not what it says. */
const KIND = new Set(
  [
    'command', 'setting', 'option', 'function', 'feature', 'method', 'property', 'properties', 'tool', 'action', 'shortcut',
    'section', 'page', 'chapter', 'topic',
    '명령어', '명령', '설정', '옵션', '기능', '항목', '방법', '내용', '섹션', '페이지', '문서', '목록', '모음',
  ].map(stem),
);
/** The words around such a noun: `related to`, `this section covers`, `관련`, `다뤄요`. */
const GLUE = new Set(
  [
    'related', 'relating', 'about', 'regarding', 'for', 'to', 'of', 'on', 'in', 'with', 'the', 'a', 'an', 'this', 'these', 'that',
    'here', 'is', 'are', 'cover', 'describe', 'list', 'explain', 'contain', 'include', 'show', 'all', 'and', 'or', 'used', 'use',
    'available', 'various', 'some', 'you', 'can', 'find', 'learn',
    '관련', '관련된', '관한', '대한', '위한', '이', '이런', '이러한', '여기', '여기서', '및', '또는', '그리고', '다뤄요', '다룹니다',
    '설명해요', '설명합니다', '소개해요', '소개합니다', '정리', '정리했어요', '있어요', '있습니다', '모든', '다양한', '수', '있는',
  ].map(stem),
);

/** The answer (a section's blocks) is one short sentence that only restates `heading`. */
export function restatesHeading(heading: string, blocks: readonly RootContent[]): boolean {
  const [paragraph] = blocks;
  if (blocks.length !== 1 || paragraph.type !== 'paragraph' || !paragraph.children.every(isWords)) return false;
  const text = plainText(paragraph.children);
  if ([...text].length > MAX_LENGTH || /[.!?。](?=\s)/u.test(text.replace(/[.!?。]\s*$/u, ''))) return false;
  const own = new Set(words(heading));
  const linked = new Set(linkTexts(paragraph.children).flatMap(words));
  const said = words(text);
  const known = (word: string) => own.has(word) || linked.has(word) || KIND.has(word) || GLUE.has(word);
  return said.some((word) => own.has(word)) && said.some((word) => KIND.has(word)) && said.every(known);
}

export function restatedMessage(heading: string, blocks: readonly RootContent[]): string {
  return `"${heading}" is answered only by a sentence that restates it ("${plainText(blocks)}"); no card made`;
}

/** Words only: an image, a formula or an embed is content of its own, whatever its alt text says. */
function isWords(node: PhrasingContent): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'break') return true;
  const wrapper = node.type === 'link' || node.type === 'linkReference' || node.type === 'wikiLink' || node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
  return wrapper && (node.children as PhrasingContent[]).every(isWords);
}

function linkTexts(nodes: readonly PhrasingContent[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === 'wikiLink') return [plainText([node]), node.target.split('/').pop() ?? ''];
    return node.type === 'link' || node.type === 'linkReference' ? [plainText([node])] : [];
  });
}

function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter(Boolean)
    .map(stem);
}

function stem(word: string): string {
  let stemmed = word.toLowerCase();
  for (let pass = 0; pass < 2; pass++) {
    const shorter = stemmed.replace(KOREAN_ENDING, '');
    if (shorter) stemmed = shorter;
  }
  return /^[a-z]{4,}s$/.test(stemmed) && !stemmed.endsWith('ss') ? stemmed.slice(0, -1) : stemmed;
}

/** The answer says the question again, letter for letter (`표준편차` → `표준 편차.`, `TCP` → `TCP`). */
export function repeatsQuestion(question: string, answer: string): boolean {
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  return letters(question) !== '' && letters(question) === letters(answer);
}
