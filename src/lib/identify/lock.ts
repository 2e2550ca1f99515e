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
import { isProcessRunning, writeFileAtomic } from '../write/atomic.js';

export const LOCK_VERSION = 2;

/** Longest as-written question kept in the lock (characters), enough to recognise a note in the plan. */
export const QUESTION_EXCERPT = 80;
/** Longest normalized answer kept in the lock, for re-matching (characters). */
export const ANSWER_EXCERPT = 48;
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
  /** Start of the normalized back text (ANSWER_EXCERPT characters), for similarity. */
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
  version: 2;
  notes: LockEntry[];
  removed: RemovedNote[];
}

/** Version 1's `relativePath:line` → its parts; a path may itself hold colons, the line is after the last one. */
function splitSource(source: string): { file: string; line: number } {
  const colon = source.lastIndexOf(':');
  if (colon < 0) return { file: source, line: 0 };
  return { file: source.slice(0, colon), line: Number(source.slice(colon + 1)) || 0 };
}

const RULE = 'lock-invalid';
const KINDS: readonly NoteKind[] = ['basic', 'reversed', 'cloze'];
/** Seconds since 1970 stay below this until the year 5138; millisecond values are far above it. */

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

/** Parses and validates lock file text. A lock with any diagnostic must not be used. */
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
  const lines = source.split('\n');
  const fail = (line: number | null, message: string, field?: string): void => {
    const column = line !== null && field ? lines[line - 1].indexOf(`"${field}":`) + 1 || 1 : 1;
    diagnostics.push(diagnostic(displayPath, line === null ? null : { line, column }, 'error', RULE, message));
  };
  const lock = validateShape(data, source, fail);
  if (lock) checkDuplicateGuids(lock.notes, entryLine(source, 'notes'), fail);
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

/**
 * In the file deckgen writes, entry i sits alone on line i + 2, and removed note j
 * on the line after the notes' closing line. For a file reformatted by hand that
 * mapping is unknown, and places are left out.
 */
