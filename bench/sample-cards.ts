/**
 * `npm run sample-cards -- DIR [DIR…] N SEED [--name NAME]`: the quality
 * harness of docs/card-review.md. Builds each folder into a throw-away .apkg,
 * reads the cards back from it the way Anki stores them, and draws a seeded
 * sample of N cards spread over the folders (a share per folder proportional
 * to the square root of its note count, at least 5 each), shown as a reader
 * sees them: question side (context above the front; a cloze with its gap
 * hidden), answer side, and the fields' HTML.
 *
 * Writes to bench/quality/ (NAME defaults to `sample-SEED`):
 *   NAME.md           what the blind reader gets: only the cards, in a shuffled order
 *   NAME.cards.jsonl  the same cards as JSON lines (id, type, question, answer, fields)
 *   NAME.key.jsonl    id → folder, file:line, deck, guid, ord — never shown to the reader
 * The reader's verdicts go in NAME.verdicts.jsonl; `npm run score-cards -- NAME` counts them.
 *
 * Card ids hash the folder name, the note's GUID and the card's ord, so the
 * same build gives the same ids and verdicts join back to their cards. Cards
 * are ranked by a hash of seed and id: a card's chance does not depend on the
 * others, and a new seed gives an unrelated sample.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { build } from '../src/lib/build.js';
import { readApkg } from '../test/helpers/anki.js';

export const MIN_PER_FOLDER = 5;
export const qualityDir = fileURLToPath(new URL('quality', import.meta.url));

export interface SampledCard {
  id: string;
  type: string;
  /** What the question side shows, as text: the context line, then the front. */
  question: string;
  /** What the answer side adds, as text. */
  answer: string;
  /** The note's fields as HTML, by field name. */
  html: Record<string, string>;
}

export interface CardKey {
  id: string;
  folder: string;
  source: string;
  deck: string;
  guid: string;
  ord: number;
}

const hash = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * The card as text, as Anki shows it: list items marked (`•`, `1.`) so a list still reads as one — on the line of the
 * item's first paragraph, as a browser draws a loose list — each image as `[image: alt]`, so the reader knows a
 * picture is there (and that its alt text is not words on the card), and each table row as `| cell | cell |`, so a
 * table reads as one (a header row alone is a row of boxes drawn as a picture: `| Process A | free | Process B |`).
 */
export function text(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  // A nested list is indented under its item, two spaces a level.
  const depth = new Map<Element, number>();
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'img' && parent && index !== undefined) {
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      parent.children.splice(index, 1, { type: 'text', value: alt ? `[image: ${alt}]` : '[image]' });
      return;
    }
    if (node.tagName !== 'ol' && node.tagName !== 'ul') return;
    let number = Number(node.properties.start ?? 1);
    const level = depth.get(node) ?? 0;
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue;
      visit(item, 'element', (inner) => {
        if (inner === item || (inner.tagName !== 'ul' && inner.tagName !== 'ol')) return;
        depth.set(inner, level + 1);
        return SKIP;
      });
      // No-break spaces: the text conversion collapses ordinary ones at the start of a line.
      const marker = { type: 'text' as const, value: '\u00a0\u00a0'.repeat(level) + (node.tagName === 'ol' ? `${number++}. ` : '• ') };
      const first = item.children.find((child) => child.type !== 'text' || child.value.trim());
      if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(marker);
      else item.children.unshift(marker);
    }
  });
  // Tables last, once their images are text: each row a line `| cell | cell |`.
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    const rows: string[] = [];
    visit(node, 'element', (row) => {
      if (row.tagName !== 'tr') return;
      const cells = row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
      rows.push(`| ${cells.map((cell) => toText(cell).replace(/\s+/gu, ' ').trim()).join(' | ')} |`);
      return SKIP;
    });
    parent.children.splice(index, 1, { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: rows.join('\n') }] });
    return SKIP;
  });
  return toText(tree).replace(/\u00a0/gu, ' ').trim();
}

/** Anki's cloze rendering: the asked number hidden (`[…]` or `[hint]`), the others shown as their text. */
export function showCloze(html: string, ord: number, side: 'question' | 'answer'): string {
  return html.replace(/\{\{c(\d+)::([\s\S]*?)(?:::([^{}]*?))?\}\}/g, (_, number: string, body: string, hint?: string) => {
    if (Number(number) !== ord + 1) return body;
    return side === 'question' ? `<span class="cloze">[${hint ?? '…'}]</span>` : `<span class="cloze">${body}</span>`;
  });
}

