import type { Diagnostic, Severity } from '../diagnostic.js';
import type { ExtractedNote, NoteInfo, RenderedNote } from '../model.js';
import type { ParsedFile } from '../parse/index.js';

/** A check on one file's syntax tree (like a remark-lint rule). */
export interface TreeRule {
  id: string;
  severity: Severity;
  check(file: ParsedFile): Diagnostic[];
}

/**
 * A check on a whole build's notes. `drop` lists notes that must not be
 * written (e.g. a card with an empty side).
 */
export interface Rule<T> {
  id: string;
  severity: Severity;
  check(notes: readonly T[]): { diagnostics: Diagnostic[]; drop?: Set<T> };
}

/** On each extracted note, trees included: runs in the compile unit, one file at a time. */
export type NoteRule = Rule<ExtractedNote>;

/** On the notes of every file at once (duplicates cross files), without their trees. */
export type CrossFileRule = Rule<NoteInfo>;

/** On rendered notes: what the card will really show. */
export type RenderedRule = Rule<RenderedNote>;
