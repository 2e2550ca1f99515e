/**
 * The three deckgen note types: what every output shows of a note (the .apkg
 * stores them, the preview renders cards through them).
 *
 * FIXED FOREVER: each note type's `id`, `name`, field names/order and template
 * names/order. Anki matches note types by id only and compares the field and
 * template names to decide whether the schema changed; a change turns every
 * existing note into a "conflicting" one that no longer updates on re-import
 * (../shared/docs/anki-format.md §3.1, §3.7). Template text (qfmt/afmt) and CSS
 * may change, provided the revision below is bumped.
 */
import { createHash } from 'node:crypto';
import { NOTE_FIELDS, type NoteKind } from '../../model.js';
import { CARD_CSS } from './style.js';

export interface NotetypeTemplate {
  name: string;
  /** Question side. */
  qfmt: string;
  /** Answer side. */
  afmt: string;
}

export interface Notetype {
  /** Anki's notetype id, in [1<<30, 1<<31) like genanki's. Never change it. */
  id: number;
  name: string;
  kind: NoteKind;
  /** 0 standard, 1 cloze. */
  type: 0 | 1;
  fields: readonly string[];
  templates: readonly NotetypeTemplate[];
  /** Anki's legacy `req`: per template, the fields its question needs. Anki recomputes it on import. */
  req: ReadonlyArray<readonly [number, 'all' | 'any', readonly number[]]>;
}

// Shown small and muted above the question when the note has a breadcrumb.
const CONTEXT = '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}';

// Shown small below the answer: the notes file and headings, a link into Obsidian for a vault.
const SOURCE = '{{#Source}}\n<div class="source">{{Source}}</div>\n{{/Source}}';

// Each question is wrapped in a section on the field it asks, so a note whose
// asked field is empty renders an empty front: Anki then treats that card as
// empty instead of a card showing only the breadcrumb.
const BASIC_CARD_1: NotetypeTemplate = {
  name: 'Card 1',
  qfmt: `{{#Front}}\n${CONTEXT}\n<div class="front">{{Front}}</div>\n{{/Front}}`,
  afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n<div class="back">{{Back}}</div>\n${SOURCE}`,
};

const REVERSED_CARD_2: NotetypeTemplate = {
  name: 'Card 2',
  qfmt: `{{#Back}}\n${CONTEXT}\n<div class="back">{{Back}}</div>\n{{/Back}}`,
  afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n<div class="front">{{Front}}</div>\n${SOURCE}`,
};

const CLOZE_QUESTION = `${CONTEXT}\n<div class="front">{{cloze:Text}}</div>`;

const CLOZE: NotetypeTemplate = {
  name: 'Cloze',
  qfmt: CLOZE_QUESTION,
  afmt: `${CLOZE_QUESTION}\n{{#Back Extra}}\n<hr id=answer>\n<div class="back">{{Back Extra}}</div>\n{{/Back Extra}}\n${SOURCE}`,
};

/** The note types, by note kind. Ids and names: fixed forever (see the file comment). */
export const NOTETYPES: Readonly<Record<NoteKind, Notetype>> = {
  basic: {
    id: 1_842_357_101,
    name: 'deckgen Basic',
    kind: 'basic',
    type: 0,
    fields: NOTE_FIELDS.basic,
    templates: [BASIC_CARD_1],
    req: [[0, 'all', [0]]],
  },
  reversed: {
    id: 1_842_357_102,
    name: 'deckgen Basic (and reversed)',
    kind: 'reversed',
    type: 0,
    fields: NOTE_FIELDS.reversed,
    templates: [BASIC_CARD_1, REVERSED_CARD_2],
    req: [
      [0, 'all', [0]],
      [1, 'all', [1]],
    ],
  },
  cloze: {
    id: 1_842_357_103,
    name: 'deckgen Cloze',
    kind: 'cloze',
    type: 1,
    fields: NOTE_FIELDS.cloze,
    templates: [CLOZE],
    req: [[0, 'all', [0]]],
  },
};

/**
 * Notetype `mod` (seconds) per template/CSS revision. Anki replaces a note
 * type's templates and CSS on re-import only when the incoming `mod` is newer,
 * so a hash of the templates would not do (it is not monotonic). Whenever
 * `templateFingerprint(kind)` changes, set `mod` to the current time (a day
 * start in UTC is fine, never in the future) and paste the new fingerprint;
 * test/apkg.test.ts fails until both are updated.
 */
export const TEMPLATE_REVISIONS: Readonly<Record<NoteKind, { mod: number; fingerprint: string }>> = {
  basic: { mod: 1_796_130_000, fingerprint: '62130c2e28f8cb16' }, // 2026-12-01 13:00 UTC: the Source field
  reversed: { mod: 1_796_130_000, fingerprint: '2ce24f0e8d413b3a' }, // 2026-12-01 13:00 UTC
  cloze: { mod: 1_796_130_000, fingerprint: '076570e619b2bc93' }, // 2026-12-01 13:00 UTC
};

/** Everything a user sees of a note type, hashed: changes exactly when its revision must be bumped. */
export function templateFingerprint(kind: NoteKind): string {
  const { name, type, fields, templates } = NOTETYPES[kind];
  const text = JSON.stringify({ name, type, fields, templates, css: CARD_CSS });
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** Every deckgen note type sorts and checksums by its first field (Anki's `sortf`). */
export const SORT_FIELD = 0;

export function notetypeName(kind: NoteKind): string {
  return NOTETYPES[kind].name;
}
