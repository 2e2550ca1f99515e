/**
 * Rule `reading-list` (info) — a list whose every entry starts with a link
 * to a web page is a reading list (courses, books, people to follow), not
 * knowledge: no card from it, as a bullet that is only a link makes none.
 *
 *     - [Stacks and Overflows](https://medium.com/…), basecs                 → no card (info reading-list)
 *     - [Alexandre Zajac](https://www.linkedin.com/in/…): Creator of the "Hungry Minds" newsletter
 *     - (도서) [HTTP 완벽 가이드](http://www.yes24.com/…)
 *     - [ByteByteGo](https://bytebytego.com) - This is a new System Design course by Alex Xu …
 *
 *     - Videos                                                              → no card: a topic whose children are a
 *       - [Stacks](https://www.coursera.org/…), University of California      reading list (one entry is enough)
 *
 * Still cards: a single `- [RFC 9110](https://…): HTTP 의미론` among other
 * bullets, entries linking inside the notes (`[Process](./os.md): …`), a
 * bold linked term (`- **[Windows](https://…)**: OneDrive로 백업해요`), and a
 * list where one entry is plain text.
 *
 * Without links, a list of books is a reading list too when its file or a
 * heading above it says so (`Books.md`, `## Reading`, `## 도서`, `# 책`) and
 * every entry is a title by its author(s):
 *
 *     # Books.md
 *     - Algebra - Notes from the Underground by Paolo Aluffi              → no card (info reading-list)
 *     - Database Internals by Alex Petrov                                   (was "Algebra → Notes from …")
 *     - The Pragmatic Programmer — Andrew Hunt, David Thomas
 *
 * Still a card there: a definition (`- Dijkstra by hand: relax every edge`),
 * and the same list in a file or under a heading that is not about books.
 */
import type { List, ListItem, Nodes, PhrasingContent, Root } from 'mdast';
import { isLinkOnlyItem, itemHead, plainText } from '../../parse/mdast.js';

/** A label before the link, `(도서)`, `[Book]`, `책:` — a few characters, then the link. */
const LABEL = /^\s*(?:\([^()]{1,10}\)|\[[^\]]{1,10}\]|[^\s:]{1,10}\s*[:：])?\s*$/u;

export function isReadingList(list: List, underTopic = false): boolean {
  return list.children.length >= (underTopic ? 1 : 2) && list.children.every((item) => isLinkOnlyItem(item, list) || isEntry(item)) && !list.children.every((item) => isLinkOnlyItem(item, list));
}

/** A topic bullet whose children are only reading lists (`- Videos` › `- [Stacks](…), UCSD`); a spacer (`<br>`) is no child. */
export function isReadingTopic(rest: readonly Nodes[]): boolean {
  const said = rest.filter((block) => !(block.type === 'html' && !/\p{L}/u.test(block.value.replace(/<[^>]*>/gu, ''))));
  return said.length > 0 && said.every((block) => block.type === 'list' && (block.children.every((item) => isLinkOnlyItem(item, block)) || isReadingList(block, true)));
}

/** A file or heading about books: `Books.md`, `## Reading list`, `## 도서`, `# 책`. */
const BOOKS = /^(?:(?:my |recommended )?books?(?: list)?|reading(?: list)?|readings|bookshelf|도서(?: ?목록)?|책(?: ?목록)?|독서(?: ?목록)?|추천 ?도서|읽을 ?책)$/iu;
/** An author: capitalised (or Hangul) names, separated by commas or `and`/`&`, maybe `etc`/`et al.`. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\p{Script=Hangul}{2,5})`;
const AUTHORS = new RegExp(String.raw`^${NAME}(?:\s+${NAME})*(?:\s*(?:,|\band\b|&)\s*(?:${NAME}(?:\s+${NAME})*|etc\.?|et al\.?))*$`, 'u');
/** `Title by Author`, `Title — Author`, `Title - Author` (the last separator is the author's). */
const BY = /^(.{2,}?)\s+(?:by|—|–|-)\s+([^:：]+)$/u;

/** `Database Internals by Alex Petrov`: a title, then its author(s); no colon (`Dijkstra by hand: …` defines). */
function isBookEntry(item: ListItem): boolean {
  const head = itemHead(item);
  if (!head || item.children.length !== 1 || !head.every((node) => node.type === 'text' || node.type === 'emphasis' || node.type === 'strong')) return false;
  const text = plainText(head).trim();
  const split = /\s(?:by|—|–|-)\s(?!.*\s(?:by|—|–|-)\s)/u.exec(text);
  return !!split && BY.test(text) && AUTHORS.test(text.slice(split.index + split[0].length).trim());
}

/** The lists of books in a file named for books or under a heading that is (`## Reading`): no links, still a reading list. */
export function bookLists(tree: Root, relativePath: string): Set<List> {
  const out = new Set<List>();
  const name = relativePath.split('/').pop()!.replace(/\.(md|markdown)$/iu, '').replace(/[_-]+/gu, ' ').trim();
  const headings: { depth: number; books: boolean }[] = [];
  for (const block of tree.children) {
    if (block.type === 'heading') {
      while (headings.length && headings[headings.length - 1].depth >= block.depth) headings.pop();
      headings.push({ depth: block.depth, books: BOOKS.test(plainText(block.children).trim()) });
    } else if (block.type === 'list' && block.children.length >= 2 && (BOOKS.test(name) || headings.some((heading) => heading.books)) && block.children.every(isBookEntry)) out.add(block);
  }
  return out;
}

/** The bullets reading lists leave out of a file (bench/coverage.ts does not count them). */
export function readingListItems(tree: Root, relativePath = ''): Set<ListItem> {
  const out = new Set<ListItem>();
  bookLists(tree, relativePath).forEach((list) => list.children.forEach((item) => out.add(item)));
  const walk = (node: Nodes, inItem: boolean) => {
    if (node.type === 'list' && !inItem && isReadingList(node)) node.children.forEach((item) => out.add(item));
    if (node.type === 'listItem' && isReadingTopic(node.children.slice(1))) {
      out.add(node);
      for (const list of node.children.slice(1)) if (list.type === 'list') list.children.forEach((item) => out.add(item));
    }
    if ('children' in node) (node.children as Nodes[]).forEach((child) => walk(child, node.type === 'listItem' || (inItem && node.type === 'list')));
  };
  walk(tree, false);
  return out;
}

function isEntry(item: ListItem): boolean {
  const head = itemHead(item);
  if (!head || item.children.slice(1).some((block) => block.type !== 'list' || !isReadingList(block, true))) return false;
  const first = head.findIndex((node) => isWebLink(node));
  return first !== -1 && head.slice(0, first).every((node) => node.type === 'text' && LABEL.test(node.value));
}

/** A plain link: a bold one (`**[Windows](…)**: OneDrive로 백업해요`) is a term being defined. */
function isWebLink(node: PhrasingContent): boolean {
  return node.type === 'link' && /^https?:\/\//iu.test(node.url);
}
