/**
 * Validate stage: tree rules run on each parsed file, note rules on the notes
 * of the whole build, rendered rules on what the cards will show. One rule per
 * module (rules/), documented by example.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { ExtractedNote, RenderedNote } from '../model.js';
import type { ParsedFile } from '../parse/index.js';
import type { NoteRule, RenderedRule, TreeRule } from './rule.js';
import { duplicateQuestion } from './rules/duplicate-question.js';
import { emptyBullet } from './rules/empty-bullet.js';
import { emptyFile } from './rules/empty-file.js';
import { emptySide } from './rules/empty-side.js';
import { linkOnly } from './rules/link-only.js';
import { listDepth } from './rules/list-depth.js';
import { longFront } from './rules/long-front.js';
import { unclosedFence } from './rules/unclosed-fence.js';

export const TREE_RULES: readonly TreeRule[] = [emptyFile, emptyBullet, linkOnly, unclosedFence, listDepth];
export const NOTE_RULES: readonly NoteRule[] = [longFront, duplicateQuestion];
export const RENDERED_RULES: readonly RenderedRule[] = [emptySide];

export function validateFile(file: ParsedFile): Diagnostic[] {
  return TREE_RULES.flatMap((rule) => rule.check(file));
}

/** Returns the notes that may be written and every problem found. */
export function validateNotes(notes: readonly ExtractedNote[]): { notes: ExtractedNote[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const drop = new Set<ExtractedNote>();
  for (const rule of NOTE_RULES) {
    const result = rule.check(notes.filter((note) => !drop.has(note)));
    diagnostics.push(...result.diagnostics);
    result.drop?.forEach((note) => drop.add(note));
  }
  return { notes: notes.filter((note) => !drop.has(note)), diagnostics };
}

/** Drops rendered notes that must not be written (e.g. a side that rendered empty). */
export function validateRendered(notes: readonly RenderedNote[]): { notes: RenderedNote[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const drop = new Set<RenderedNote>();
  for (const rule of RENDERED_RULES) {
    const result = rule.check(notes.filter((note) => !drop.has(note)));
    diagnostics.push(...result.diagnostics);
    result.drop?.forEach((note) => drop.add(note));
  }
  return { notes: notes.filter((note) => !drop.has(note)), diagnostics };
}
