/**
 * Validate stage: tree rules run on each parsed file, note rules on the notes
 * of the whole build, rendered rules on what the cards will show. One rule per
 * module (rules/), documented by example.
 */
import type { Diagnostic } from '../diagnostic.js';
import { append } from '../array.js';
import type { ExtractedNote, NoteInfo, RenderedNote } from '../model.js';
import type { ParsedFile } from '../parse/index.js';
import type { CrossFileRule, NoteRule, RenderedRule, Rule, TreeRule } from './rule.js';
import { clozeNumber } from './rules/cloze-number.js';
import { duplicateQuestion } from './rules/duplicate-question.js';
import { emptyBullet } from './rules/empty-bullet.js';
import { emptyFile } from './rules/empty-file.js';
import { emptySide } from './rules/empty-side.js';
import { invisibleCharactersRule } from './rules/invisible-characters.js';
import { linkOnly } from './rules/link-only.js';
import { listDepth } from './rules/list-depth.js';
import { longAnswer } from './rules/long-answer.js';
import { longFront } from './rules/long-front.js';
import { unclosedFence } from './rules/unclosed-fence.js';

export const TREE_RULES: readonly TreeRule[] = [emptyFile, emptyBullet, linkOnly, unclosedFence, listDepth, invisibleCharactersRule];
/** Each note on its own (the compile unit runs these, while the notes still have their trees). */
export const NOTE_RULES: readonly NoteRule[] = [clozeNumber, longFront, longAnswer];
/** The notes of every file at once, after NOTE_RULES. */
export const CROSS_FILE_RULES: readonly CrossFileRule[] = [duplicateQuestion];
export const RENDERED_RULES: readonly RenderedRule[] = [emptySide];

export function validateFile(file: ParsedFile): Diagnostic[] {
  return TREE_RULES.flatMap((rule) => rule.check(file));
}

/** Returns the notes that may be written and every problem found: NOTE_RULES, then CROSS_FILE_RULES. */
export function validateNotes(notes: readonly ExtractedNote[]): Validated<ExtractedNote> {
  const each = validateEachNote(notes);
  const across = validateAcrossFiles(each.notes);
  return { notes: across.notes, diagnostics: [...each.diagnostics, ...across.diagnostics] };
}

/** NOTE_RULES on one file's notes. */
export function validateEachNote(notes: readonly ExtractedNote[]): Validated<ExtractedNote> {
  return applyRules(NOTE_RULES, notes);
}

/** CROSS_FILE_RULES on every file's notes, in path order. */
export function validateAcrossFiles<T extends NoteInfo>(notes: readonly T[]): Validated<T> {
  return applyRules(CROSS_FILE_RULES, notes);
}

/** Drops rendered notes that must not be written (e.g. a side that rendered empty). */
export function validateRendered(notes: readonly RenderedNote[]): Validated<RenderedNote> {
  return applyRules(RENDERED_RULES, notes);
}

interface Validated<T> {
  notes: T[];
  diagnostics: Diagnostic[];
}

/** Each rule sees only the notes earlier rules kept. */
function applyRules<T extends U, U>(rules: readonly Rule<U>[], notes: readonly T[]): Validated<T> {
  const diagnostics: Diagnostic[] = [];
  const drop = new Set<U>();
  for (const rule of rules) {
    const result = rule.check(notes.filter((note) => !drop.has(note)));
    append(diagnostics, result.diagnostics);
    result.drop?.forEach((note) => drop.add(note));
  }
  return { notes: notes.filter((note) => !drop.has(note)), diagnostics };
}
