/**
 * What every Anki output (the .apkg, the CSV, the TSV) does to a package's
 * notes the same way: the checks only a bug upstream can fail, the order the
 * notes are written in, and the field text Anki would store.
 */
import { MAX_SECONDS, NOTE_FIELDS, type PackagedNote } from '../../model.js';

function assertSeconds(note: PackagedNote, key: 'mod' | 'created'): void {
  const value = note[key];
  if (!Number.isSafeInteger(value) || value <= 0 || value >= MAX_SECONDS) {
    throw new Error(`deckgen bug: note ${note.guid} has ${key} ${value}; expected whole seconds`);
  }
}

/** Throws on notes only a bug upstream can produce. */
export function assertWritable(notes: readonly PackagedNote[]): void {
  const seen = new Set<string>();
  for (const note of notes) {
    // The importer does not dedupe incoming GUIDs: a duplicate would silently merge two notes.
    if (seen.has(note.guid)) throw new Error(`deckgen bug: duplicate GUID ${JSON.stringify(note.guid)} in package`);
    if (note.guid === '') throw new Error('deckgen bug: note with an empty GUID');
    seen.add(note.guid);
    assertSeconds(note, 'mod');
    assertSeconds(note, 'created');
    if (!Number.isSafeInteger(note.due) || note.due < 0) {
      throw new Error(`deckgen bug: note ${note.guid} has due ${note.due}`);
    }
    if (note.fields.length !== NOTE_FIELDS[note.kind].length) {
      const expected = NOTE_FIELDS[note.kind].length;
      throw new Error(`deckgen bug: note ${note.guid} has ${note.fields.length} fields, expected ${expected}`);
    }
  }
}

/** Notes by new-card position; the sort is stable, so ties keep the package order. */
export function inDueOrder(notes: readonly PackagedNote[]): PackagedNote[] {
  return [...notes].sort((a, b) => a.due - b.due);
}

// Anki strips ASCII control characters other than \n and \t from every field
// and stores fields in NFC (rslib notes/mod.rs), so the package holds exactly
// what Anki would store.
const INVALID_FIELD_CHARS = /[\x00-\x08\x0b-\x1f\x7f]/g;

export function cleanField(field: string): string {
  return field.replace(INVALID_FIELD_CHARS, '').normalize('NFC');
}
