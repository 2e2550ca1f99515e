/**
 * `long-answer` (warning): an answer longer than one can recall — more than
 * LONG_ANSWER_LINES rendered lines or LONG_ANSWER_COLUMNS columns of
 * text (a wide character such as Hangul is two), code counted by its lines (parse/mdast.ts `answerSize`). The card is
 * still written; split the note (sub-headings, a list, `term : definition`
 * lines) so each card asks one thing.
 *
 *     ## Lambdas                 ← warning here: five code listings and their prose in one answer
 *     ```python … ``` × 5
 */
import { diagnostic } from '../../diagnostic.js';
import { answerSize, isLongAnswer, LONG_ANSWER_COLUMNS, LONG_ANSWER_LINES } from '../../parse/mdast.js';
import type { NoteRule } from '../rule.js';

export const longAnswer: NoteRule = {
  id: 'long-answer',
  severity: 'warning',
  check(notes) {
    const diagnostics = notes
      .filter((note) => note.kind !== 'cloze' && isLongAnswer(note.back))
      .map((note) => {
        const { lines, columns } = answerSize(note.back);
        const message = `Answer to "${note.frontText}" is ${lines} lines, ${columns} columns of text: too long to recall (limit ${LONG_ANSWER_LINES} lines or ${LONG_ANSWER_COLUMNS} columns, a Hangul or other wide character counting two); split it into cards that each ask one thing`;
        return diagnostic(note.source, note.position, 'warning', 'long-answer', message);
      });
    return { diagnostics };
  },
};
