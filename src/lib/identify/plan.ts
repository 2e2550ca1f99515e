/**
 * The change plan: what the next Anki import will do with each note, and
 * where review history is at risk. Built by identify(), printed by the CLI.
 */
import type { NoteKind } from '../model.js';
import { MATCH_THRESHOLD } from './match.js';
import { splitQuestion } from './normalize.js';

export interface PlanNote {
  guid: string;
  /** Normalized `context › front`. */
  question: string;
  /** `relativePath:line`. */
  source: string;
}

export interface ChangePlan {
  /** No lock file existed: every note is new to deckgen (not necessarily to Anki). */
  firstBuild: boolean;
  /** Notes with no lock entry: new notes (and new cards) in Anki. */
  added: PlanNote[];
  /** Matched notes whose fields, tags or cards changed: Anki updates them in place. */
  updated: PlanNote[];
  /** Lock entries no note matched. Anki keeps them: an import never deletes. `cardDeck`: where its cards are, when not `deck`. */
  removed: (PlanNote & { kind: NoteKind; deck: string; cardDeck?: string })[];
  /**
   * Matched by similarity although the normalized question (context › front) changed: GUID and review history
   * kept, worth a check. A note whose question is unchanged (only its deck or file changed) is not listed here.
   */
  rematched: { guid: string; oldQuestion: string; newQuestion: string; similarity: number; source: string }[];
  /** Added notes that resemble a removed one, but not enough to keep its GUID: that history stays with the old card. */
  nearMisses: { guid: string; question: string; source: string; oldGuid: string; oldQuestion: string; similarity: number }[];
  /** Matched notes whose deck changed: Anki leaves existing cards in the old deck. */
  moved: { guid: string; question: string; oldDeck: string; newDeck: string }[];
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
  return { firstBuild, added: [], updated: [], removed: [], rematched: [], nearMisses: [], moved: [], renumbered: [], unchanged: 0, inFilesWithErrors: [] };
}

export interface FormatPlanOptions {
  /** Longest list printed for added/updated notes (default 20). Risk lists are printed up to 10× this. */
  limit?: number;
}

/** A readable plan for humans, with history-risk warnings. Ends with a newline. */
export function formatPlan(changes: ChangePlan, options: FormatPlanOptions = {}): string {
  const limit = options.limit ?? 20;
  const out: string[] = [summary(changes)];
  const section = <T>(title: string, items: T[], line: (item: T) => string[], max: number): void => {
    if (items.length === 0) return;
    out.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, max)) out.push(...line(item));
    if (items.length > max) out.push(`  … and ${items.length - max} more`);
  };
  const riskLimit = limit * 10;

  if (!changes.firstBuild) section('Added', changes.added, (note) => [`  + ${note.question}  (${note.source})`], limit);
  section('Updated', changes.updated, (note) => [`  ~ ${note.question}  (${note.source})`], limit);
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
  section('Removed — an Anki import never deletes notes; delete these in Anki\'s browser if you no longer want them', changes.removed, (note) => [
    `  - ${note.question}  (was ${note.source}, GUID ${note.guid})`,
    `      search: ${ankiSearch(note)}`,
  ], riskLimit);
  if (changes.removed.length > 0) {
    out.push('  Anki\'s search has no GUID search (only nid:/cid: note and card ids), so search by deck and text as shown.');
  }
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

/** Escapes a double-quoted Anki search term ([M] searching.mdx "Matching special characters"). */
function searchEscape(text: string): string {
  return text.replace(/[\\"*_]/g, (char) => `\\${char}`);
}

/** Field text is HTML to Anki's search, so `&<>` are searched as entities. */
function searchText(text: string): string {
  return searchEscape(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A browser search that finds a removed note: its deck plus the start of its
 * front. Anki matches unqualified text as a substring of any field, case-
 * insensitively for Latin letters; cloze text is split by markers, so cloze
 * notes use `sc:` (strip clozes, Anki 25.07+). A note whose deck changed has
 * its cards in the deck they were created in unless the user moved them, so
 * both decks are searched.
 */
export function ankiSearch(note: { kind: NoteKind; deck: string; question: string; cardDeck?: string }): string {
  const front = splitQuestion(note.question).front;
  const fragment = Array.from(front).slice(0, 40).join('').trim();
  const inDeck = (name: string) => `"deck:${searchEscape(name)}"`;
  const deck = note.cardDeck === undefined || note.cardDeck === note.deck ? inDeck(note.deck) : `(${inDeck(note.deck)} OR ${inDeck(note.cardDeck)})`;
  if (fragment === '') return deck;
  if (note.kind === 'cloze') return `${deck} "sc:${searchText(fragment)}"`;
  return `${deck} "${searchText(fragment).replace(/:/g, '\\:')}"`;
}
