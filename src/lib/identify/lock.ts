/**
 * The lock file: deckgen's memory of which GUID each note got, so a note keeps
 * its Anki review history when its text, heading, file or deck changes.
 * It is meant to be committed next to the notes; one note per line keeps
 * git diffs and merges readable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { MAX_SECONDS, type NoteKind } from '../model.js';
import { decodeUtf8, placeOfByte } from '../utf8.js';
import { IdAllocator } from '../ids.js';
import { BASE91 } from './guid.js';
import { QUESTION_SEPARATOR, signature } from './normalize.js';
import { isProcessRunning, writeFileAtomic } from '../write/atomic.js';

export const LOCK_VERSION = 3;

/** Longest as-written question kept in the lock (characters): the front and its nearest headings, enough to recognise a note in the plan. */
export const QUESTION_EXCERPT = 32;
/** A removed note is listed by every build for this long, or until `deckgen removed --clear`. */
export const REMOVED_DAYS = 30;

export interface LockEntry {
  guid: string;
  /**
   * Hash of the identity key (`id:<explicit id>` or kind, deck and normalized question), only when the GUID
   * is not the one derived from that key (the note was kept by similarity, or its question repeats): a
   * derived GUID already says which key it belongs to.
   */
  key?: string;
  kind: NoteKind;
  deck: string;
  /**
   * The deck the note's cards were created in, when it is not `deck`: Anki
   * never moves existing cards on import, so after a deck change they stay
   * there, and that is where the user finds them.
   */
  cardDeck?: string;
  /** `context › front` as written (inline markup removed), at most QUESTION_EXCERPT characters: for similarity and the plan. */
  question: string;
  /** signature() of the normalized back text (8 characters, `''` for none), for similarity. */
  answer: string;
  /** Hash of the rendered fields, tags and ords: decides whether `mod` moves. */
  fingerprint: string;
  /** Card ords of the last build, to spot cloze renumbering. */
  ords: number[];
  /** Notes-folder-relative path of the note's file (no line: an inserted bullet must not touch other entries). */
  file: string;
  /** Seconds: last content change, sent to Anki as the note's `mod`. */
  mod: number;
  /** Seconds: first build that saw the note. */
  created: number;
  /** Anki note id the package gives the note; fixed once given, so `nid:` finds it in Anki later. */
  nid: number;
  /** The explicit id written in the markdown, if any. */
  id?: string;
}

/** A note no longer in the notes, still in Anki: listed by every build until cleared or REMOVED_DAYS old. */
export interface RemovedNote {
  guid: string;
  nid: number;
  kind: NoteKind;
  deck: string;
  cardDeck?: string;
  question: string;
  /** Seconds: the build that no longer found it. */
  removed: number;
}

export interface LockFile {
  version: 3;
  notes: LockEntry[];
  removed: RemovedNote[];
}

/** Version 1's `relativePath:line` → its file; a path may itself hold colons, the line is after the last one. */
function fileOfSource(source: string): string {
  const colon = source.lastIndexOf(':');
  return colon < 0 ? source : source.slice(0, colon);
}

const RULE = 'lock-invalid';
const KINDS: readonly NoteKind[] = ['basic', 'reversed', 'cloze'];

/** Missing file → `lock: null` and no diagnostic (first build). Any other problem is an error. */
export function readLock(path: string, displayPath: string): { lock: LockFile | null; diagnostics: Diagnostic[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lock: null, diagnostics: [] };
    const reason = error instanceof Error ? error.message : String(error);
    return { lock: null, diagnostics: [diagnostic(displayPath, null, 'error', RULE, `cannot read the lock file: ${reason}`)] };
  }
  // Strict: a replacement character in a GUID would ship a GUID Anki has never seen, and orphan the note's history.
  const decoded = decodeUtf8(bytes);
  if ('offset' in decoded) {
    const place = placeOfByte(bytes, decoded.offset);
    return { lock: null, diagnostics: [diagnostic(displayPath, place, 'error', RULE, `the lock file is not UTF-8 (a corrupt byte); ${ADVICE}`)] };
  }
  return parseLock(decoded.text, displayPath);
}

