/**
 * The whole pipeline, as the CLI runs it:
 *
 *   read → parse → validate (tree) → extract → validate (notes) → render → validate (rendered) → identify → write
 *
 * Each stage is called here and nowhere else. A bad file only loses its own
 * cards: every stage reports problems as diagnostics and goes on.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { append } from './array.js';
import { sortDiagnostics, diagnostic, type Diagnostic } from './diagnostic.js';
import { extractNotes, type ExtractOptions } from './extract/index.js';
import { BuildLockBusyError, identify, readLock, withBuildLock, writeLock, type ChangePlan } from './identify/index.js';
import type { DeckPackage, ExtractedNote, PackagedNote, RenderedNote } from './model.js';
import { parseFile } from './parse/index.js';
import { findNoteFiles, findUnlisted, readNoteFile } from './read/index.js';
import { foldersToSkip, listVaultFiles, readVault, type Vault } from './read/vault.js';
import { findOsr } from './read/osr.js';
import { renderNote } from './render/index.js';
import { validateFile, validateNotes, validateRendered } from './validate/index.js';
import { buildApkg } from './write/apkg/index.js';
import { removeAbandonedTemps, writeFileAtomic } from './write/atomic.js';
import { buildCsv } from './write/csv/index.js';
import { buildHtml, type PreviewInput } from './write/html/index.js';

export type OutputFormat = 'apkg' | 'csv' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['apkg', 'csv', 'html'];
/** What a build writes unless told: the decks. The preview (html) is asked for. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['apkg', 'csv'];
export const LOCK_FILE_NAME = 'deckgen.lock.json';

export interface BuildOptions {
  notesDir: string;
  outDir: string;
  formats?: readonly OutputFormat[];
  /** Warnings fail the build (exit 1). */
  strict?: boolean;
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  /** Write nothing; exit 1 when the decks on disk differ from what the notes build. */
  check?: boolean;
  /** Defaults to `<notesDir>/deckgen.lock.json`. */
  lockPath?: string;
  /** Build time in seconds; defaults to SOURCE_DATE_EPOCH or the clock. */
  now?: number;
  /** Base for the paths shown to the user. */
  cwd?: string;
  /**
   * obsidian-spaced-repetition notes: true = every note is one, false = none;
   * default: every note of a vault with the plugin, and notes tagged `#flashcards` that hold OSR cards.
   */
  osr?: boolean;
  /** Long prose sections make cards too (rules/prose-section.ts). */
  prose?: boolean;
}

export interface BuildReport {
  cards: number;
  notes: number;
  decks: { name: string; notes: number; cards: number }[];
  outputs: { format: OutputFormat; path: string }[];
  diagnostics: Diagnostic[];
  changes: ChangePlan | null;
  /** Only with `check`: whether the decks on disk are what the notes build. */
  upToDate: boolean | null;
  exitCode: 0 | 1 | 2;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const notesDir = resolve(cwd, options.notesDir);
  const outDir = resolve(cwd, options.outDir);
  const lockPath = resolve(cwd, options.lockPath ?? join(notesDir, LOCK_FILE_NAME));
  const show = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const report = emptyReport();

  if (!existsSync(notesDir)) {
    return fail(report, diagnostic(show(notesDir), null, 'error', 'notes-missing', 'Notes folder not found'));
  }
  if (!statSync(notesDir).isDirectory()) {
    return fail(report, diagnostic(show(notesDir), null, 'error', 'notes-missing', '--notes is not a folder: give the folder that holds the markdown notes'));
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(realpathSync(notesDir))) {
    // Kernel file systems are endless (links back into themselves, files that never end): never notes.
    return fail(report, diagnostic(show(notesDir), null, 'error', 'notes-missing', '--notes is a system folder (/proc, /sys, /dev), not a folder of notes'));
  }
  const lockProblem = lockPathProblem(lockPath, notesDir, outDir, options.formats ?? DEFAULT_FORMATS);
  if (lockProblem) return fail(report, diagnostic(show(lockPath), null, 'error', 'lock-path-invalid', lockProblem));
  const unlisted = findUnlisted(notesDir, cwd);
  if (unlisted.folders.includes('')) return fail(report, ...unlisted.diagnostics);
  append(report.diagnostics, unlisted.diagnostics);
  const { vault, diagnostics: vaultProblems } = readVault(notesDir, cwd);
  append(report.diagnostics, vaultProblems);
  const osr = findOsr(notesDir, show, options.osr);
  append(report.diagnostics, osr.diagnostics);
  const extractOptions = { vault: vault !== null, osr: osr.mode, prose: options.prose };
  const { notes: extracted, filesWithErrors, files } = extractAll(notesDir, cwd, vault, report.diagnostics, extractOptions);
  const valid = validateNotes(extracted);
  append(report.diagnostics, valid.diagnostics);
  const shown = validateRendered(renderAll(valid.notes, notesDir, listVaultFiles(notesDir), report.diagnostics));
  append(report.diagnostics, shown.diagnostics);
  const rendered = shown.notes;
  const filesWithProblems = problemFiles(report.diagnostics, files, extracted, shown.notes);

