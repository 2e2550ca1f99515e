/**
 * The identify stage: decides each note's GUID, `mod` and `created` from the
 * lock file of the last build, and reports what the next Anki import will do.
 * Pure: reading and writing the lock file is the caller's job (lock.ts).
 * The rules are written down for users in docs/identity.md.
 */
import { createHash } from 'node:crypto';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { NOTE_FIELDS, type NoteInfo, type PackagedNote, type RenderedNote } from '../model.js';

/** identify reads no markdown tree: a note compiled (model.ts CompiledNote) or just rendered will do. */
type Note = RenderedNote<NoteInfo>;
import { guidFor } from './guid.js';
import { IdAllocator } from '../ids.js';
import { keyHash, LOCK_VERSION, questionExcerpt, REMOVED_DAYS, type LockEntry, type LockFile, type RemovedNote } from './lock.js';
import { identityKey, identityQuestion, matchNotes, sameQuestion, type Match, type MatchResult, type NoteIdentity } from './match.js';
import { normalizeDeck, normalizeText, QUESTION_SEPARATOR, signature } from './normalize.js';
import { emptyPlan, type ChangePlan } from './plan.js';

export { guidFor } from './guid.js';
export { BuildLockBusyError, buildLockPath, parseLock, readLock, serializeLock, withBuildLock, writeLock, LOCK_VERSION, REMOVED_DAYS } from './lock.js';
export type { BuildLockOptions, LockEntry, LockFile, RemovedNote } from './lock.js';
export { MATCH_THRESHOLD, NEAR_MISS_THRESHOLD, PAIR_BUDGET } from './match.js';
export { exactFieldSearch, formatPlan, keptSentence, removedSearch, removedSearchLines } from './plan.js';
export type { ChangePlan, FormatPlanOptions, PlanNote, Verbosity } from './plan.js';

/** Namespace of every GUID deckgen derives; never change it. */
const NAMESPACE = 'deckgen';

/**
 * Hash of what Anki stores for the note (fields, tags, cards): when it changes, `mod` must move. 36 bits
 * (6 base64url characters): only a note's content before and after one edit are ever compared, so a missed
 * update takes a 1 in 7·10^10 collision. Then, after a `:`, two characters per field and one pair for the
 * tags, so the plan can say what changed.
 */
export function fingerprintOf(fields: readonly string[], tags: readonly string[], ords: readonly number[]): string {
  const whole = createHash('sha256').update(JSON.stringify([fields, tags, ords])).digest().subarray(0, 6).toString('base64url').slice(0, 6);
  const part = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 2);
  return `${whole}:${[...fields, tags].map(part).join('')}`;
}

/** What changed between two fingerprints: field indexes and `tags`, or null when the old one predates the parts. */
export function changedParts(before: string, after: string, fieldCount: number): { fields: number[]; tags: boolean } | null {
  const [, a] = before.split(':');
  const [, b] = after.split(':');
  if (a === undefined || b === undefined || a.length !== b.length) return null;
  const differs = (i: number) => a.slice(2 * i, 2 * i + 2) !== b.slice(2 * i, 2 * i + 2);
  return { fields: [...Array(fieldCount).keys()].filter(differs), tags: differs(fieldCount) };
}

/** Fingerprints compare on the hash of everything; the parts only explain a change. */
function sameContent(before: string, after: string): boolean {
  return before.split(':')[0] === after.split(':')[0];
}

/**
 * A note with its identity described (describeNote: the half of identify that looks at one note): the compile
 * unit describes each file's notes, so that work is cached and done in the worker threads.
 */
export type Described<T extends Note = Note> = T & { identity: NoteIdentity };

export function described<T extends Note>(rendered: T): Described<T> {
  return { ...rendered, identity: describeNote(rendered) };
}

