/**
 * The `notes` row: how a PackagedNote's fields and tags are stored
 * (../shared/docs/anki-format.md §2.6).
 */
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { PackagedNote } from '../../model.js';
import { cleanField } from '../anki/notes.js';
import { NOTETYPES, SORT_FIELD } from '../anki/notetype.js';

export interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

// Anki's HTML_MEDIA_TAGS and HTML patterns (rslib/src/text.rs), so sfld and
// csum equal what Anki computes itself.
const MEDIA_TAG = new RegExp(
  '<\\b(?:img|audio|video|object|source)\\b[^>]+\\b(?:src|data)\\b=' +
    // a double-quoted, single-quoted or bare file name
    `(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`,
  'gis',
);
const HTML = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;

/** Anki's `strip_html_preserving_media_filenames`: the text Anki sorts and checksums a field by. */
export function stripHtmlPreservingMedia(html: string): string {
  const withNames = html.replace(MEDIA_TAG, (_match, dq?: string, sq?: string, bare?: string) => {
    return ` ${dq ?? sq ?? bare} `;
  });
  const stripped = withNames.replace(HTML, '');
  // Anki decodes entities (and maps NBSP to a space) only when an `&` is present.
  return stripped.includes('&') ? decodeHTML(stripped).replaceAll('\u00a0', ' ') : stripped;
}

/** Anki's `field_checksum`: the first 4 bytes of SHA-1, big-endian. */
export function fieldChecksum(strippedText: string): number {
  return parseInt(createHash('sha1').update(strippedText, 'utf8').digest('hex').slice(0, 8), 16);
}

/** `" a b "`, or `""` without tags (Anki's `join_tags`). */
export function joinTags(tags: readonly string[]): string {
  for (const tag of tags) {
    if (tag === '' || /\s/u.test(tag)) {
      throw new Error(`deckgen bug: tag ${JSON.stringify(tag)} is empty or has whitespace`);
    }
  }
  const unique = [...new Set(tags)];
  return unique.length === 0 ? '' : ` ${unique.join(' ')} `;
}

/** The note's row. Field count and the other invariants are checked by package.ts before this runs. */
export function noteRow(note: PackagedNote, id: number): NoteRow {
  const notetype = NOTETYPES[note.kind];
  const fields = note.fields.map(cleanField);
  // Anki checksums the first field whatever the sort field is; for deckgen they coincide.
  const sortText = stripHtmlPreservingMedia(fields[SORT_FIELD]);
  return {
    id,
    guid: note.guid,
    mid: notetype.id,
    mod: note.mod,
    tags: joinTags(note.tags),
    flds: fields.join('\x1f'),
    sfld: sortText,
    csum: fieldChecksum(SORT_FIELD === 0 ? sortText : stripHtmlPreservingMedia(fields[0])),
  };
}