/** Parses and validates lock file text (versions 1 to 3). A lock with any diagnostic must not be used. */
export function parseLock(text: string, displayPath: string): { lock: LockFile | null; diagnostics: Diagnostic[] } {
  const source = text.replace(/^\uFEFF/, '');
  const conflicts = conflictDiagnostics(source, displayPath);
  if (conflicts.length > 0) return { lock: null, diagnostics: conflicts };

  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { lock: null, diagnostics: [diagnostic(displayPath, jsonErrorPlace(source, message), 'error', RULE, `the lock file is not valid JSON (${message}); ${ADVICE}`)] };
  }

  const diagnostics: Diagnostic[] = [];
  const fail: Fail = (place, message) => {
    diagnostics.push(diagnostic(displayPath, place, 'error', RULE, message));
  };
  const lock = validateShape(data, new Places(source), fail);
  return diagnostics.length > 0 ? { lock: null, diagnostics } : { lock, diagnostics };
}

const ADVICE = 'fix it, restore it from git, or delete it to re-identify every note (review history of edited notes may be lost, see docs/identity.md)';

/** Git leaves `<<<<<<<` … `=======` … `>>>>>>>` (and `|||||||` for diff3) in a conflicted file. */
function conflictDiagnostics(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = text.split('\n');
  let open: number | null = null;
  lines.forEach((line, index) => {
    const marker = /^(<{7}|={7}|>{7}|\|{7})(?:\s|$)/.exec(line)?.[1];
    if (!marker) return;
    const lineNo = index + 1;
    if (marker.startsWith('<')) open = lineNo;
    else if (marker.startsWith('>') || open === null) {
      const span = open === null ? `line ${lineNo}` : `lines ${open}–${lineNo}`;
      out.push(
        diagnostic(file, { line: open ?? lineNo, column: 1 }, 'error', RULE,
          `the lock file has git merge-conflict markers (${span}); keep one side (e.g. \`git checkout --theirs <file>\`) and build again: ` +
            'notes from the other side are re-identified with the same GUIDs unless they were re-matched there'),
      );
      if (marker.startsWith('>')) open = null;
    }
  });
  if (open !== null) out.push(diagnostic(file, { line: open, column: 1 }, 'error', RULE, `the lock file has an unterminated git merge-conflict marker (line ${open})`));
  return out;
}

/** Node reports `at position N` (and newer versions `line L column C`); turn it into a place. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  const before = text.slice(0, Number(position[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

type Place = { line: number; column: number } | null;
type Fail = (place: Place, message: string) => void;

/**
 * Where each note, file group and removed note sits in a lock deckgen wrote: each alone on its line (v1/v2
 * notes: `{"guid"…`; v3 notes: `[…`, file groups: `{"file"…`), removed notes after the `],"removed":[`
 * line. For a file reformatted by hand that mapping is unknown, and places are left out.
 */
class Places {
  private readonly lines: string[];
  private readonly notes: number[] = [];
  private readonly groups: number[] = [];
  private readonly removed: number[] = [];