/** Normalized identity of one note (see docs/identity.md, "What identifies a note"). */
export function describeNote(rendered: Note): NoteIdentity {
  const { note } = rendered;
  const deck = normalizeDeck(note.deck);
  const context = note.context.map(normalizeText).filter((part) => part !== '');
  // A cloze note's frontText holds only the words (extraction turns markers into nodes), so changing
  // which words are hidden keeps the key.
  const front = normalizeText(note.frontText);
  const named = { kind: note.kind, deck, context: context.join(QUESTION_SEPARATOR), front, explicitId: note.explicitId };
  return {
    kind: note.kind,
    deck,
    file: note.relativePath,
    line: note.position.line,
    context: named.context,
    front,
    display: [...note.context, note.frontText].join(QUESTION_SEPARATOR),
    excerpt: questionExcerpt(note.context, note.frontText),
    answerSignature: signature(normalizeText(note.backText)),
    keyHash: keyHash(identityKey(named)),
    derivedGuid: guidFor(...guidParts(named)),
    ...(note.explicitId !== undefined ? { explicitId: note.explicitId } : {}),
    fingerprint: fingerprintOf(rendered.fields, note.tags, rendered.ords),
  };
}

/** What a note's GUID is derived from (a counter is appended for a repeated question). */
function guidParts(identity: Pick<NoteIdentity, 'kind' | 'deck' | 'context' | 'front' | 'explicitId'>): string[] {
  return identity.explicitId !== undefined ? [NAMESPACE, 'id', identity.explicitId] : [NAMESPACE, identity.kind, identity.deck, identityQuestion(identity)];
}

/**
 * The GUID of a note deckgen has not seen before: from the explicit id alone,
 * else from kind, deck and normalized question. A GUID already used in this
 * build or by any lock entry (a removed note still lives in Anki) gets a
 * counter appended, so no two notes ever share one.
 */
function freshGuid(identity: NoteIdentity, taken: ReadonlySet<string>, counters: Map<string, number>): string {
  const parts = guidParts(identity);
  const counterKey = parts.join('\u0000');
  // Resume where the last copy of the same question stopped: many copies stay linear.
  let n = counters.get(counterKey) ?? 1;
  let guid = n === 1 ? guidFor(...parts) : guidFor(...parts, String(n));
  while (taken.has(guid)) guid = guidFor(...parts, String(++n));
  counters.set(counterKey, n + 1);
  return guid;
}

export interface IdentifyOptions {
  /**
   * Notes-folder-relative paths of files that are there but gave no notes in
   * this build because of an error (front matter that is not valid YAML, not
   * UTF-8, binary, unreadable). Their notes are unknown, not deleted.
   */
  filesWithErrors?: Iterable<string>;
  /** Folders (notes-folder-relative, `''` for the notes folder) that could not be listed: like filesWithErrors for every file in them. */
  foldersWithErrors?: Iterable<string>;
  /**
   * Files that were built, but with an error or with a note left out (an
   * unclosed fence above a note, an empty side): a lock entry of such a file
   * that no note matched may belong to a note that is only absent this build,
   * so it is carried over instead of removed.
   */
  filesWithProblems?: Iterable<string>;
  /** The lock file as shown to the user, for diagnostics about the lock as a whole. */
  lockDisplayPath?: string;
}

export interface IdentifyResult {
  packaged: PackagedNote[];
  lock: LockFile;
  changes: ChangePlan;
  diagnostics: Diagnostic[];
}

/**
 * Gives every note its GUID, `mod`, `created` and `due`, and returns the new
 * lock and the change plan. `notes` must be in document order (files sorted by
 * path); `lock` must have passed readLock without diagnostics; `now` is in
 * seconds. Notes are returned in the input order.
 *
 * Lock entries of `filesWithErrors` are carried into the new lock unchanged
 * and take no part in matching: dropping them would make every note of a file
 * with a YAML typo "removed", and once fixed, notes kept by similarity would
 * come back with new GUIDs and lose their review history. They are not
 * packaged (their current content is unknown); an import never deletes, so
 * Anki keeps them as they were. The same holds for `foldersWithErrors`, and
 * for the entries of `filesWithProblems` that no note matched.
 */
