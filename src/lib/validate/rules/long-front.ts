/**
 * `long-front` (warning): a question longer than 200 characters is probably a
 * paragraph that was split by accident, not a question.
 */
import { diagnostic } from '../../diagnostic.js';
import type { NoteRule } from '../rule.js';

export const MAX_FRONT_LENGTH = 200;

export const longFront: NoteRule = {
  id: 'long-front',
  severity: 'warning',
  check(notes) {
    return {
      diagnostics: notes
        .filter((note) => note.kind !== 'cloze' && [...note.frontText].length > MAX_FRONT_LENGTH)
        .map((note) =>
          diagnostic(note.source, note.position, 'warning', 'long-front', `Question is ${[...note.frontText].length} characters long; is it really a question?`),
        ),
    };
  },
};
