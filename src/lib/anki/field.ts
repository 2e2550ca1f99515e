/** How Anki stores a note's field: what every output shows of it. */

// Anki strips ASCII control characters other than \n and \t from every field
// and stores fields in NFC (rslib notes/mod.rs), so the package holds exactly
// what Anki would store.
const INVALID_FIELD_CHARS = /[\x00-\x08\x0b-\x1f\x7f]/g;

export function cleanField(field: string): string {
  return field.replace(INVALID_FIELD_CHARS, '').normalize('NFC');
}
