/**
 * A card's HTML as Anki's reviewer receives it, for tests that show cards in a
 * browser: the note type's templates and cloze filter (src/lib/anki, ported
 * from rslib), then media and TTS markers as Anki's source does it,
 * rslib/src/card_rendering/parser.rs (`[sound:…]`, `[anki:tts …]…[/anki:tts]`
 * → `[anki:play:q:N]`) and qt/aqt/sound.py `av_refs_to_play_icons` (the
 * player link with its `onclick`).
 */
import { renderCard } from '../../src/lib/write/anki/template.js';

export interface TemplateModel {
  type: number;
  flds: { name: string }[];
  tmpls: { qfmt: string; afmt: string }[];
}

/** Both sides of card `ord` of a note read back from an .apkg, as Anki's reviewer receives them (before MathJax). */
export function cardSides(model: TemplateModel, noteFields: string[], ord: number): { question: string; answer: string } {
  const notetype = {
    type: model.type === 1 ? (1 as const) : (0 as const),
    fields: model.flds.map((field) => field.name),
    templates: model.tmpls.map((template, index) => ({ name: `Card ${index + 1}`, ...template })),
  };
  const { question, answer } = renderCard(notetype, noteFields, ord);
  return { question: playIcons(avTags(question, 'q')), answer: playIcons(avTags(answer, 'a')) };
}

// --- rslib/src/card_rendering/parser.rs, qt/aqt/sound.py --------------------

const AV_TAG = /\[sound:[^\]]+\]|\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]/g;

function avTags(html: string, side: 'q' | 'a'): string {
  let index = 0;
  return html.replace(AV_TAG, () => `[anki:play:${side}:${index++}]`);
}

function playIcons(html: string): string {
  return html.replace(
    /\[anki:(play:(.):(\d+))\]/g,
    (_all, command: string) => `<a class="replay-button soundLink" href=# onclick="pycmd('${command}'); return false;" draggable="false">▶</a>`,
  );
}