  constructor(text: string) {
    this.lines = text.split('\n');
    if (!/^\{"version":[123],"(?:notes|files)":\[$/.test(this.lines[0] ?? '')) return;
    let inRemoved = false;
    this.lines.forEach((line, index) => {
      if (index === 0) return;
      if (line.startsWith('],"removed":[')) inRemoved = true;
      else if (inRemoved && line.startsWith('{')) this.removed.push(index + 1);
      else if (line.startsWith('{"file":')) this.groups.push(index + 1);
      else if (line.startsWith('[') || line.startsWith('{"guid":')) this.notes.push(index + 1);
    });
  }

  /** The place of `field` in note `index` (v1/v2: its key; v3: its key in the trailing object, or its item). */
  note(index: number, field?: string, raw?: unknown): Place {
    return this.at(this.notes[index], field, raw);
  }

  group(index: number, field?: string): Place {
    return this.at(this.groups[index], field);
  }

  removedNote(index: number, field?: string): Place {
    return this.at(this.removed[index], field);
  }

  line(place: Place): number | null {
    return place?.line ?? null;
  }

  private at(line: number | undefined, field?: string, raw?: unknown): Place {
    if (line === undefined) return null;
    const text = this.lines[line - 1];
    const item = field === undefined || !Array.isArray(raw) ? -1 : ITEMS.indexOf(field as (typeof ITEMS)[number]);
    if (item >= 0 && Array.isArray(raw)) {
      // deckgen writes the items without spaces: item i starts after the items before it and their commas.
      const column = 2 + raw.slice(0, item).reduce((sum: number, value: unknown) => sum + (JSON.stringify(value) ?? '').length + 1, 0);
      return { line, column };
    }
    return { line, column: field ? text.indexOf(`"${field}":`) + 1 || 1 : 1 };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A version 3 note, in this order; then an object with what is not implied (see orderedExtras). */
const ITEMS = ['guid', 'question', 'answer', 'fingerprint', 'nid'] as const;
const EXTRAS = ['kind', 'deck', 'cardDeck', 'id', 'key', 'ords', 'mod', 'created'];
const SHAPE = '{"version":3,"files":[{"file":…,"deck":…,"created":…,"notes":[[guid, question, answer, fingerprint, note id offset], …]}, …],"removed":[…]}';

function validateShape(data: unknown, places: Places, fail: Fail): LockFile | null {
  if (!isRecord(data) || typeof data.version !== 'number') {
    fail({ line: 1, column: 1 }, `the lock file is not a deckgen lock (expected ${SHAPE}); ${ADVICE}`);
    return null;
  }
  if (data.version !== LOCK_VERSION && data.version !== 1 && data.version !== 2) {
    const newer = data.version > LOCK_VERSION ? ' (written by a newer deckgen: upgrade deckgen)' : '';
    fail({ line: 1, column: 1 }, `unsupported lock file version ${data.version}${newer}; this deckgen reads versions 1 to ${LOCK_VERSION}`);
    return null;
  }
  const list = data.version === LOCK_VERSION ? data.files : data.notes;
  if (!Array.isArray(list)) {
    fail({ line: 1, column: 1 }, `the lock file is not a deckgen lock (expected ${SHAPE}); ${ADVICE}`);
    return null;
  }
  const removedRaw: unknown = data.version === 1 ? [] : data.removed ?? [];
  if (!Array.isArray(removedRaw)) {
    fail({ line: 1, column: 1 }, `"removed" must be a list; ${ADVICE}`);
    return null;
  }
  const notes = data.version === LOCK_VERSION ? filesNotes(list, places, fail) : oldNotes(list, data.version, places, fail);
  const removed: RemovedNote[] = [];
  removedRaw.forEach((raw: unknown, index: number) => {
    const note = validateRemoved(raw, data.version as 2 | 3, (message, field) => fail(places.removedNote(index, field), `removed note ${index + 1}: ${message}`));
    if (note) removed.push(note);
  });
  if (notes === null || removed.length !== removedRaw.length) return null;
  checkDuplicateGuids(notes, places, fail);
  return { version: LOCK_VERSION, notes, removed };
}

/** Versions 1 and 2: one flat list of objects, each naming its file and deck. */
function oldNotes(list: unknown[], version: 1 | 2, places: Places, fail: Fail): LockEntry[] | null {
  const notes: LockEntry[] = [];
  list.forEach((raw: unknown, index: number) => {
    const entry = validateEntry(raw, version, (message, field) => fail(places.note(index, field), `lock entry ${index + 1}: ${message}`));
    if (entry) notes.push(entry);
  });
  if (notes.length !== list.length) return null;
  if (version === 1) giveNoteIds(notes);
  return notes;
}

/** Version 3: file groups; each note a list, its file, deck and (usually) creation time given by its group. */
function filesNotes(files: unknown[], places: Places, fail: Fail): LockEntry[] | null {
  const notes: LockEntry[] = [];
  let count = 0;
  let ok = true;
  files.forEach((group: unknown, groupIndex: number) => {
    const problem = groupProblem(group);
    if (problem) {
      fail(places.group(groupIndex, problem.field), `file ${groupIndex + 1}: ${problem.message}`);
      ok = false;
      return;
    }
    const { file, deck, created, notes: raws } = group as { file: string; deck: string; created: number; notes: unknown[] };
    for (const raw of raws) {
      const index = count++;
      const record = noteRecord(raw, file, deck, created);
      const report = (message: string, field?: string) => fail(places.note(index, field, raw), `lock entry ${index + 1}: ${message}`);
      const entry = 'message' in record ? (report(record.message as string, record.field as string | undefined), null) : validateEntry(record, 3, report);
      if (entry) notes.push(entry);
      else ok = false;
    }
  });
  return ok ? notes : null;
}

function groupProblem(group: unknown): Problem {
  if (!isRecord(group)) return { message: 'not an object {"file":…,"deck":…,"created":…,"notes":[…]}' };
  for (const field of ['file', 'deck']) {
    const value = group[field];
    if (typeof value !== 'string' || value === '') return problem(field, `"${field}" must be a non-empty string`);
    if (CONTROL.test(value)) return problem(field, `"${field}" holds a control character`);
  }
  if (!Array.isArray(group.notes)) return problem('notes', '"notes" must be a list');
  return secondsProblem(group, 'created');
}

/** A version 3 note list as the record version 2 wrote, with its group's file, deck and creation time filled in. */
function noteRecord(raw: unknown, file: string, deck: string, created: number): Record<string, unknown> {
  if (!Array.isArray(raw) || raw.length < ITEMS.length || raw.length > ITEMS.length + 1) {
    return { message: `not a list [${ITEMS.join(', ')}] with an optional {…} of the other fields` };
  }
  const extras: unknown = raw[ITEMS.length] ?? {};
  if (!isRecord(extras)) return { message: `its last item must be an object of ${EXTRAS.join(', ')}` };
  const unknown = Object.keys(extras).find((name) => !EXTRAS.includes(name));
  if (unknown !== undefined) return { message: `unknown field "${unknown}" (known: ${EXTRAS.join(', ')})`, field: unknown };
  const [guid, question, answer, fingerprint, offset] = raw as unknown[];
  const record: Record<string, unknown> = { file, deck, created, ...extras, guid, question, answer, fingerprint };
  const base = record.created;
  // The note id is written as its distance from `created` in milliseconds: usually 0 or a small count.
  record.nid = typeof offset === 'number' && Number.isSafeInteger(offset) && typeof base === 'number' ? base * 1000 + offset : offset;
  return record;
}

/**
 * Version 1 kept no note ids: the package gave them in document order, the
 * creation time's milliseconds, then +1 until free. Entries are in that order,
 * so the same rule gives each note the id its last package gave it.
 */
function giveNoteIds(entries: LockEntry[]): void {
  const ids = new IdAllocator();
  for (const entry of entries) entry.nid = ids.take(entry.created * 1000);
}

/** Short, stable hash of an identity key; a collision would need 2^36 keys in one lock. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

/** Deckgen's excerpts: at most `max` characters (code points), with `…` when cut. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * `heading › front`: the front kept whole with as many of its nearest headings as fit in QUESTION_EXCERPT
 * characters (the outer ones dropped, unmarked: a marker would cost a tenth of the line), the front cut
 * with `…` when it alone is longer.
 */
export function questionExcerpt(context: readonly string[], front: string): string {
  const shown = context.filter((part) => part.trim() !== '');
  for (let drop = 0; drop <= shown.length; drop++) {
    const parts = [...shown.slice(drop), front];
    if (Array.from(parts.join(QUESTION_SEPARATOR)).length <= QUESTION_EXCERPT) return parts.join(QUESTION_SEPARATOR);
  }
  return excerpt(front, QUESTION_EXCERPT);
}

/** An older lock's question (v2's longer excerpt, `…` marking dropped headings; v1's normalized question) cut as a note's is now. */
function recut(question: string): string {
  const parts = question.split(QUESTION_SEPARATOR);
  const front = parts.pop() ?? '';
  return questionExcerpt(parts.filter((part) => part !== '…'), front);
}

/**
 * Versions 1 and 2 wrote the whole-note hash as 16 hex digits; version 3 writes its first 36 bits in
 * base64url (6 characters). Same hash, so a migrated note's `mod` moves only when its content changes.
 */
function shortFingerprint(fingerprint: string): string {
  const [whole, parts] = fingerprint.split(':');
  const short = /^[0-9a-f]{16}$/.test(whole) ? Buffer.from(whole.slice(0, 12), 'hex').toString('base64url').slice(0, 6) : whole;
  return parts === undefined ? short : `${short}:${parts}`;
}

function validateEntry(raw: unknown, version: 1 | 2 | 3, fail: (message: string, field?: string) => void): LockEntry | null {
  const problem = entryProblem(raw, version);
  if (problem !== null) {
    fail(problem.message, problem.field);
    return null;
  }
  const fields = raw as Record<string, unknown>;
  const created = fields.created as number;
  const answer = fields.answer as string;
  const entry: LockEntry = {
    guid: fields.guid as string,
    kind: (fields.kind as NoteKind | undefined) ?? 'basic',
    deck: fields.deck as string,
    question: version === 3 ? (fields.question as string) : recut(fields.question as string),
    // Older locks kept the answer's text (v2 only its first 48 characters): the signature of what they kept.
    answer: version === 3 ? answer : signature(answer),
    fingerprint: version === 3 ? (fields.fingerprint as string) : shortFingerprint(fields.fingerprint as string),
    ords: (fields.ords as number[] | undefined) ?? [0],
    file: version === 1 ? fileOfSource(fields.source as string) : (fields.file as string),
    mod: (fields.mod as number | undefined) ?? created,
    created,
    nid: (fields.nid as number | undefined) ?? created * 1000,
  };
  if (typeof fields.key === 'string') entry.key = version === 1 ? keyHash(fields.key) : fields.key;
  if (typeof fields.id === 'string') entry.id = fields.id;
  if (typeof fields.cardDeck === 'string') entry.cardDeck = fields.cardDeck;
  return entry;
}

function validateRemoved(raw: unknown, version: 2 | 3, fail: (message: string, field?: string) => void): RemovedNote | null {
  const problem = removedProblem(raw);
  if (problem !== null) {
    fail(problem.message, problem.field);
    return null;
  }
  const fields = raw as Record<string, unknown>;
  const note: RemovedNote = {
    guid: fields.guid as string,
    nid: fields.nid as number,
    kind: (fields.kind as NoteKind | undefined) ?? 'basic',
    deck: fields.deck as string,
    question: version === 3 ? (fields.question as string) : recut(fields.question as string),
    removed: fields.removed as number,
  };
  if (typeof fields.cardDeck === 'string') note.cardDeck = fields.cardDeck;
  return note;
}

/** Anki's own GUIDs are base91; deckgen's are 10 characters or fewer. Longer ones are not deckgen's. */
const GUID = new RegExp(`^[${BASE91.replace(/[\\\]^-]/g, '\\$&')}]{1,64}$`);
// Tabs separate the parts of a version-1 `key`; nowhere else does a control character belong (\x1f separates Anki's fields).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

type Problem = { message: string; field?: string } | null;
const problem = (field: string, message: string) => ({ field, message });

function stringProblems(raw: Record<string, unknown>, required: readonly string[], optional: readonly string[]): Problem {
  for (const field of [...required, ...optional]) {
    const value = raw[field];
    if (value === undefined && optional.includes(field)) continue;
    if (typeof value !== 'string') return problem(field, `"${field}" must be a string`);
    if ((field === 'key' ? CONTROL_BUT_TAB : CONTROL).test(value)) return problem(field, `"${field}" holds a control character`);
    if (optional.includes(field) && value === '') return problem(field, `"${field}" must be a non-empty string without control characters`);
  }
  const guid = raw.guid as string;
  if (guid === '') return problem('guid', '"guid" is empty');
  if (!GUID.test(guid)) return problem('guid', `"guid" is not a GUID (Anki's base91 characters, at most 64 of them)`);
  if (raw.kind !== undefined && !KINDS.includes(raw.kind as NoteKind)) return problem('kind', `"kind" must be one of ${KINDS.join(', ')}`);
  return null;
}

function secondsProblem(raw: Record<string, unknown>, field: string, optional = false): Problem {
  const value = raw[field];
  if (optional && value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return problem(field, `"${field}" must be a whole, positive number of seconds`);
  if (value >= MAX_SECONDS) return problem(field, `"${field}" looks like milliseconds; it must be seconds`);
  return null;
}

function noteIdProblem(raw: Record<string, unknown>, optional: boolean): Problem {
  const value = raw.nid;
  if (optional && value === undefined) return null;
  // Anki's ids are milliseconds; a few digits more than seconds, well inside a double's integers.
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return problem('nid', '"nid" must be a whole, positive note id');
  return null;
}

/** What is wrong with one raw entry (and in which field), or null when it is a valid LockEntry. */
function entryProblem(raw: unknown, version: 1 | 2 | 3): Problem {
  if (!isRecord(raw)) return { message: 'not an object' };
  const v1 = version === 1;
  const required = v1 ? ['guid', 'key', 'deck', 'question', 'answer', 'fingerprint', 'source'] : ['guid', 'deck', 'question', 'answer', 'fingerprint', 'file'];
  const text = stringProblems(raw, required, v1 ? ['id', 'cardDeck'] : ['id', 'cardDeck', 'key']);
  if (text) return text;
  if (v1 && raw.kind === undefined) return problem('kind', `"kind" must be one of ${KINDS.join(', ')}`);
  const time = secondsProblem(raw, 'mod', !v1) ?? secondsProblem(raw, 'created');
  if (time) return time;
  const ords = raw.ords;
  if ((v1 || ords !== undefined) && (!Array.isArray(ords) || !ords.every((ord) => Number.isInteger(ord) && ord >= 0 && ord < 500))) {
    return problem('ords', '"ords" must be a list of card numbers');
  }
  return v1 ? null : noteIdProblem(raw, version === 2);
}

function removedProblem(raw: unknown): Problem {
  if (!isRecord(raw)) return { message: 'not an object' };
  return stringProblems(raw, ['guid', 'deck', 'question'], ['cardDeck']) ?? noteIdProblem(raw, false) ?? secondsProblem(raw, 'removed');
}

function checkDuplicateGuids(notes: readonly LockEntry[], places: Places, fail: Fail): void {
  const first = new Map<string, number>();
  notes.forEach((entry, index) => {
    const earlier = first.get(entry.guid);
    if (earlier === undefined) return void first.set(entry.guid, index);
    const where = places.line(places.note(earlier));
    fail(places.note(index), `GUID ${entry.guid} is used twice (also by lock entry ${earlier + 1}${where ? ` on line ${where}` : ''}); two notes would overwrite each other in Anki. Remove one of the entries.`);
  });
}

/**
 * What a note's file group does not already say, in a fixed key order: `kind` unless basic, `deck` unless
 * the group's, `cardDeck`, `id`, `key`, `ords` unless [0], `mod` unless equal to `created`, `created`
 * unless the group's.
 */
function orderedExtras(entry: LockEntry, group: { deck: string; created: number }): Record<string, unknown> {
  return {
    ...(entry.kind === 'basic' ? {} : { kind: entry.kind }),
    ...(entry.deck === group.deck ? {} : { deck: entry.deck }),
    ...(entry.cardDeck === undefined ? {} : { cardDeck: entry.cardDeck }),
    ...(entry.id === undefined ? {} : { id: entry.id }),
    ...(entry.key === undefined ? {} : { key: entry.key }),
    ...(entry.ords.length === 1 && entry.ords[0] === 0 ? {} : { ords: entry.ords }),
    ...(entry.mod === entry.created ? {} : { mod: entry.mod }),
    ...(entry.created === group.created ? {} : { created: entry.created }),
  };
}

function noteLine(entry: LockEntry, group: { deck: string; created: number }): string {
  const items: unknown[] = [entry.guid, entry.question, entry.answer, entry.fingerprint, entry.nid - entry.created * 1000];
  const extras = orderedExtras(entry, group);
  if (Object.keys(extras).length > 0) items.push(extras);
  return JSON.stringify(items);
}

function orderedRemoved(note: RemovedNote): Record<string, unknown> {
  return {
    guid: note.guid,
    nid: note.nid,
    ...(note.kind === 'basic' ? {} : { kind: note.kind }),
    deck: note.deck,
    ...(note.cardDeck === undefined ? {} : { cardDeck: note.cardDeck }),
    question: note.question,
    removed: note.removed,
  };
}

/**
 * One group per run of notes of the same file. Its deck is its first note's; its `created` the oldest of its
 * notes', which a new note (created now) never changes: inserting a note touches no other line.
 */
function fileGroups(notes: readonly LockEntry[]): string[] {
  const out: string[] = [];
  for (let start = 0; start < notes.length; ) {
    let end = start;
    while (end < notes.length && notes[end].file === notes[start].file) end++;
    const members = notes.slice(start, end);
    const group = { file: notes[start].file, deck: notes[start].deck, created: members.reduce((oldest, entry) => Math.min(oldest, entry.created), Number.MAX_SAFE_INTEGER) };
    const header = JSON.stringify(group).slice(0, -1);
    out.push(`${header},"notes":[\n${members.map((entry) => noteLine(entry, group)).join(',\n')}\n]}`);
    start = end;
  }
  return out;
}

/** Valid JSON: one line per file group header and per note, in the lock's order, then the removed notes, ending in a newline. */
export function serializeLock(lock: Pick<LockFile, 'notes'> & Partial<LockFile>): string {
  const list = (items: string[]) => (items.length === 0 ? '' : `\n${items.join(',\n')}\n`);
  const files = list(fileGroups(lock.notes));
  const removed = list((lock.removed ?? []).map((note) => JSON.stringify(orderedRemoved(note))));
  return `{"version":${LOCK_VERSION},"files":[${files}],"removed":[${removed}]}\n`;
}

export function writeLock(path: string, lock: LockFile): void {
  writeFileAtomic(path, serializeLock(lock));
}

// ---------------------------------------------------------------------------
// Build lock: one build at a time per lock file.

export interface BuildLockOptions {
  /** How long to wait for another build to finish (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  retryMs?: number;
  /** A lock from another machine (shared folder) counts as abandoned after this long (default 10 min). */
  staleMs?: number;
  /** Path shown in the diagnostic (default: the sidecar path). */
  displayPath?: string;
}

/**
 * Another build held the lock for the whole timeout. The one exception a user
 * can cause here: the caller catches it and reports `diagnostic` (exit 2), which
 * keeps withBuildLock's result the plain value of `fn`.
 */
export class BuildLockBusyError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'BuildLockBusyError';
  }
}

interface Owner {
  pid: number;
  host: string;
  token: string;
  started: number;
}

/** The sidecar next to the lock file that marks a build in progress. */
export function buildLockPath(lockPath: string): string {
  return `${lockPath}.lock`;
}

/**
 * Runs `fn` while holding an exclusive sidecar file (created with O_EXCL, so
 * only one process can create it). Another build waits up to `timeoutMs`;
 * a sidecar left by a process that no longer runs is taken over. Read the
 * lock file inside `fn`, so a build that waited sees the previous build's lock.
 * Rejects with BuildLockBusyError when the wait times out.
 */
export async function withBuildLock<T>(lockPath: string, fn: () => Promise<T>, options: BuildLockOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, retryMs = 100, staleMs = 600_000 } = options;
  const sidecar = buildLockPath(lockPath);
  const owner: Owner = { pid: process.pid, host: hostname(), token: randomUUID(), started: Date.now() };
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(sidecar), { recursive: true });
  while (!tryCreate(sidecar, owner)) {
    if (removeIfStale(sidecar, staleMs)) continue;
    if (Date.now() >= deadline) throw new BuildLockBusyError(busy(sidecar, options.displayPath ?? sidecar));
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  try {
    return await fn();
  } finally {
    if (readOwner(sidecar)?.token === owner.token) rmSync(sidecar, { force: true });
  }
}

function tryCreate(sidecar: string, owner: Owner): boolean {
  try {
    writeFileSync(sidecar, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(path: string): Owner | null {
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isRecord(data) && typeof data.pid === 'number' && typeof data.token === 'string' && typeof data.host === 'string' && typeof data.started === 'number') {
      return data as unknown as Owner;
    }
  } catch {
    // missing, or caught between creation and write: the caller decides by age
  }
  return null;
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
function ageMs(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function isStale(owner: Owner | null, path: string, staleMs: number): boolean {
  if (owner === null) {
    // Unreadable for more than a few seconds: its writer died between create and write.
    const age = ageMs(path);
    return age !== null && age > 5_000;
  }
  if (owner.host === hostname()) return !isProcessRunning(owner.pid);
  return Date.now() - owner.started > staleMs;
}

/**
 * Removes an abandoned sidecar. It is first renamed aside and checked again, so
 * two waiters that both saw the same stale file cannot delete a fresh one.
 * Returns true when the caller should retry at once.
 */
function removeIfStale(sidecar: string, staleMs: number): boolean {
  const owner = readOwner(sidecar);
  if (!isStale(owner, sidecar, staleMs)) return false;
  const aside = `${sidecar}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(sidecar, aside);
  } catch {
    return true; // someone else removed it first
  }
  const moved = readOwner(aside);
  if (moved !== null && moved.token !== owner?.token) {
    // A new owner took it between our read and the rename: give it back.
    try {
      linkSync(aside, sidecar);
    } catch {
      // a third process holds it now; the displaced owner still runs, rare and harmless for the lock file (atomic writes)
    }
  }
  rmSync(aside, { force: true });
  return true;
}

function busy(sidecar: string, displayPath: string): Diagnostic {
  const owner = readOwner(sidecar);
  const who = owner ? ` (process ${owner.pid} on ${owner.host}, started ${new Date(owner.started).toISOString()})` : '';
  return diagnostic(displayPath, null, 'error', 'lock-busy',
    `another deckgen build is running${who}; wait for it to finish. If no build is running, delete ${sidecar}`);
}
