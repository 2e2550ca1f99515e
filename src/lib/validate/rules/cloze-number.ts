/**
 * `cloze-number-too-large` (error): Anki makes cards for cloze numbers 1–500
 * only (it clamps card ords to 499, rslib notetype/cardgen.rs), so
 * `{{c501::x}}` can never be a card of its own. The note is left out.
 *
 *     - {{c501::Bern}} is a city      ← no card: use c1–c500
 */
import { visit } from 'unist-util-visit';
import { diagnostic } from '../../diagnostic.js';
import type { Cloze, ExtractedNote } from '../../model.js';
import type { NoteRule } from '../rule.js';

export const MAX_CLOZE_NUMBER = 500;

function largest(note: ExtractedNote): number {
  let max = 0;
  for (const node of [...note.front, ...note.back]) {
    visit(node, 'cloze', (cloze: Cloze) => {
      max = Math.max(max, cloze.number);
    });
  }
  return max;
}

export const clozeNumber: NoteRule = {
  id: 'cloze-number-too-large',
  severity: 'error',
  check(notes) {
    const drop = new Set<ExtractedNote>();
    const diagnostics = [];
    for (const note of notes) {
      if (note.kind !== 'cloze') continue;
      const number = largest(note);
      if (number <= MAX_CLOZE_NUMBER) continue;
      drop.add(note);
      diagnostics.push(
        diagnostic(note.source, note.position, 'error', 'cloze-number-too-large', `Cloze number c${number} is above c${MAX_CLOZE_NUMBER}, the largest Anki makes a card for; the note was left out`),
      );
    }
    return { diagnostics, drop };
  },
};
