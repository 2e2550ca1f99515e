import type { Diagnostic, Severity } from '../diagnostic.js';
import type { ExtractedNote, RenderedNote } from '../model.js';
import type { ParsedFile } from '../parse/index.js';

/** A check on one file's syntax tree (like a remark-lint rule). */
export interface TreeRule {
  id: string;
  severity: Severity;
  check(file: ParsedFile): Diagnostic[];
}

/**
 * A check on the extracted notes of a whole build (duplicates cross files).
 * `drop` lists notes that must not be written (e.g. a card with an empty side).
 */
export interface NoteRule {
  id: string;
  severity: Severity;
  check(notes: readonly ExtractedNote[]): { diagnostics: Diagnostic[]; drop?: Set<ExtractedNote> };
}

/** A check on rendered notes: what the card will really show. */
export interface RenderedRule {
  id: string;
  severity: Severity;
  check(notes: readonly RenderedNote[]): { diagnostics: Diagnostic[]; drop?: Set<RenderedNote> };
}