/** The cards of one folder, as a reader sees them, with where each came from. */
export async function cardsOf(folder: string): Promise<{ card: SampledCard; key: CardKey }[]> {
  const work = mkdtempSync(join(tmpdir(), 'deckgen-sample-'));
  try {
    // The lock beside the output folder, not in it: deckgen refuses a lock inside --out (lock-path-invalid).
    const lockPath = join(work, 'lock.json');
    const report = await build({ notesDir: folder, outDir: join(work, 'decks'), lockPath, formats: ['apkg'], now: 1_700_000_000 });
    const apkg = await readApkg(join(work, 'decks', `${basename(folder)}.apkg`));
    // A first build: every note is added, and the plan says where (`file:line`; the lock keeps no lines).
    const sources = new Map((report.changes?.added ?? []).map((note) => [note.guid, note.source]));
    const deckNames = new Map(Object.values(apkg.decks).map((deck) => [deck.id, deck.name]));
    const notes = new Map(apkg.notes.map((note) => [note.id, note]));
    const name = basename(folder);
    return apkg.cards.map((row) => {
      const note = notes.get(row.nid)!;
      const model = apkg.models[String(note.mid)];
      const fields = Object.fromEntries(model.flds.map((field, i) => [field.name, note.fields[i] ?? '']));
      const id = `c${hash(name, note.guid, row.ord).slice(0, 10)}`;
      const key: CardKey = { id, folder: name, source: sources.get(note.guid) ?? '', deck: deckNames.get(row.did) ?? '', guid: note.guid, ord: row.ord };
      return { card: { id, type: model.name, ...sides(fields, row.ord), html: fields }, key };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sides(fields: Record<string, string>, ord: number): { question: string; answer: string } {
  const context = text(fields.Context ?? '');
  const ask = (front: string) => (context ? `[${context}]\n${front}` : front);
  if ('Text' in fields) {
    const extra = text(fields['Back Extra'] ?? '');
    const revealed = text(showCloze(fields.Text, ord, 'answer'));
    return { question: ask(text(showCloze(fields.Text, ord, 'question'))), answer: extra ? `${revealed}\n\n${extra}` : revealed };
  }
  const [asked, shown] = ord === 1 ? [fields.Back, fields.Front] : [fields.Front, fields.Back];
  return { question: ask(text(asked)), answer: text(shown) };
}

/** Cards per folder: at least MIN_PER_FOLDER each, the rest ∝ sqrt(note count), largest remainders first. */
export function shares(counts: number[], total: number): number[] {
  const take = counts.map((count) => Math.min(count, MIN_PER_FOLDER));
  let left = total - take.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const open = counts.map((count, i) => (take[i] < count ? i : -1)).filter((i) => i >= 0);
    if (!open.length) break;
    const weight = open.reduce((sum, i) => sum + Math.sqrt(counts[i]), 0);
    const wanted = open.map((i) => ({ i, exact: (left * Math.sqrt(counts[i])) / weight }));
    const whole = wanted.map(({ i, exact }) => ({ i, n: Math.min(Math.floor(exact), counts[i] - take[i]), rest: exact - Math.floor(exact) }));
    whole.forEach(({ i, n }) => (take[i] += n));
    left -= whole.reduce((sum, { n }) => sum + n, 0);
    // Hand out what rounding left over, one card each, largest remainder first.
    for (const { i } of whole.sort((a, b) => b.rest - a.rest)) {
      if (left === 0) break;
      if (take[i] < counts[i]) {
        take[i]++;
        left--;
      }
    }
  }
  return take;
}

export async function sample(folders: string[], total: number, seed: string) {
  const perFolder: Awaited<ReturnType<typeof cardsOf>>[] = [];
  for (const folder of folders) perFolder.push(await cardsOf(folder));
  const noteCounts = perFolder.map((cards) => new Set(cards.map(({ key }) => key.guid)).size);
  const counts = shares(noteCounts, total).map((n, i) => Math.min(n, perFolder[i].length));
  const rank = (id: string, salt: string) => hash(seed, salt, id);
  const chosen = perFolder.flatMap((cards, i) => [...cards].sort((a, b) => (rank(a.card.id, 'pick') < rank(b.card.id, 'pick') ? -1 : 1)).slice(0, counts[i]));
  // The reader must not see which folder a card came from: shuffle across folders.
  chosen.sort((a, b) => (rank(a.card.id, 'order') < rank(b.card.id, 'order') ? -1 : 1));
  const summary = folders.map((folder, i) => ({ folder: basename(folder), notes: noteCounts[i], cards: perFolder[i].length, sampled: counts[i] }));
  return { chosen, summary };
}

function readerView(cards: SampledCard[], seed: string): string {
  const parts = [
    `# Card sample (seed ${seed}, ${cards.length} cards)`,
    '',
    'Judge each card as a student who imported it: good / weak / junk, see docs/card-review.md.',
    'The question side shows the context in [brackets] above the front; for a cloze, the gap is hidden.',
    '',
  ];
  for (const card of cards) {
    parts.push(`## ${card.id} (${card.type})`, '', '**Question**', '', fenced(card.question), '', '**Answer**', '', fenced(card.answer), '');
    parts.push('<details><summary>HTML</summary>', '');
    for (const [field, html] of Object.entries(card.html)) parts.push(`${field}:`, '', fenced(html, 'html'), '');
    parts.push('</details>', '');
  }
  return parts.join('\n');
}

/** A fence longer than any backtick run inside, so card text never closes it. */
function fenced(body: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}

const jsonLines = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

async function main(): Promise<void> {
  const argv = await yargs(hideBin(process.argv))
    .usage('$0 DIR [DIR…] N SEED: a blind-review sample of N cards built from the folders')
    .option('name', { type: 'string', describe: 'file name under bench/quality/ (default sample-SEED)' })
    .strictOptions()
    .help()
    .parseAsync();
  const args = argv._.map(String);
  if (args.length < 3 || !/^\d+$/.test(args[args.length - 2])) {
    console.error('usage: npm run sample-cards -- DIR [DIR…] N SEED [--name NAME]');
    process.exit(2);
  }
  const seed = args[args.length - 1];
  const total = Number(args[args.length - 2]);
  const folders = args.slice(0, -2).map((folder) => resolve(folder));
  const { chosen, summary } = await sample(folders, total, seed);
  const name = argv.name ?? `sample-${seed}`;
  mkdirSync(qualityDir, { recursive: true });
  writeFileSync(join(qualityDir, `${name}.md`), readerView(chosen.map(({ card }) => card), seed));
  writeFileSync(join(qualityDir, `${name}.cards.jsonl`), jsonLines(chosen.map(({ card }) => card)));
  writeFileSync(join(qualityDir, `${name}.key.jsonl`), jsonLines(chosen.map(({ key }) => ({ ...key, seed }))));
  console.table(summary);
  console.log(`reader: bench/quality/${name}.md (or .cards.jsonl); key: bench/quality/${name}.key.jsonl`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
