/**
 * Anki's text-import format (../shared/docs/anki-format.md §5): a fallback for
 * updating notes that an .apkg from deckgen already created. Same GUIDs and
 * fields as the .apkg, so either file updates the same notes.
 */
import { stringify, type Options } from 'csv-stringify/sync';
import { NOTE_FIELDS, type DeckPackage, type PackagedNote } from '../../model.js';
import { assertWritable, cleanField, inDueOrder } from '../anki/notes.js';
import { notetypeName } from '../anki/notetype.js';

export interface CsvColumn {
  /** 1-based, as in Anki's `#… column:N` headers. */
  column: number;
  name: string;
  description: string;
}

/** The columns of deckgen's CSV, for the README and `--help`. */
export const csvColumns: readonly CsvColumn[] = [
  { column: 1, name: 'guid', description: 'Note GUID, identical to the .apkg; Anki updates the note with this GUID.' },
  {
    column: 2,
    name: 'notetype',
    description:
      'Note type name (deckgen Basic, deckgen Basic (and reversed), deckgen Cloze); ' +
      'it must already exist, so import the .apkg once first.',
  },
  { column: 3, name: 'deck', description: 'Deck name, hierarchy joined by `::`; new cards go here.' },
  {
    column: 4,
    name: `${NOTE_FIELDS.basic[0]} / ${NOTE_FIELDS.cloze[0]}`,
    description: 'Question (cloze: the text with {{cN::…}}), HTML.',
  },
  {
    column: 5,
    name: `${NOTE_FIELDS.basic[1]} / ${NOTE_FIELDS.cloze[1]}`,
    description: 'Answer (cloze: extra text shown on the back), HTML.',
  },
  { column: 6, name: NOTE_FIELDS.basic[2], description: 'Breadcrumb shown above the question, HTML.' },
  { column: 7, name: 'tags', description: 'Space-separated tags, hierarchy joined by `::`.' },
  {
    column: 8,
    name: NOTE_FIELDS.basic[3],
    // Last, so the older columns keep their numbers: Anki gives the fields the non-header columns in order.
    description: 'Notes file and headings, shown small on the back (in a vault, a link into Obsidian), HTML.',
  },
];

const GUID_COLUMN = 1;
const NOTETYPE_COLUMN = 2;
const DECK_COLUMN = 3;
const TAGS_COLUMN = 7;

// `#separator` first: later headers are parsed with it. Without `#html:true`
// Anki would escape the rendered HTML. Without `#if matches:` the import
// dialog's "Existing notes" choice is whatever the user picked last time, for
// any CSV (rslib import_export/text/import.rs `update_config`); "keep current"
// would silently stop every update. Anki compares the value exactly, with no
// space after the colon (text/csv/metadata.rs `DupeResolution::from_text`).
const HEADER = [
  '#separator:tab',
  '#html:true',
  `#notetype column:${NOTETYPE_COLUMN}`,
  `#deck column:${DECK_COLUMN}`,
  `#tags column:${TAGS_COLUMN}`,
  `#guid column:${GUID_COLUMN}`,
  '#if matches:update current',
].join('\n');

const PRE_BLOCK = /(<pre\b[^>]*>[\s\S]*?<\/pre>)/i;

/**
 * Field HTML with no raw newline, rendering the same: inside <pre> a newline
 * is a line break, so it becomes `<br>`; elsewhere it is plain whitespace
 * between tags or words, so it becomes a space (a `<br>` there would add blank
 * lines between paragraphs and list items). Control characters are dropped as
 * in the .apkg.
 */
export function csvField(html: string): string {
  return cleanField(html)
    .split(PRE_BLOCK)
    .map((part, i) => part.replaceAll('\n', i % 2 === 1 ? '<br>' : ' '))
    .join('');
}

function csvRecord(note: PackagedNote): string[] {
  const [asked, answer, context, source] = note.fields.map(csvField);
  return [note.guid, notetypeName(note.kind), note.deck, asked, answer, context, note.tags.join(' '), source];
}

// Anki's text import reads these options' output: tab-separated, `\n` line ends.
const CSV_OPTIONS: Options = {
  delimiter: '\t',
  record_delimiter: 'unix',
  bom: false,
  // Anki drops any record line starting with `#` as a comment.
  quoted_match: /^#/,
  cast: {
    // base91 GUIDs contain `#;,|:`; quoting keeps every reader from splitting or skipping them.
    string: (value, context) => (context.column === GUID_COLUMN - 1 ? { value, quoted: true } : value),
  },
};

/**
 * Notes stringified at a time: the records of 100k notes at once were one more copy of every field. Each record
 * ends with its line end, so the batches join into the text one call would give.
 */
const BATCH = 1000;

/** The CSV text for a package: tab-separated, UTF-8 without BOM, `\n` line ends. */
export function buildCsv(pkg: DeckPackage): string {
  assertWritable(pkg.notes);
  // Anki gives new notes positions in row order, so rows follow the .apkg's `due`.
  const notes = inDueOrder(pkg.notes);
  const parts = [`${HEADER}\n`];
  for (let start = 0; start < notes.length; start += BATCH) {
    parts.push(stringify(notes.slice(start, start + BATCH).map(csvRecord), CSV_OPTIONS));
  }
  return parts.join('');
}
