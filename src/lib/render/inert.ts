/**
 * Anki reads a field's raw HTML as text twice more after deckgen is done with
 * it, and each reading can turn the user's words into live markup:
 *
 * - the cloze filter (rslib/src/cloze.rs) finds `{{c1::…}}` anywhere in the
 *   string — in text and inside attribute values alike — and writes
 *   `<span class="cloze" …>`, whose quotes close the attribute it sits in;
 * - the card renderer (rslib/src/card_rendering/parser.rs) turns `[sound:…]`
 *   and `[anki:tts]…[/anki:tts]` into `[anki:play:q:N]`, which the reviewer
 *   (qt/aqt/sound.py `av_refs_to_play_icons`) replaces with an autoplaying
 *   player link carrying an `onclick`.
 *
 * Both parsers match literal characters, so one character reference (`&#123;`,
 * `&#91;`) breaks the match while the browser still shows `{` or `[`. This is
 * done to the user's text and attribute values only: markup deckgen itself
 * emits (its own cloze markers, media such as a `[sound:…]` tag for an audio
 * embed) is raw HTML added after this step and is never touched.
 */
import { randomBytes } from 'node:crypto';

/** `{{` (a cloze opener) and Anki's media/TTS markers, as Anki's parsers spell them (case-sensitive). */
const MARKERS = /\{(?=\{)|\[(?=sound:|\/?anki:)/g;

/** Already HTML-escaped text → text in which Anki finds no cloze opener and no media marker. */
export function neutraliseText(escaped: string): string {
  return escaped.replace(MARKERS, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * An attribute value cannot carry a character reference through the HTML
 * serializer (it would escape the `&`), so the characters become a random
 * per-process token that `restoreAttributeTokens` turns into the reference once
 * the field is a string. A note cannot guess the token.
 */
const TOKEN = `deckgen${randomBytes(6).toString('hex')}x`;
const TOKENS = new RegExp(`${TOKEN}(\\d+)x`, 'g');
/** Also MathJax's delimiters: Anki's cloze filter strips tags between `\(` and `\)` in the raw string (cloze.rs). */
const IN_ATTRIBUTES = /\{(?=\{)|\[(?=sound:|\/?anki:)|\\(?=[()[\]])/g;

export function tokeniseAttribute(value: string): string {
  return value.replace(IN_ATTRIBUTES, (char) => `${TOKEN}${char.charCodeAt(0)}x`);
}

export function restoreAttributeTokens(html: string): string {
  return html.replace(TOKENS, (_all, code: string) => `&#${code};`);
}