function entryLine(text: string, list: 'notes' | 'removed'): (index: number) => number | null {
  const lines = text.split('\n');
  const ours = /^\{"version":[12],"notes":\[$/.test(lines[0] ?? '');
  const start = list === 'notes' ? 1 : lines.findIndex((line) => line.startsWith('],"removed":[')) + 1;
  return (index) => (ours && start > 0 && lines[start + index]?.startsWith('{') ? start + index + 1 : null);
}

type Fail = (line: number | null, message: string, field?: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateShape(data: unknown, source: string, fail: Fail): LockFile | null {
  if (!isRecord(data) || !Array.isArray(data.notes) || typeof data.version !== 'number') {
    fail(1, `the lock file is not a deckgen lock (expected {"version":${LOCK_VERSION},"notes":[…]}); ${ADVICE}`);
    return null;
  }
  if (data.version !== LOCK_VERSION && data.version !== 1) {
    const newer = data.version > LOCK_VERSION ? ' (written by a newer deckgen: upgrade deckgen)' : '';
    fail(1, `unsupported lock file version ${data.version}${newer}; this deckgen reads versions 1 and ${LOCK_VERSION}`);
    return null;
  }
  const v1 = data.version === 1;
  const removedRaw: unknown = v1 ? [] : data.removed ?? [];
  if (!Array.isArray(removedRaw)) {
    fail(1, `"removed" must be a list; ${ADVICE}`);
    return null;
  }
  const lineOf = entryLine(source, 'notes');
  const notes: LockEntry[] = [];
  data.notes.forEach((raw: unknown, index: number) => {
    const entry = validateEntry(raw, v1, (message, field) => fail(lineOf(index), `lock entry ${index + 1}: ${message}`, field));
    if (entry) notes.push(entry);
  });
  const removedLine = entryLine(source, 'removed');
  const removed: RemovedNote[] = [];
  removedRaw.forEach((raw: unknown, index: number) => {
    const note = validateRemoved(raw, (message, field) => fail(removedLine(index), `removed note ${index + 1}: ${message}`, field));
    if (note) removed.push(note);
  });
  if (notes.length !== data.notes.length || removed.length !== removedRaw.length) return null;
  if (v1) giveNoteIds(notes);
  return { version: LOCK_VERSION, notes, removed };
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

function validateEntry(raw: unknown, v1: boolean, fail: (message: string, field?: string) => void): LockEntry | null {
  const problem = entryProblem(raw, v1);
  if (problem !== null) {
    fail(problem.message, problem.field);
    return null;
  }
  const fields = raw as Record<string, unknown>;
  const created = fields.created as number;
  const entry: LockEntry = {
    guid: fields.guid as string,
    kind: (fields.kind as NoteKind | undefined) ?? 'basic',
    deck: fields.deck as string,
    question: fields.question as string,
    answer: v1 ? excerpt(fields.answer as string, ANSWER_EXCERPT) : (fields.answer as string),
    fingerprint: fields.fingerprint as string,
    ords: (fields.ords as number[] | undefined) ?? [0],
    file: v1 ? splitSource(fields.source as string).file : (fields.file as string),
    mod: (fields.mod as number | undefined) ?? created,
    created,
    nid: (fields.nid as number | undefined) ?? created * 1000,
  };
  if (typeof fields.key === 'string') entry.key = v1 ? keyHash(fields.key) : fields.key;
  if (typeof fields.id === 'string') entry.id = fields.id;
  if (typeof fields.cardDeck === 'string') entry.cardDeck = fields.cardDeck;
  return entry;
}

function validateRemoved(raw: unknown, fail: (message: string, field?: string) => void): RemovedNote | null {
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
    question: fields.question as string,
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
function entryProblem(raw: unknown, v1: boolean): Problem {
  if (!isRecord(raw)) return { message: 'not an object' };
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
  return v1 ? null : noteIdProblem(raw, true);
}

function removedProblem(raw: unknown): Problem {
  if (!isRecord(raw)) return { message: 'not an object' };
  return stringProblems(raw, ['guid', 'deck', 'question'], ['cardDeck']) ?? noteIdProblem(raw, false) ?? secondsProblem(raw, 'removed');
}

function checkDuplicateGuids(notes: readonly LockEntry[], lineOf: (index: number) => number | null, fail: Fail): void {
  const first = new Map<string, number>();
  notes.forEach((entry, index) => {
    const earlier = first.get(entry.guid);
    if (earlier === undefined) return void first.set(entry.guid, index);
    const where = lineOf(earlier);
    fail(lineOf(index), `GUID ${entry.guid} is used twice (also by lock entry ${earlier + 1}${where ? ` on line ${where}` : ''}); two notes would overwrite each other in Anki. Remove one of the entries.`);
  });
}

/**
 * Fixed key order, so the same lock always serializes to the same bytes. What
 * the reader can infer is left out: `kind` basic, `ords` [0], `mod` equal to
 * `created`, `nid` equal to `created` in milliseconds.
 */
function orderedEntry(entry: LockEntry): Record<string, unknown> {
  return {
    guid: entry.guid,
    file: entry.file,
    ...(entry.kind === 'basic' ? {} : { kind: entry.kind }),
    deck: entry.deck,
    ...(entry.cardDeck === undefined ? {} : { cardDeck: entry.cardDeck }),
    question: entry.question,
    answer: entry.answer,
    ...(entry.id === undefined ? {} : { id: entry.id }),
    ...(entry.key === undefined ? {} : { key: entry.key }),
    ...(entry.ords.length === 1 && entry.ords[0] === 0 ? {} : { ords: entry.ords }),
    fingerprint: entry.fingerprint,
    ...(entry.mod === entry.created ? {} : { mod: entry.mod }),
    created: entry.created,
    ...(entry.nid === entry.created * 1000 ? {} : { nid: entry.nid }),
  };
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

/** Valid JSON with one note per line, in the lock's order, then the removed notes, ending in a newline. */
export function serializeLock(lock: Pick<LockFile, 'notes'> & Partial<LockFile>): string {
  const list = (items: Record<string, unknown>[]) => (items.length === 0 ? '' : `\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n`);
  const notes = list(lock.notes.map(orderedEntry));
  const removed = list((lock.removed ?? []).map(orderedRemoved));
  return `{"version":${LOCK_VERSION},"notes":[${notes}],"removed":[${removed}]}\n`;
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
