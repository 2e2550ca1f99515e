/**
 * A whole build's fingerprint, so that a rebuild with nothing changed costs
 * reading the notes, not compiling, matching and writing them.
 *
 * After a build that wrote its decks and lock, the cache keeps one record per
 * lock file: the key of every input (each notes file's compile-cache key, the
 * resolved options and paths, deckgen's code), the digests of the lock and of
 * every output as written, of every image the notes looked for, and the report
 * the next build would give. The next build with the same key, with the lock,
 * the outputs and the images on disk as recorded, is that report: nothing is
 * compiled, matched or written. Anything else (a changed byte anywhere, a
 * missing or corrupt record) is a full build.
 *
 * The next build's report is known because a build is a fixpoint of its own
 * lock: given the lock it just wrote, every note matches its own entry
 * unchanged (same GUID, `mod`, ids), so the lock and decks come out the same
 * and the change plan lists every note as unchanged and the lock's removed
 * notes as removed earlier. Where that is not certain no record is kept:
 * lock entries carried over for files with errors, a matching budget that ran
 * out, a removed note that expires (REMOVED_DAYS) or a clock behind the lock
 * (which the next build would warn about) — test/up-to-date.test.ts compares
 * the recorded report with a full build's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BuildReport } from '../build.js';
import type { Diagnostic } from '../diagnostic.js';
import { emptyPlan, type ChangePlan } from '../identify/plan.js';
import type { LockFile } from '../identify/lock.js';
import { buildLockPath, REMOVED_DAYS } from '../identify/lock.js';
import { mediaState } from '../render/media.js';
import { writeFileAtomic } from '../write/atomic.js';
import { codeVersion } from './cache.js';
import type { ReadSource } from './files.js';

const FORMAT = 1;

/** What a build reports that the record replays: the report without its exit code (decided afresh) and `built`. */
export type RecordedReport = Pick<BuildReport, 'cards' | 'notes' | 'decks' | 'outputs' | 'diagnostics' | 'sources' | 'config' | 'files'> & { changes: ChangePlan };

interface BuildRecord {
  key: string;
  lock: string;
  outputs: { path: string; digest: string }[];
  media: { path: string; digest: string }[];
  /** The build time from which the record no longer holds (the first removed note to expire); null: none. */
  until: number | null;
  /** The lock's newest `mod`: a build clock behind it gets a warning the recorded report does not hold. */
  since: number;
  report: RecordedReport;
}

/** The key of a build's inputs, or null when some file could not be read (its notes are unknown: always a full build). */
export function buildKey(sources: readonly ReadSource[], settings: unknown): string | null {
  if (sources.some((source) => source.key === null)) return null;
  const files = sources.map(({ path, key, diagnostics }) => [path, key, diagnostics]);
  return sha256(JSON.stringify([FORMAT, codeVersion(), settings, files]));
}

/** The recorded report when the build with this key has nothing to do at `now`, else null. */
export function upToDate(cacheDir: string, lockPath: string, key: string, now: number, notesDir: string): RecordedReport | null {
  const path = recordPath(cacheDir, lockPath);
  const record = readRecord(path, key);
  if (!record) return null;
  if (now < record.since || (record.until !== null && now >= record.until)) return null;
  // What a killed or running build leaves (its build lock, temps beside the files) is the full build's to clean up or wait for.
  if (existsSync(buildLockPath(lockPath)) || [lockPath, ...record.outputs.map((output) => output.path)].some(hasTemps)) return null;
  if (fileDigest(lockPath) !== record.lock) return null;
  if (record.outputs.some((output) => fileDigest(output.path) !== output.digest)) return null;
  if (record.media.some((media) => mediaState(media.path, notesDir).digest !== media.digest)) return null;
  touch(path);
  return record.report;
}

export interface RecordedBuild {
  key: string;
  lockPath: string;
  lock: LockFile;
  /** The removed notes as the lock file holds them (read back): the next build lists these as removed earlier. */
  removedInFile: () => LockFile['removed'] | null;
  outputs: { path: string; bytes: Uint8Array | string }[];
  /** Every image the notes looked for (compile results' mediaRefs). */
  mediaPaths: readonly string[];
  notesDir: string;
  /** This build's report, its diagnostics being those of the inputs and of identify (no lock-file problems). */
  report: Omit<RecordedReport, 'changes'> & { changes: ChangePlan | null };
  /** identify()'s diagnostics. */
  identifyDiagnostics: readonly Diagnostic[];
}

/** Keeps the record of a build that wrote everything, when the next build's report is certain (see the top of this file). */
export function recordBuild(cacheDir: string, build: RecordedBuild): void {
  const { changes } = build.report;
  if (!changes || changes.inFilesWithErrors.length > 0) return;
  if (build.identifyDiagnostics.some((problem) => problem.rule !== 'duplicate-id')) return;
  const removed = build.lock.removed.length === 0 ? [] : build.removedInFile();
  if (!removed) return;
  const lockDigest = fileDigest(build.lockPath);
  if (!lockDigest) return;
  const record: BuildRecord = {
    key: build.key,
    lock: lockDigest,
    outputs: build.outputs.map(({ path, bytes }) => ({ path, digest: sha256(bytes) })),
    media: [...new Set(build.mediaPaths)].map((path) => ({ path, digest: mediaState(path, build.notesDir).digest })),
    until: removed.length === 0 ? null : Math.min(...removed.map((note) => note.removed)) + REMOVED_DAYS * 86_400,
    since: build.lock.notes.reduce((latest, entry) => Math.max(latest, entry.mod), 0),
    report: {
      ...build.report,
      changes: { ...emptyPlan(false), unchanged: build.lock.notes.length, removedEarlier: removed },
      files: { total: build.report.files.total, cached: build.report.files.total, threads: 0 },
    },
  };
  const body = JSON.stringify(record);
  const path = recordPath(cacheDir, build.lockPath);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, `${JSON.stringify({ format: FORMAT, digest: sha256(body) })}\n${body}`);
  } catch {
    // only costs speed
  }
}

/** One record per lock file: a lock is one build's state. */
function recordPath(cacheDir: string, lockPath: string): string {
  return join(cacheDir, 'builds', `${sha256(lockPath).slice(0, 32)}.json`);
}

function readRecord(path: string, key: string): BuildRecord | null {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; digest?: unknown };
    const body = text.slice(newline + 1);
    if (newline < 0 || header.format !== FORMAT || header.digest !== sha256(body)) return null;
    const record = JSON.parse(body) as BuildRecord;
    return record.key === key ? record : null;
  } catch {
    return null; // absent or corrupt: a full build
  }
}

/** `<file>.<pid>.<ms>.tmp` beside the file (write/atomic.ts): a write that did not finish. */
function hasTemps(path: string): boolean {
  const prefix = `${basename(path)}.`;
  try {
    return readdirSync(dirname(path)).some((name) => name.startsWith(prefix) && /^\d+\.\d+\.tmp$/.test(name.slice(prefix.length)));
  } catch {
    return false;
  }
}

function fileDigest(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // only the cache's eviction order suffers
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