export function identify(notes: readonly (Note | Described)[], lock: LockFile | null, now: number, options: IdentifyOptions = {}): IdentifyResult {
  const seconds = Math.floor(now);
  const all = lock?.notes ?? [];
  assertUnique(all.map((entry) => entry.guid), 'the lock file');
  const skipped = inFiles(options.filesWithErrors, options.foldersWithErrors);
  const skippedEntries = all.filter(skipped);
  const entries = skippedEntries.length === 0 ? all : all.filter((entry) => !skipped(entry));
  const identities = notes.map((note) => ('identity' in note ? note.identity : describeNote(note)));
  const result = matchNotes(identities, entries);
  const matched = new Set(result.matches.flatMap((match) => (match ? [match.entry] : [])));
  const unsure = inFiles(options.filesWithProblems, []);
  const heldBack = new Set(entries.filter((entry, index) => !matched.has(index) && unsure(entry)));
  const carried = [...skippedEntries, ...heldBack];

  // Every GUID of the lock, carried entries included: a GUID in Anki is never handed to another note in the same build.
  const taken = new Set(all.map((entry) => entry.guid));
  const counters = new Map<string, number>();
  const guids = identities.map((identity, index) => {
    const match = result.matches[index];
    if (match) return entries[match.entry].guid;
    const guid = freshGuid(identity, taken, counters);
    taken.add(guid);
    return guid;
  });
  assertUnique(guids, 'this build');

  const previouslyRemoved = new Map((lock?.removed ?? []).map((note) => [note.guid, note]));
  const nids = noteIds(guids, result.matches.map((match) => matchedEntry(match, entries)), lock, seconds);
  const newEntries = identities.map((identity, index) => lockEntry(identity, guids[index], nids[index], notes[index], matchedEntry(result.matches[index], entries), seconds));
  const packaged = notes.map((rendered, index): PackagedNote => ({
    guid: guids[index],
    kind: rendered.note.kind,
    deck: rendered.note.deck,
    fields: rendered.fields,
    tags: rendered.note.tags,
    ords: rendered.ords,
    mod: newEntries[index].mod,
    created: newEntries[index].created,
    due: index + 1,
    noteId: nids[index],
    ...(rendered.note.review ? { review: rendered.note.review } : {}),
  }));
  const lockNotes = sortedEntries(newEntries, notes, carried);
  assertUnique(lockNotes.map((entry) => entry.guid), 'the new lock file');
  const changes = plan(lock === null, identities, newEntries, entries, result, carried);
  const removed = removedNotes(changes, lockNotes, previouslyRemoved, seconds);
  const removedNow = new Set(changes.removed.map((note) => note.guid));
  changes.removedEarlier = removed.filter((note) => !removedNow.has(note.guid));
  return {
    packaged,
    lock: { version: LOCK_VERSION, notes: lockNotes, removed },
    changes,
    diagnostics: [...duplicateIdDiagnostics(notes), ...budgetDiagnostics(result, notes), ...clockDiagnostics(all, seconds, options.lockDisplayPath ?? '')],
  };
}

function matchedEntry(match: Match | null, entries: readonly LockEntry[]): LockEntry | null {
  return match ? entries[match.entry] : null;
}

/**
 * Anki keeps the note id of the import that added a note (rslib import_export/package/apkg/import/notes.rs
 * `add_note`; `update_note` keeps the existing id), so a note's id is fixed once: a matched note keeps its
 * entry's, a note coming back under a removed note's GUID gets that note's, a new one the build time in
 * milliseconds, +1 until unused by any note of the lock.
 */
function noteIds(guids: readonly string[], previous: readonly (LockEntry | null)[], lock: LockFile | null, now: number): number[] {
  const ids = new IdAllocator();
  const removed = new Map((lock?.removed ?? []).map((note) => [note.guid, note.nid]));
  for (const entry of lock?.notes ?? []) ids.reserve(entry.nid);
  for (const nid of removed.values()) ids.reserve(nid);
  const used = new Set<number>();
  return guids.map((guid, index) => {
    const wanted = previous[index]?.nid ?? removed.get(guid);
    const nid = wanted !== undefined && !used.has(wanted) ? wanted : ids.take(now * 1000);
    used.add(nid);
    return nid;
  });
}

/**
 * The lock's list of removed notes: those removed by this build, and those of earlier builds that are less
 * than REMOVED_DAYS old and whose GUID no note took again. Sorted by removal time, then GUID.
 */
function removedNotes(changes: ChangePlan, live: readonly LockEntry[], earlier: ReadonlyMap<string, RemovedNote>, now: number): RemovedNote[] {
  const alive = new Set(live.map((entry) => entry.guid));
  const expired = now - REMOVED_DAYS * 86_400;
  const kept = [...earlier.values()].filter((note) => !alive.has(note.guid) && note.removed > expired);
  const fresh = changes.removed.map(({ guid, nid, kind, deck, cardDeck, question }): RemovedNote => ({ guid, nid, kind, deck, ...(cardDeck === undefined ? {} : { cardDeck }), question, removed: now }));
  const all = [...kept.filter((note) => !fresh.some((other) => other.guid === note.guid)), ...fresh];
  return all.sort((a, b) => a.removed - b.removed || compare(a.guid, b.guid));
}

