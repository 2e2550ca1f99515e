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
 */
import type { List, ListItem, Nodes, PhrasingContent, Root } from 'mdast';
import { isLinkOnlyItem, itemHead } from '../../parse/mdast.js';

/** A label before the link, `(도서)`, `[Book]`, `책:` — a few characters, then the link. */
const LABEL = /^\s*(?:\([^()]{1,10}\)|\[[^\]]{1,10}\]|[^\s:]{1,10}\s*[:：])?\s*$/u;

export function isReadingList(list: List, underTopic = false): boolean {
  return list.children.length >= (underTopic ? 1 : 2) && list.children.every((item) => isLinkOnlyItem(item, list) || isEntry(item)) && !list.children.every((item) => isLinkOnlyItem(item, list));
}

/** A topic bullet whose children are only reading lists (`- Videos` › `- [Stacks](…), UCSD`). */
export function isReadingTopic(rest: readonly Nodes[]): boolean {
  return rest.length > 0 && rest.every((block) => block.type === 'list' && (block.children.every((item) => isLinkOnlyItem(item, block)) || isReadingList(block, true)));
}

/** The bullets reading lists leave out of a file (bench/coverage.ts does not count them). */
export function readingListItems(tree: Root): Set<ListItem> {
  const out = new Set<ListItem>();
  const walk = (node: Nodes, inItem: boolean) => {
    if (node.type === 'list' && !inItem && isReadingList(node)) node.children.forEach((item) => out.add(item));
    if (node.type === 'listItem' && isReadingTopic(node.children.slice(1))) {
      out.add(node);
      node.children.slice(1).forEach((list) => (list as List).children.forEach((item) => out.add(item)));
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
