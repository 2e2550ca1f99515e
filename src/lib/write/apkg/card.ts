/**
 * `cards` rows (../shared/docs/anki-format.md §2.7). The apkg importer never
 * generates cards, so every card the note should have is written here: one per
 * template for standard note types, one per cloze number (ord = N-1) for cloze.
 */
import type { PackagedNote, ReviewState } from '../../model.js';
import { COLLECTION_CREATED } from './collection.js';
import { cardOrds } from '../anki/cards.js';
import { IdAllocator } from '../../ids.js';

export interface CardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  /** Seconds. */
  mod: number;
  /** 0 new, 2 review (Anki's card type; the queue is the same number for these two). */
  type: 0 | 2;
  /** New card: its position, shared by all cards of the note. Review card: its due day, counted from `col.crt`. */
  due: number;
  /** Review card: days. */
  ivl: number;
  /** Review card: ease, per mille. */
  factor: number;
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
    ...schedule(note.review?.[ord], note.due),
  }));
}

/**
 * A review card is due on a day number counted from the collection's creation
 * day. Anki's apkg import (rslib import_export/package/apkg/import/cards.rs)
 * moves it by how far the package's "today" is from the collection's, so it
 * stays due on the same date; it does so only for cards it adds, never for
 * cards it already has, and resets them to new unless "Import any learning
 * progress" is ticked.
 */
function schedule(state: ReviewState | undefined, position: number): Pick<CardRow, 'type' | 'due' | 'ivl' | 'factor'> {
  if (!state) return { type: 0, due: position, ivl: 0, factor: 0 };
  const day = Math.floor(Date.parse(`${state.due}T00:00:00Z`) / 86_400_000) - Math.floor(COLLECTION_CREATED / 86_400);
  return { type: 2, due: Math.max(0, day), ivl: Math.max(1, state.interval), factor: state.factor };
}
