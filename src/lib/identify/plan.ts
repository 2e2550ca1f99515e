/**
 * The change plan: what the next Anki import will do with each note, and
 * where review history is at risk. Built by identify(), printed by the CLI.
 */
import type { NoteKind } from '../model.js';
import { REMOVED_DAYS, type RemovedNote } from './lock.js';
import { MATCH_THRESHOLD } from './match.js';

export interface PlanNote {
  guid: string;
  /** `context › front` as written (for a note of an earlier build, the lock's excerpt of it). */
  question: string;
  /** `relativePath:line` for a note of this build; `relativePath` for one that is gone. */
  source: string;
}

export interface ChangePlan {
  /** No lock file existed: every note is new to deckgen (not necessarily to Anki). */
  firstBuild: boolean;
  /** Notes with no lock entry: new notes (and new cards) in Anki. */
  added: PlanNote[];
  /** Matched notes whose fields, tags or cards changed: Anki updates them in place. `changed`: `deck`, `tags`, `cards` and field names. */
  updated: (PlanNote & { changed: string[] })[];
  /** Lock entries no note matched. Anki keeps them: an import never deletes. `cardDeck`: where its cards are, when not `deck`. */
  removed: (PlanNote & { nid: number; kind: NoteKind; deck: string; cardDeck?: string })[];
  /** Notes removed by earlier builds that the lock still lists (REMOVED_DAYS, or until `deckgen removed --clear`). */
  removedEarlier: RemovedNote[];
  /**
   * Matched by similarity although the normalized question (context › front) changed: GUID and review history
   * kept, worth a check. A note whose question is unchanged (only its deck or file changed) is not listed here.
   */
  rematched: { guid: string; oldQuestion: string; newQuestion: string; similarity: number; source: string }[];
  /** Added notes that resemble a removed one, but not enough to keep its GUID: that history stays with the old card. */
  nearMisses: { guid: string; question: string; source: string; oldGuid: string; oldQuestion: string; similarity: number }[];
  /** Matched notes whose deck changed: Anki leaves existing cards in the old deck. */
  moved: { guid: string; question: string; oldDeck: string; newDeck: string; file: string }[];
  /** Cloze notes whose cloze numbers changed: card N now asks a different deletion. */
  renumbered: { guid: string; question: string; oldOrds: number[]; newOrds: number[] }[];
  /** Matched notes with identical fields, tags and cards. */
  unchanged: number;
  /**
   * Lock entries of files skipped for an error this build (bad front matter, not UTF-8, …): kept in the lock
   * unchanged and left out of the package, so fixing the file brings the notes back with their GUIDs.
   */
  inFilesWithErrors: PlanNote[];
}

export function emptyPlan(firstBuild: boolean): ChangePlan {
  return { firstBuild, added: [], updated: [], removed: [], removedEarlier: [], rematched: [], nearMisses: [], moved: [], renumbered: [], unchanged: 0, inFilesWithErrors: [] };
}

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface FormatPlanOptions {
  /** Longest list printed for added/updated notes (default 20, verbose: all). Risk lists are printed up to 10× this. */
  limit?: number;
  /** quiet: only what puts review history at risk or is left in Anki (the warnings); verbose: every list in full. */
  verbosity?: Verbosity;
}

/** A readable plan for humans, with history-risk warnings. Ends with a newline (empty when quiet and nothing is at risk). */
export function formatPlan(changes: ChangePlan, options: FormatPlanOptions = {}): string {
  const verbosity = options.verbosity ?? 'normal';
  const limit = options.limit ?? (verbosity === 'verbose' ? Number.MAX_SAFE_INTEGER : 20);
  const quiet = verbosity === 'quiet';
  const out: string[] = quiet ? [] : [summary(changes)];
  const section = <T>(title: string, items: T[], line: (item: T) => string[], max: number): void => {
    if (items.length === 0) return;
    out.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, max)) out.push(...line(item));
    if (items.length > max) out.push(`  … and ${items.length - max} more`);
  };
  const riskLimit = limit * 10;

  if (!changes.firstBuild && !quiet) section('Added', changes.added, (note) => [`  + ${note.question}  (${note.source})`], limit);
  if (!quiet) section('Updated', changes.updated, (note) => [`  ~ ${note.question}  (${note.source})${note.changed.length > 0 ? ` — changed: ${note.changed.join(', ')}` : ''}`], limit);
  section('Kept by similarity — review history kept, check these are the same notes', changes.rematched, (note) => [
    `  = ${note.newQuestion}  (${note.source}, ${percent(note.similarity)} similar)`,
    `      was: ${note.oldQuestion}`,
  ], riskLimit);
  section('New instead of a similar removed note — its review history stays with the old card', changes.nearMisses, (note) => [
    `  ! ${note.question}  (${note.source})`,
    `      resembles removed note ${note.oldQuestion} (GUID ${note.oldGuid}): ${percent(note.similarity)} similar, ${percent(MATCH_THRESHOLD)} needed to keep its card`,
  ], riskLimit);
  if (changes.nearMisses.length > 0) {
    out.push('  If one of these is the same note, undo the edit, change the question and the answer in separate builds, or give it an explicit id before rewriting it.');
  }
  section('Cloze numbers changed — review history moves between the cards of these notes', changes.renumbered, (note) => [
    `  ! ${note.question}: cards ${ords(note.oldOrds)} → ${ords(note.newOrds)}`,
  ], riskLimit);
  section('Deck changed — Anki keeps existing cards in their old deck (move them with Browse › Cards › Change Deck)', changes.moved, (note) => [
    `  > ${note.question}: ${note.oldDeck} → ${note.newDeck}`,
  ], riskLimit);
  out.push(...keepDeckHints(changes.moved));
  section('Removed — an Anki import never deletes notes; delete these in Anki\'s browser if you no longer want them', changes.removed, (note) => [
    `  - ${note.question}  (was in ${note.source}; note id ${note.nid}, GUID ${note.guid})`,
  ], riskLimit);
  section(`Removed by earlier builds, listed until \`deckgen removed --clear\` or ${REMOVED_DAYS} days`, changes.removedEarlier, (note) => [
    `  - ${note.question}  (removed ${day(note.removed)}; note id ${note.nid}, GUID ${note.guid})`,
  ], riskLimit);
  out.push(...removedSearchLines([...changes.removed, ...changes.removedEarlier]));
  section(`${FILES_WITH_ERRORS} — not in this package; fix the errors and build again`, changes.inFilesWithErrors, (note) => [
    `  ? ${note.question}  (${note.source})`,
  ], limit);
  return `${out.join('\n')}\n`;
}