  const now = options.now ?? buildTime();
  const writes = !options.dryRun && !options.check;
  // Returns false when the build must stop with exit 2: the lock file is unusable (then nothing may be
  // re-identified or written), or a file could not be written.
  const run = async (): Promise<boolean> => {
    // Read inside the build lock, so a build that waited sees what the other one wrote.
    const { lock, diagnostics: lockProblems } = readLock(lockPath, show(lockPath));
    append(report.diagnostics, lockProblems);
    if (lockProblems.some((problem) => problem.severity === 'error')) return false;
    const identified = identify(rendered, lock, now, {
      filesWithErrors: [...filesWithErrors, ...unlisted.files],
      foldersWithErrors: unlisted.folders,
      filesWithProblems,
      lockDisplayPath: show(lockPath),
    });
    append(report.diagnostics, identified.diagnostics);
    report.changes = identified.changes;
    // Notes often share an image: the writer dedupes and sorts the media.
    const pkg: DeckPackage = { notes: identified.packaged, media: rendered.flatMap((note) => note.media) };
    summarize(report, pkg.notes);
    const preview: PreviewInput = { title: basename(notesDir), notes: rendered, diagnostics: report.diagnostics };
    const outputs = await renderOutputs(pkg, options.formats ?? DEFAULT_FORMATS, outDir, basename(notesDir), preview);
    const listed = ({ format, path }: { format: OutputFormat; path: string }) => ({ format, path: show(path) });
    if (options.check) report.upToDate = outputs.every(({ path, bytes }) => sameBytes(path, bytes));
    if (!writes) {
      report.outputs = outputs.map(listed);
      return true;
    }
    // Decks first, the lock last: a build that stops in between leaves the lock the decks were identified with.
    const writing = [
      ...outputs.map((output) => ({ path: output.path, output, write: () => writeFileAtomic(output.path, output.bytes) })),
      { path: lockPath, output: null, write: () => writeLock(lockPath, identified.lock) },
    ];
    for (const { path, output, write } of writing) {
      const problem = tryWrite(path, write, show);
      if (problem) {
        report.diagnostics.push(problem);
        return false;
      }
      // Only what was written is reported as written.
      if (output) report.outputs.push(listed(output));
    }
    return true;
  };
  try {
    // Only a build that writes needs the lock file to itself.
    const usable = await (writes ? withBuildLock(lockPath, run, { displayPath: show(lockPath) }) : run());
    if (!usable) return finish(report, 2, options);
  } catch (error) {
    // run() reports its own write errors; a file-system error here is taking the build lock (a read-only notes folder).
    if (error instanceof BuildLockBusyError) report.diagnostics.push(error.diagnostic);
    else if (isFileSystemError(error)) report.diagnostics.push(writeFailed(error.path ?? lockPath, error, show));
    else throw error;
    return finish(report, 2, options);
  }
  return finish(report, report.upToDate === false ? 1 : 0, options);
}

/**
 * Every note of every file, and the files that are there but were skipped for
 * an error (not read, not UTF-8, front matter not valid YAML…): their notes are
 * unknown this build, not deleted, so identify() keeps their lock entries.
 */
