/**
 * Characters that change how text looks without being seen: bidirectional
 * overrides and isolates (`U+202E` shows `abc` as `cba`), directional marks,
 * zero-width spaces and joiners, the word joiner and a stray BOM. In a deck
 * name or a tag they can make one deck look like another in Anki's deck list,
 * so they are removed there (with a warning where the user wrote them).
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The invisible characters in `text`, as `U+202E`, each once. */
export function invisibleCharacters(text: string): string[] {
  const found = text.match(INVISIBLE) ?? [];
  return [...new Set(found)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
