/**
 * `empty-side` (warning): a card whose question or answer is empty is not
 * written — Anki would show a blank side. Checked on the rendered fields, so a
 * side that only held an image that could not be bundled counts as empty too.
 *
 *     - 헤더 :                  ← term with no definition
 *     - <img src=x> : 설명       ← the image is missing, nothing is left to ask
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { RenderedNote } from '../../model.js';
import type { RenderedRule } from '../rule.js';

export const emptySide: RenderedRule = {
  id: 'empty-side',
  severity: 'warning',
  check(notes) {
    const diagnostics: Diagnostic[] = [];
    const drop = new Set<RenderedNote>();
    for (const rendered of notes) {
      const [front, back] = rendered.fields;
      // A cloze note's answer ("Back Extra") is optional.
      const side = isBlank(front) ? 'question' : rendered.note.kind !== 'cloze' && isBlank(back) ? 'answer' : null;
      if (!side) continue;
      drop.add(rendered);
      const { note } = rendered;
      diagnostics.push(diagnostic(note.source, note.position, 'warning', 'empty-side', `Card has an empty ${side}; it was not written`));
    }
    return { diagnostics, drop };
  },
};

/** No text and no media: what Anki would show as an empty side. */
function isBlank(html: string): boolean {
  if (/<(img|audio|video)\b/i.test(html)) return false;
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, ' ').trim() === '';
}