function extractAll(notesDir: string, cwd: string, vault: Vault | null, diagnostics: Diagnostic[], options: ExtractOptions) {
  const notes: ExtractedNote[] = [];
  const filesWithErrors: string[] = [];
  /** Display path → notes-relative path of every file read, to tell which file a diagnostic is about. */
  const files = new Map<string, string>();
  for (const path of findNoteFiles(notesDir, foldersToSkip(vault))) {
    const relativePath = relative(notesDir, path).split(sep).join('/');
    const found: Diagnostic[] = [];
    const built = guarded(relativePath, path, cwd, () => extractFile(path, notesDir, cwd, options, found, files));
    append(diagnostics, built.ok ? found : [...found, built.problem]);
    if (built.ok && built.notes) append(notes, built.notes);
    else filesWithErrors.push(relativePath);
  }
  return { notes, filesWithErrors, files };
}

/** One file through read, parse, validate and extract; null notes when the file was skipped for an error. */
function extractFile(path: string, notesDir: string, cwd: string, options: ExtractOptions, diagnostics: Diagnostic[], files: Map<string, string>): ExtractedNote[] | null {
  const read = readNoteFile(path, notesDir, cwd);
  append(diagnostics, read.diagnostics);
  if (!read.file) return null;
  files.set(read.file.displayPath, read.file.relativePath);
  const { parsed, diagnostics: parseProblems } = parseFile(read.file);
  append(diagnostics, parseProblems);
  if (!parsed) return null;
  append(diagnostics, validateFile(parsed));
  const extracted = extractNotes(parsed, options);
  append(diagnostics, extracted.diagnostics);
  return extracted.notes;
}

/**
 * The global guard: a bug that throws while one file (or one note) is built
 * costs that file only. It is reported as a bug, for that file, and the other
 * files still build; the file's notes keep their lock entries.
 */
function guarded<T>(relativePath: string, path: string, cwd: string, work: () => T): { ok: true; notes: T } | { ok: false; problem: Diagnostic } {
  try {
    return { ok: true, notes: work() };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const shown = relative(cwd, path).split(sep).join('/') || relativePath;
    const message = `deckgen bug while building this file (${reason.slice(0, 200)}); please report it with this file. Its notes keep their lock entries`;
    return { ok: false, problem: diagnostic(shown, null, 'error', 'internal-error', message) };
  }
}

/**
 * Files built with an error in them, or with a note left out by validation:
 * a note missing from such a file may be absent only until the problem is
 * fixed, so its lock entry must not be dropped (docs/identity.md).
 */
function problemFiles(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, string>, extracted: readonly ExtractedNote[], kept: readonly RenderedNote[]): string[] {
  const problems = new Set<string>();
  for (const problem of diagnostics) {
    const file = files.get(problem.file);
    if (file !== undefined && problem.severity === 'error') problems.add(file);
  }
  const written = new Set(kept.map((rendered) => rendered.note));
  for (const note of extracted) if (!written.has(note)) problems.add(note.relativePath);
  return [...problems];
}

/**
 * The lock is written last and atomically: pointed at a deck, a note or the
 * output folder it would overwrite the deck, turn into a note, or be replaced
 * by the next build's outputs.
 */
function lockPathProblem(lockPath: string, notesDir: string, outDir: string, formats: readonly OutputFormat[]): string | null {
  const outputs = formats.map((format) => join(outDir, `${basename(notesDir)}.${format}`));
  if (outputs.includes(lockPath)) return '--lock names a deck this build writes; give the lock file its own name (e.g. deckgen.lock.json)';
  if (isInsideFolder(outDir, lockPath)) return '--lock is inside the --out folder; keep the lock next to the notes, where it is committed with them';
  if (/\.(md|markdown)$/i.test(lockPath)) return '--lock names a markdown file, which would be read as a note; use a .json name';
  if (existsSync(lockPath) && statSync(lockPath).isDirectory()) return '--lock is a folder; give the path of the lock file';
  return null;
}

function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function renderAll(notes: ExtractedNote[], notesDir: string, vaultFiles: string[], diagnostics: Diagnostic[]): RenderedNote[] {
  const rendered: RenderedNote[] = [];
  for (const note of notes) {
    // A note that fails to render is left out; problemFiles() then keeps its lock entry.
    const result = guarded(note.relativePath, note.absolutePath, notesDir, () => renderNote(note, { notesRoot: notesDir, vaultFiles }));
    if (!result.ok) {
      diagnostics.push({ ...result.problem, file: note.source, line: note.position.line, column: note.position.column });
      continue;
    }
    append(diagnostics, result.notes.diagnostics);
    rendered.push(result.notes.rendered);
  }
  return rendered;
}

