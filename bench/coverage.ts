/**
 * `npm run coverage -- DIR [DIR…]`: "bullets on cards" — of the bullets with
 * text in a folder's notes, the share whose text appears on some card of the
 * folder's built .apkg (any field). Text is compared by its letters and digits
 * only, so markup, emoji and spacing differences between a note and its
 * rendered card do not count as missing. Issue 8 keeps this ≥ 95 % on every
 * corpus. Bullets deckgen leaves out on purpose and says so (link-only,
 * empty, a bullet that only says a link is attached, entries of reading lists, of a list of links a sentence points to
 * (`다음 문서를 참조하세요:`), and of lists of unanswered questions, of a
 * table of contents under a heading that links to the page it sums up, of
 * sections that name no topic — `### F` in `Educational 174.md`, printed apart —, and
 * licence/credits files and to-do lists) are not counted, nor are the bullets of obsidian-spaced-repetition
 * notes: there the user marked which lines are cards, and deckgen makes
 * exactly those (OSR makes nothing of the other bullets either).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListItem } from 'mdast';
import { visit } from 'unist-util-visit';
import { isEmptyItem, isLinkOnlyItem, itemHead, plainText } from '../src/lib/parse/mdast.js';
import { parseFile } from '../src/lib/parse/index.js';
import { extractOsrNotes } from '../src/lib/extract/osr/index.js';
import { indexSectionItems, isApparatusFile } from '../src/lib/extract/rules/boilerplate.js';
import { questionListItems } from '../src/lib/extract/rules/question-list.js';
import { listPointerItems, onlyPoints } from '../src/lib/extract/rules/cross-reference.js';
import { readingListItems } from '../src/lib/extract/rules/reading-list.js';
import { seeAlsoSectionItems } from '../src/lib/extract/rules/see-also.js';
import { fileTitles, topiclessSectionItems } from '../src/lib/extract/rules/no-topic.js';
import { toDoItems } from '../src/lib/extract/tasks.js';
import { findNoteFiles } from '../src/lib/read/index.js';
import { findOsr } from '../src/lib/read/osr.js';
import { cardsOf } from './sample-cards.js';

const IMAGE = /\[image(?:: [^\]\n]*)?\]/gu;
const letters = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export interface Coverage {
  /** The folder's cards, as sample-cards reads them back from the .apkg. */
  cards: Awaited<ReturnType<typeof cardsOf>>;
  bullets: number;
  onCards: number;
  missing: { source: string; text: string }[];
  /** Bullets of sections that name no topic (rules/no-topic.ts topiclessHeadings), left out of the count and shown apart. */
  topicless: number;
}

export async function coverage(folder: string): Promise<Coverage> {
  const cards = await cardsOf(folder);
  // An image shows as `[image: alt]` in the text view (sample-cards.ts): a picture between words, not words of the bullet.
  const onCards = letters(cards.map(({ card }) => `${card.question}\n${card.answer}`.replace(IMAGE, '')).join('\n'));
  const result: Coverage = { cards, bullets: 0, onCards: 0, missing: [], topicless: 0 };
  const { mode } = findOsr(folder, (path) => path);
  for (const path of findNoteFiles(folder)) {
    const relativePath = relative(folder, path);
    const { parsed } = parseFile({ absolutePath: path, displayPath: relativePath, relativePath, text: readFileSync(path, 'utf8') });
    if (!parsed || parsed.frontMatter.cards === false || isApparatusFile(relativePath, parsed.frontMatter.title) || extractOsrNotes(parsed, mode)) continue;
    const topicless = topiclessSectionItems(parsed.tree, fileTitles(relativePath, path, parsed.frontMatter.title)[0]);
    result.topicless += topicless.size;
    const leftOut = new Set([...readingListItems(parsed.tree, relativePath), ...questionListItems(parsed.tree), ...indexSectionItems(parsed.tree), ...toDoItems(parsed.tree, relativePath), ...listPointerItems(parsed.tree), ...seeAlsoSectionItems(parsed.tree), ...topicless]);
    visit(parsed.tree, 'listItem', (item: ListItem, _index, parent) => {
      const head = itemHead(item);
      if (!head || isEmptyItem(item) || isLinkOnlyItem(item, parent?.type === 'list' ? parent : undefined) || leftOut.has(item) || (item.children.length === 1 && onlyPoints(head))) return;
      const text = plainText(head);
      if (!letters(text)) return;
      result.bullets++;
      if (onCards.includes(letters(text))) result.onCards++;
      else result.missing.push({ source: `${relativePath}:${item.position?.start.line}`, text });
    });
  }
  return result;
}

async function main(): Promise<void> {
  for (const folder of process.argv.slice(2).map((dir) => resolve(dir))) {
    const { bullets, onCards, missing, topicless } = await coverage(folder);
    const apart = topicless ? `; ${topicless} more in sections that name no topic, not counted` : '';
    console.log(`${folder}: ${onCards} / ${bullets} bullets on cards (${((100 * onCards) / Math.max(bullets, 1)).toFixed(1)} %)${apart}`);
    for (const bullet of missing.slice(0, Number(process.env.SHOW_MISSING ?? 0))) console.log(`  ${bullet.source}  ${bullet.text.slice(0, 100)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
