/**
 * `cards` rows (../shared/docs/anki-format.md §2.7). The apkg importer never
 * generates cards, so every card the note should have is written here: one per
 * template for standard note types, one per cloze number (ord = N-1) for cloze.
 */
import type { PackagedNote } from '../../model.js';
import { IdAllocator } from './note.js';
import { NOTETYPES } from './notetype.js';

export interface CardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  /** Seconds. */
  mod: number;
  /** New-card position, shared by all cards of the note. */
  due: number;
}

// Anki clamps cloze ords to 499 (notetype/cardgen.rs: `.min(499)`).
const MAX_CLOZE_ORD = 499;

/** The note's card ords, ascending; throws on ords only a bug upstream can produce. */
export function cardOrds(note: PackagedNote): number[] {
  const notetype = NOTETYPES[note.kind];
  const limit = notetype.type === 1 ? MAX_CLOZE_ORD : notetype.templates.length - 1;
  const ords = [...note.ords].sort((a, b) => a - b);
  const bad = ords.find((ord, i) => !Number.isInteger(ord) || ord < 0 || ord > limit || ords[i - 1] === ord);
  if (ords.length === 0 || bad !== undefined) {
    throw new Error(`deckgen bug: note ${note.guid} (${notetype.name}) has card ords [${note.ords.join(', ')}]`);
  }
  return ords;
}

/**
 * Card ids start at the note's creation time in ms, like Anki's own, so
 * "Card created" in the browser is meaningful; `ids` keeps them unique.
 */
export function cardRows(note: PackagedNote, noteId: number, deckId: number, ids: IdAllocator): CardRow[] {
  return cardOrds(note).map((ord) => ({
    id: ids.take(note.created * 1000),
    nid: noteId,
    did: deckId,
    ord,
    mod: note.mod,
    due: note.due,
  }));
}