/**
 * One package and one CSV per build, named after the notes folder: a single
 * File → Import brings in every deck, and Anki matches notes by GUID, so
 * re-importing the whole file is always safe (docs/decisions.md).
 */
async function renderOutputs(pkg: DeckPackage, formats: readonly OutputFormat[], outDir: string, name: string, preview: PreviewInput) {
  const outputs: { format: OutputFormat; path: string; bytes: Uint8Array | string }[] = [];
  if (formats.includes('apkg')) outputs.push({ format: 'apkg', path: join(outDir, `${name}.apkg`), bytes: await buildApkg(pkg) });
  if (formats.includes('csv')) outputs.push({ format: 'csv', path: join(outDir, `${name}.csv`), bytes: buildCsv(pkg) });
  if (formats.includes('html')) outputs.push({ format: 'html', path: join(outDir, `${name}.html`), bytes: buildHtml(pkg, preview) });
  return outputs;
}

function sameBytes(path: string, bytes: Uint8Array | string): boolean {
  try {
    return Buffer.compare(readFileSync(path), Buffer.from(bytes)) === 0;
  } catch {
    return false; // missing or unreadable: not the deck the notes build
  }
}

/** Errors the OS reports about a path (Node sets `code` and `syscall`); anything else is a bug. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return error instanceof Error && typeof code === 'string' && typeof syscall === 'string';
}

/** Runs one write (with its leftover-temp cleanup); an OS refusal becomes a `write-failed` diagnostic. */
function tryWrite(path: string, write: () => void, show: (path: string) => string): Diagnostic | null {
  try {
    removeAbandonedTemps(path);
    write();
    return null;
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return writeFailed(path, error, show);
  }
}

/** Says why in words: these come from pointing --out, --lock or --notes at the wrong place. */
function writeFailed(path: string, error: NodeJS.ErrnoException, show: (path: string) => string): Diagnostic {
  const at = show(error.path ?? path);
  const reasons: Record<string, string> = {
    EACCES: `permission denied (${at})`,
    EPERM: `permission denied (${at})`,
    EROFS: `${at} is on a read-only file system`,
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EEXIST: `${at} is a file, not a folder`,
    ENOTDIR: `part of ${at} is a file, not a folder`,
    EISDIR: `${at} is a folder`,
  };
  const reason = reasons[error.code ?? ''] ?? error.message;
  return diagnostic(show(path), null, 'error', 'write-failed', `Cannot write this file: ${reason} (${error.code})`);
}

function summarize(report: BuildReport, notes: PackagedNote[]): void {
  const decks = new Map<string, { name: string; notes: number; cards: number }>();
  for (const note of notes) {
    const deck = decks.get(note.deck) ?? { name: note.deck, notes: 0, cards: 0 };
    deck.notes += 1;
    deck.cards += note.ords.length;
    decks.set(note.deck, deck);
  }
  report.decks = [...decks.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  report.notes = notes.length;
  report.cards = report.decks.reduce((sum, deck) => sum + deck.cards, 0);
}

/** SOURCE_DATE_EPOCH is the reproducible-builds convention for pinning "now". */
function buildTime(): number {
  const pinned = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isInteger(pinned) && pinned > 0 ? pinned : Math.floor(Date.now() / 1000);
}

/** A report of a build that built nothing (also used by the CLI for usage errors). */
export function emptyReport(): BuildReport {
  return { cards: 0, notes: 0, decks: [], outputs: [], diagnostics: [], changes: null, upToDate: null, exitCode: 0 };
}

/** A configuration problem: nothing is built (exit 2). */
function fail(report: BuildReport, ...problems: Diagnostic[]): BuildReport {
  for (const problem of problems) report.diagnostics.push(problem);
  report.exitCode = 2;
  return report;
}

function finish(report: BuildReport, base: 0 | 1 | 2, options: BuildOptions): BuildReport {
  report.diagnostics = sortDiagnostics(report.diagnostics);
  const failing = report.diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  report.exitCode = base === 2 ? 2 : failing || base === 1 ? 1 : 0;
  return report;
}