function summary(changes: ChangePlan): string {
  const total = changes.added.length + changes.updated.length + changes.unchanged;
  if (changes.firstBuild) return `First build: ${total} notes, all new to deckgen (no lock file yet).`;
  const parts = [`${changes.added.length} added`, `${changes.updated.length} updated`, `${changes.unchanged} unchanged`, `${changes.removed.length} removed`];
  if (changes.rematched.length > 0) parts.push(`${changes.rematched.length} kept by similarity`);
  if (changes.moved.length > 0) parts.push(`${changes.moved.length} moved to another deck`);
  const kept = changes.inFilesWithErrors.length;
  return `${total} notes: ${parts.join(', ')}.${kept > 0 ? ` ${keptSentence(kept)}` : ''}`;
}

const FILES_WITH_ERRORS = 'Notes of files with errors, kept in the lock unchanged';

/** "3 notes of files with errors kept in the lock unchanged." — shared by the plan and the build summary. */
export function keptSentence(count: number): string {
  return `${count} note${count === 1 ? '' : 's'} of files with errors kept in the lock unchanged.`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

function ords(list: number[]): string {
  return list.length === 0 ? '(none)' : list.map((ord) => `c${ord + 1}`).join(',');
}

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * A renamed file changes the deck (and with it tags and the Source field) of every note in it. Front matter
 * `deck:` keeps the old name, and then nothing but the Source field changes.
 */
function keepDeckHints(moved: ChangePlan['moved']): string[] {
  const byFile = new Map<string, string>();
  for (const note of moved) if (!byFile.has(note.file)) byFile.set(note.file, note.oldDeck);
  return [...byFile].map(([file, deck]) => `  To keep the deck name "${deck}" for ${file}, put \`deck: ${JSON.stringify(deck)}\` in its front matter and build again.`);
}

/** The search line(s) under the removed notes: one search that selects all of them. */
export function removedSearchLines(notes: readonly { nid: number }[]): string[] {
  if (notes.length === 0) return [];
  return [
    `  One search selects ${notes.length === 1 ? 'it' : `all ${notes.length}`} in Anki's browser (Browse, paste, Edit › Select All, Notes › Delete): ${removedSearch(notes)}`,
    '  It finds notes first imported from a deckgen .apkg (Anki keeps the note id); for notes imported from the CSV see docs/identity.md, "Deleting removed notes in Anki".',
  ];
}

/**
 * `"Front:<html>"`: notes whose field holds exactly this HTML, for notes not found by `nid:` (imported from
 * the CSV, which gives new ids). Anki compares the whole field with SQL LIKE (sqlwriter.rs write_single_field,
 * text.rs to_sql), where `*` and `_` are wildcards: escaped here, with `\` and `"` (parser.rs unescape).
 */
export function exactFieldSearch(field: string, html: string): string {
  const escape = (text: string) => text.replace(/[\\"*_]/g, (char) => `\\${char}`);
  return `"${escape(field).replace(/:/g, '\\:')}:${escape(html)}"`;
}

/**
 * `nid:1,2,3`: Anki's parser takes a comma-separated list of note ids (rslib/src/search/parser.rs,
 * `"nid" => SearchNode::NoteIds(check_id_list(..))`) and selects exactly the notes with those ids
 * (sqlwriter.rs: `n.id in (…)`).
 */
export function removedSearch(notes: readonly { nid: number }[]): string {
  return `nid:${[...new Set(notes.map((note) => note.nid))].sort((a, b) => a - b).join(',')}`;
}