/**
 * `mod` stays when nothing Anki stores changed, so re-importing skips the
 * note ("up to date") and keeps edits made in Anki. When content changed it
 * becomes `now`, and at least one second past the old `mod`, because Anki
 * updates only when the incoming `mod` is strictly newer.
 */
function lockEntry(identity: NoteIdentity, guid: string, nid: number, rendered: Note, old: LockEntry | null, now: number): LockEntry {
  const changed = old === null || !sameContent(old.fingerprint, identity.fingerprint);
  const entry: LockEntry = {
    guid,
    kind: identity.kind,
    deck: identity.deck,
    question: identity.excerpt,
    answer: identity.answerSignature,
    fingerprint: identity.fingerprint,
    ords: [...rendered.ords],
    file: identity.file,
    mod: old === null ? now : changed ? Math.max(now, old.mod + 1) : old.mod,
    created: old?.created ?? now,
    nid,
  };
  // A GUID derived from the key names its key; any other (kept by similarity, a repeated question's) needs it.
  if (guid !== identity.derivedGuid) entry.key = identity.keyHash;
  if (identity.explicitId !== undefined) entry.id = identity.explicitId;
  const cardDeck = old === null ? identity.deck : (old.cardDeck ?? old.deck);
  if (cardDeck !== identity.deck) entry.cardDeck = cardDeck;
  return entry;
}

/**
 * By file, line, column, then GUID: stable bytes for the same notes, whatever
 * the build order. Carried entries keep their old order, after the notes of
 * their file (most such files give no notes this build).
 */
function sortedEntries(entries: LockEntry[], notes: readonly Note[], carried: readonly LockEntry[]): LockEntry[] {
  const order = [
    ...entries.map((entry, index) => ({ entry, file: notes[index].note.relativePath, ...notes[index].note.position })),
    ...carried.map((entry, index) => ({ entry, file: entry.file, line: Number.MAX_SAFE_INTEGER, column: index })),
  ];
  order.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.entry.guid, b.entry.guid));
  return order.map((item) => item.entry);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two notes with one GUID would overwrite each other in Anki; reaching this is a deckgen bug. */
function assertUnique(guids: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const guid of guids) {
    if (seen.has(guid)) throw new Error(`deckgen bug: GUID ${guid} assigned twice in ${where}`);
    seen.add(guid);
  }
}

/** A test on lock entries: is the note's file one of `files`, or inside one of `folders`? */
function inFiles(files: Iterable<string> | undefined, folders: Iterable<string> | undefined): (entry: LockEntry) => boolean {
  const fileSet = new Set(files ?? []);
  const folderList = [...(folders ?? [])];
  if (fileSet.size === 0 && folderList.length === 0) return () => false;
  return (entry) => {
    const { file } = entry;
    return fileSet.has(file) || folderList.some((folder) => folder === '' || file.startsWith(`${folder}/`));
  };
}

function plan(
  firstBuild: boolean,
  identities: NoteIdentity[],
  fresh: LockEntry[],
  old: readonly LockEntry[],
  result: MatchResult,
  carried: readonly LockEntry[],
): ChangePlan {
  const changes = emptyPlan(firstBuild);
  changes.inFilesWithErrors = carried.map((entry) => ({ guid: entry.guid, question: entry.question, source: entry.file }));
  identities.forEach((identity, index) => {
    const entry = fresh[index];
    const match = result.matches[index];
    const note = { guid: entry.guid, question: identity.display, source: `${identity.file}:${identity.line}` };
    if (!match) {
      changes.added.push(note);
      const near = result.nearMisses[index];
      if (near) changes.nearMisses.push({ ...note, oldGuid: old[near.entry].guid, oldQuestion: old[near.entry].question, similarity: near.similarity });
      return;
    }
    const previous = old[match.entry];
    if (sameContent(previous.fingerprint, entry.fingerprint)) changes.unchanged++;
    else changes.updated.push({ ...note, changed: whatChanged(previous, entry) });
    // Only a changed question needs the user's check: a note that only changed deck (a renamed file) is listed in `moved`.
    if (match.how === 'similar' && questionChanged(previous, entry, identity)) {
      changes.rematched.push({ guid: entry.guid, oldQuestion: previous.question, newQuestion: identity.display, similarity: match.similarity, source: note.source });
    }
    if (previous.deck !== entry.deck) changes.moved.push({ guid: entry.guid, question: identity.display, oldDeck: previous.deck, newDeck: entry.deck, file: identity.file });
    if (identity.kind === 'cloze' && previous.ords.join() !== entry.ords.join()) {
      changes.renumbered.push({ guid: entry.guid, question: identity.display, oldOrds: previous.ords, newOrds: entry.ords });
    }
  });
  const matched = new Set(result.matches.flatMap((match) => (match ? [match.entry] : [])));
  const kept = new Set(carried);
  old.forEach((entry, index) => {
    if (!matched.has(index) && !kept.has(entry)) {
      changes.removed.push({ guid: entry.guid, nid: entry.nid, question: entry.question, source: entry.file, kind: entry.kind, deck: entry.deck, ...(entry.cardDeck === undefined ? {} : { cardDeck: entry.cardDeck }) });
    }
  });
  return changes;
}

