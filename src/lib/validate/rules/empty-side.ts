/**
 * `empty-side` (warning): a card whose question or answer is empty is not
 * written — Anki would show a blank side.
 *
 *     - 헤더 :          ← term with no definition
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { ExtractedNote } from '../../model.js';
import type { NoteRule } from '../rule.js';

export const emptySide: NoteRule = {
  id: 'empty-side',
  severity: 'warning',
  check(notes) {
    const diagnostics: Diagnostic[] = [];
    const drop = new Set<ExtractedNote>();
    for (const note of notes) {
      // A cloze note's answer ("Back Extra") is optional.
      const side = !hasContent(note.front) ? 'question' : note.kind !== 'cloze' && !hasContent(note.back) ? 'answer' : null;
      if (!side) continue;
      drop.add(note);
      diagnostics.push(diagnostic(note.source, note.position, 'warning', 'empty-side', `Card has an empty ${side}; it was not written`));
    }
    return { diagnostics, drop };
  },
};

function hasContent(nodes: ExtractedNote['front']): boolean {
  // Images and math have no text but are real content.
  return nodes.some((node) => (node.type === 'text' ? node.value.trim() !== '' : true));
}
