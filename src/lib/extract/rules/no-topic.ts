/**
 * Rule `no-topic` (info) — a question must say what it is about. A front that
 * is a generic or positional word (`Examples`, `장점`, `Key idea 1`,
 * `1번 방법 (권장)`; the lists below) is a good card when the context names
 * the subject (`Factory Method 패턴 › 개념`, `JWT › 특징`), and no card at
 * all when nothing does:
 *
 *     (SQL.md)                                  → card "SQL › Examples"   (info: no-topic)
 *     ## Examples
 *     SELECT … is a query …
 *
 * A front that names something is still a detail of something unnamed when
 * every crumb above it is generic (`Proof › Mathematical notation`), and is
 * asked the same way (`Bayes theorem › Proof › Mathematical notation`).
 *
 * When no crumb of the context names a topic, the file's title is put in
 * front of the context: front matter `title:`, else the file name, and for a
 * `README.md` (or `index.md`) its folder's name (readableName). If the
 * title is generic too, no card is made.
 *
 * A front that names something but has no context at all is one of the
 * file's top sections. When the file has one top heading, that heading is
 * its title and nothing is added (unless it comes after the file's own
 * words); when it has several, each is a section of the file's subject, and
 * the title is put in front (sectionTitle):
 *
 *     (인증방식.md)                              → card "인증방식 › API Key"
 *     ## API Key
 *     서비스들이 거대해짐에 따라 …
 *     ## OAuth2
 *
 * unless the front already says it (`## 북마크 제거` in `북마크.md`) or is a
 * question of its own (`## TCP/IP의 각 계층을 설명해주세요.`).
 */
