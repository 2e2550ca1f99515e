/**
 * `duplicate-question` (warning): two cards in one deck with the same context
 * and question. Both are kept, but in review they cannot be told apart.
 *
 *     ### ORM
 *     - 장점 : 생산성
 *     - 장점 : 가독성     ← duplicate of line 2
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { CONTEXT_SEPARATOR, type NoteInfo } from '../../model.js';
import type { CrossFileRule } from '../rule.js';

export const duplicateQuestion: CrossFileRule = {
  id: 'duplicate-question',
  severity: 'warning',
  check(notes) {
    const first = new Map<string, NoteInfo>();
    const diagnostics: Diagnostic[] = [];
    for (const note of notes) {
      const key = [note.deck, note.kind, ...note.context, note.frontText].join('\u0000').toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, note);
        continue;
      }
      const where = earlier.source === note.source ? `line ${earlier.position.line}` : `${earlier.source}:${earlier.position.line}`;
      diagnostics.push(
        diagnostic(note.source, note.position, 'warning', 'duplicate-question', `Same question as ${where} in deck "${note.deck}": "${[...note.context, note.frontText].join(CONTEXT_SEPARATOR)}"`),
      );
    }
    return { diagnostics };
  },
};