/**
 * Whether a note kept by similarity asks something else now. Without explicit ids, its key (kind, deck,
 * normalized question) differs from its entry's, or the exact step would have paired them: with the same
 * deck the question changed, whatever the lock's short excerpts show. Otherwise the excerpts decide.
 */
function questionChanged(previous: LockEntry, entry: LockEntry, identity: NoteIdentity): boolean {
  if (previous.id === undefined && identity.explicitId === undefined && previous.deck === entry.deck) return true;
  return !sameQuestion(previous.question, entry.question);
}

/** In the user's words: `deck`, `tags` and the names of the fields whose content changed. */
function whatChanged(before: LockEntry, after: LockEntry): string[] {
  const fields = NOTE_FIELDS[after.kind];
  const parts = changedParts(before.fingerprint, after.fingerprint, fields.length);
  const changed = before.deck === after.deck ? [] : ['deck'];
  if (parts) changed.push(...parts.fields.map((index) => fields[index]), ...(parts.tags ? ['tags'] : []));
  if (before.ords.join() !== after.ords.join()) changed.push('cards');
  return changed;
}

/** The same explicit id twice: only one copy can keep the id's GUID, the other's identity is unstable. */
function duplicateIdDiagnostics(notes: readonly Note[]): Diagnostic[] {
  const first = new Map<string, Note>();
  return notes.flatMap(({ note }, index) => {
    if (note.explicitId === undefined) return [];
    const earlier = first.get(note.explicitId);
    if (!earlier) {
      first.set(note.explicitId, notes[index]);
      return [];
    }
    const where = `${earlier.note.source}:${earlier.note.position.line}`;
    return [diagnostic(note.source, note.position, 'warning', 'duplicate-id', `id "${note.explicitId}" is already used at ${where}; give each note its own id`)];
  });
}

function budgetDiagnostics(result: MatchResult, notes: readonly Note[]): Diagnostic[] {
  if (!result.budgetExhausted) return [];
  const first = notes.find((_, index) => result.matches[index] === null)?.note;
  return [
    diagnostic(first?.source ?? '', first?.position, 'warning', 'identity-budget',
      'too many notes changed at once to compare them all; some edited notes may get new cards. Build after smaller edits, or add explicit ids (see docs/identity.md)'),
  ];
}

/**
 * A build clock behind the lock's newest change: a pinned SOURCE_DATE_EPOCH, or an old checkout built again.
 * Anki before 25.02 set an updated note's `mod` to the time of the import (fixed by ankitects/anki PR #3693,
 * rslib import_export/package/apkg/import/notes.rs), so a package stamped earlier than an import it follows
 * has its updates skipped there as "not newer".
 */
function clockDiagnostics(entries: readonly LockEntry[], now: number, lockFile: string): Diagnostic[] {
  const newest = entries.reduce((latest, entry) => Math.max(latest, entry.mod), 0);
  if (now >= newest) return [];
  const at = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  return [
    diagnostic(lockFile, null, 'warning', 'build-time-older',
      `this build's time (${at(now)}) is older than the newest change in the lock (${at(newest)}): Anki before 25.02 may skip its updates as "not newer". Unset or raise SOURCE_DATE_EPOCH`),
  ];
}