import type { Heading, ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { plainText } from '../../parse/mdast.js';

const GENERIC = new Set(
  [
    // Korean
    '정의', '개념', '특징', '특성', '장점', '단점', '장단점', '예시', '예', '예제', '종류', '방법', '정리', '요약', '개요', '소개',
    '설명', '인용', '구현', '코드', '예시 코드', '목적', '결론', '배경', '원리', '구조', '과정', '기능', '역할', '용도', '차이', '차이점',
    '문제', '문제점', '해결', '해결법', '해결 방법', '사용법', '주의', '주의사항', '주의 사항', '비교', '활용', '참고', '특징 및 장점',
    // callout and box labels
    '팁', '경고', '알림', '정보', '중요', '힌트',
    // English
    'definition', 'definitions', 'concept', 'concepts', 'example', 'examples', 'overview', 'summary', 'pros', 'cons', 'pros and cons',
    'advantages', 'disadvantages', 'appendix', 'introduction', 'intro', 'features', 'characteristics', 'description', 'details',
    'usage', 'implementation', 'code', 'background', 'conclusion', 'motivation', 'explanation', 'notes', 'note', 'tips', 'types',
    'methods', 'approach', 'solution', 'purpose', 'key idea', 'key ideas', 'idea', 'main idea', 'basics', 'general',
    'problem', 'problem statement', 'statement', 'proof', 'exercise', 'exercises', 'remark', 'remarks', 'discussion',
    'quotes', 'quotations', 'highlights',
    // callout and box labels
    'tip', 'hint', 'expert tip', 'pro tip', 'warning', 'caution', 'danger', 'important', 'info', 'information', 'reminder',
  ].map((word) => word.toLowerCase()),
);
const POSITIONAL = [
  /^(?:key idea|idea|step|part|chapter|section|lecture|lesson|week|day|example|case|method|approach|rule|tip|question|q)\s*#?\d+\.?$/iu,
  /^\d+\s*번(?:\s.*)?$/u,
  /^#?\d+(?:[.-]\d+)*\.?$/u,
  /^(?:제\s*)?\d+\s*(?:단계|장|절|주차|교시|강)$/u,
];

/** `3단계`, `Step 2`, `1번 방법`: a front that only says where it is in a sequence. */
export function isPositionalFront(text: string): boolean {
  const word = text.trim().replace(/[\s:：.]+$/u, '').toLowerCase();
  return POSITIONAL.some((pattern) => pattern.test(word));
}

export function isGeneric(text: string): boolean {
  const word = text.trim().replace(/[\s:：.]+$/u, '').toLowerCase();
  return GENERIC.has(word) || POSITIONAL.some((pattern) => pattern.test(word));
}

/**
 * Titles a file's cards can be asked under, best first: front matter `title`,
 * the file name (not for `README.md` / `index.md`), then the folders it is in,
 * nearest first, up to the notes folder itself; generic ones are left out.
 */
export function fileTitles(relativePath: string, absolutePath: string, frontMatterTitle?: string): string[] {
  const inside = relativePath.split('/');
  const name = inside.pop()!.replace(/\.(md|markdown)$/iu, '');
  const root = absolutePath.split('/').slice(0, -(inside.length + 1)).pop() ?? '';
  const own = /^(?:readme|index)$/iu.test(name) ? [] : [name];
  const names = [...own, ...inside.reverse(), root].map(readableName);
  return [...(frontMatterTitle ? [frontMatterTitle] : []), ...names].filter((title) => title && !isGeneric(title));
}

/**
 * A file or folder name as a title: `_` is a space (`Reverse_Interview`), and a
 * slug reads as words (`7-data-structure` → `data structure`,
 * `statistics-math-distribution` → `statistics math distribution`): a name with
 * no spaces that starts with a number and a dash, or has two dashes or more.
 * `B-Tree`, `TCP-IP` stay as they are.
 */
function readableName(name: string): string {
  const spaced = name.replace(/_+/gu, ' ').replace(/\s+/gu, ' ').trim();
  const words = spaced.replace(/^\d{1,3}-(?=\p{L})/u, '').split('-');
  const slug = !/\s/u.test(spaced) && (words.join('-') !== spaced || words.length >= 3) && words.every((word) => /\p{L}/u.test(word));
  return slug ? words.join(' ') : spaced;
}

/**
 * The title a top section's front (no context) is asked under, if any: the
 * file's first title, unless the front is it or contains it (letters and
 * digits compared, case and spacing ignored: `힙 소트(Heap Sort)` contains
 * `HeapSort`).
 */
export function sectionTitle(front: string, titles: readonly string[]): string | null {
  const bare = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const title = titles[0];
  return title && bare(title) && !bare(front).includes(bare(title)) ? title : null;
}

/**
 * A section that names no topic at all: its heading only letters or numbers a place (`### F`, `#### D1`, `## 3`)
 * and the file's title and every heading above it are labels of a series too — a contest, round, lecture, week
 * or chapter by its number (`Educational 174`, `Round 1004 (Div. 2)`, `Lecture 3`, `1주차`) — or generic words.
 * Nothing says what `Educational 174 › F` is about (the problem is not in the notes), so neither the heading nor
 * anything under it makes a card:
 *
 *     (Educational 174.md)                      → no card (info: no-topic)
 *     ### F
 *     At first look, it obviously requires using Dynamic Connectivity D&C. …
 *
 * A letter under a named topic is kept (`Languages › C`), and so is a heading that names its problem
 * (`### A. Two Sum` → `Two Sum`) and a level-1 heading, the file's own title (`# T0`).
 */
export function topiclessHeadings(tree: Root, title: string | undefined): Set<Heading> {
  const out = new Set<Heading>();
  const above: { depth: number; text: string }[] = [];
  for (const block of tree.children) {
    if (block.type !== 'heading') continue;
    while (above.length && above[above.length - 1].depth >= block.depth) above.pop();
    const text = plainText(block.children).trim();
    const names = [...(title ? [title] : []), ...above.map((heading) => heading.text)];
    // A level-1 heading titles the file (`# T0` in `deck0.md`); the rule is about a place inside it.
    if (block.depth > 1 && BARE_PLACE.test(text) && names.every(isSeriesLabel)) out.add(block);
    above.push({ depth: block.depth, text });
  }
  return out;
}

/** The bullets of the sections topiclessHeadings finds, down to the next heading at their level or above (for the coverage count). */
export function topiclessSectionItems(tree: Root, title: string | undefined): Set<ListItem> {
  const headings = topiclessHeadings(tree, title);
  const out = new Set<ListItem>();
  let inside: number | null = null;
  for (const block of tree.children) {
    if (block.type === 'heading') {
      if (inside === null || block.depth <= inside) inside = headings.has(block) ? block.depth : null;
    } else if (inside !== null) visit(block, 'listItem', (item: ListItem) => void out.add(item));
  }
  return out;
}

/** `F`, `D1`, `F?`, `3`: a problem's letter or a number, nothing else. */
const BARE_PLACE = /^(?:[A-Z]\d{0,2}|\d{1,3})[?.]?$/u;
/** `Educational 174`, `Round 1004 (Div. 2)`, `Lecture 3`, `HW3`: up to three words and a number, with an optional parenthesis. */
const SERIES_LABEL = /^(?:\p{L}[\p{L}.'’-]*\s+){0,2}\p{L}[\p{L}.'’-]*\s*#?\d{1,5}[a-z]?(?:\s*[(（][^()（）]*[)）])?$/iu;

function isSeriesLabel(text: string): boolean {
  return isGeneric(text) || SERIES_LABEL.test(text.trim());
}
