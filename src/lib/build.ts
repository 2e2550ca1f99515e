/**
 * The whole pipeline, as the CLI runs it:
 *
 *   compile each file (read → parse → validate tree → extract → render → validate rendered, compile/)
 *   → across files (note rules) → identify → outputs → write (lock last)
 *
 * A bad file only loses its own cards: every stage reports problems as
 * diagnostics and goes on.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { append } from './array.js';
import { CompileCache, defaultCacheDir, packageDigest } from './compile/cache.js';
import { compileFiles, readSources, type CompileFilesOptions, type ReadSource } from './compile/files.js';
import { buildKey, recordBuild, upToDate } from './compile/up-to-date.js';
import type { CompileOptions, CompiledFile } from './compile/index.js';
import { sortDiagnostics, diagnostic, type Diagnostic } from './diagnostic.js';
import { BuildLockBusyError, identify, readLock, withBuildLock, writeLock, type ChangePlan, type Described, type IdentifyResult } from './identify/index.js';
import { NOTE_EXTENSION, type CompiledNote, type DeckPackage, type PackagedNote } from './model.js';
import { loadConfig, type NotesConfig } from './read/config.js';
import { findNoteFiles, findUnlisted } from './read/index.js';
import { findOsr } from './read/osr.js';
import { foldersToSkip, listVaultFiles, readVault, vaultLocation } from './read/vault.js';
import { validateAcrossFiles } from './validate/index.js';
import { removeAbandonedTemps, writeFileAtomic } from './write/atomic.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, WRITERS, type OutputFormat, type WriteOptions } from './write/index.js';

export { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from './write/index.js';
export const LOCK_FILE_NAME = 'deckgen.lock.json';

export interface BuildOptions {
  /**
   * The folder of notes, or one markdown file: then its folder is the notes
   * folder (paths, media, tags, config) and only that file is built, into
   * decks and a lock named after it (docs/decisions.md, "One notes file").
   */
  notesDir: string;
  /** Default: the config's `out` (relative to the notes folder), else `decks` (relative to `cwd`). */
  outDir?: string;
  /** Globs of the notes to read, relative to the notes folder (default: the config's, else every `*.md`). */
  include?: string[];
  /** Globs of notes not to read (default: the config's). */
  exclude?: string[];
  /** Honour the notes folder's `.gitignore` (default: the config's, else true). */
  gitignore?: boolean;
  /** Also return the notes built, as packaged for the decks (`report.built`). */
  keepNotes?: boolean;
  /** Default: DEFAULT_FORMATS (the .apkg and the CSV). */
  formats?: readonly OutputFormat[];
  /** The TSV holds simple HTML instead of plain text. */
  tsvHtml?: boolean;
  /** Warnings fail the build (exit 1). */
  strict?: boolean;
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  /** Write nothing; exit 1 when the decks on disk differ from what the notes build. */
  check?: boolean;
  /** Defaults to the config's `lock`, else `<notesDir>/deckgen.lock.json` (`<name>.deckgen.lock.json` beside a single file). */
  lockPath?: string;
  /** Build time in seconds; defaults to SOURCE_DATE_EPOCH or the clock. */
  now?: number;
  /** Base for the paths shown to the user. */
  cwd?: string;
  /** Folder of the compile cache, or false for none (`--no-cache`). Defaults to defaultCacheDir (compile/cache.ts). */
  cache?: string | false;
  /** Worker threads for compiling at most (default: one per core); 1 compiles in the calling thread. */
  workers?: number;
  /** Called as files are compiled (the CLI's progress line). */
  progress?: (done: number, total: number, cached: number) => void;
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
  /** Notes files compiled, how many of them came from the compile cache, and how many worker threads compiled the rest. */
  files: { total: number; cached: number; threads: number };
  /** Each notes file read and how many notes it gave (before checks across files), in path order. */
  sources: { file: string; notes: number }[];
  /** The notes in the decks, with their GUIDs, fields and cards (`ords`); only with `keepNotes`. */
  built?: PackagedNote[];
  /** The config file the build used (as shown to the user), or null. */
  config: string | null;
  exitCode: 0 | 1 | 2;
}

export async function build(given: BuildOptions): Promise<BuildReport> {
  const report = emptyReport();
  const cwd = given.cwd ?? process.cwd();
  const show = showFrom(cwd);
  const target = notesTarget(resolve(cwd, given.notesDir), show);
  if ('problem' in target) {
    report.diagnostics.push(target.problem);
    return finish(report, 'unusable', given);
  }
  const loaded = loadConfig(target.notesDir, show);
  report.config = loaded.path && show(loaded.path);
  append(report.diagnostics, loaded.diagnostics);
  if (loaded.diagnostics.length) return finish(report, 'unusable', given);
  const options = withConfig(given, loaded.config, target.notesDir);
  const paths = resolvePaths(options, target, cwd);
  const unusable = lockPathProblem(paths, options.formats ?? DEFAULT_FORMATS);
  if (unusable) {
    report.diagnostics.push(unusable);
    return finish(report, 'unusable', options);
  }
  // One file named on the command line: the rest of its folder is none of this build's business.
  const unlisted = target.file ? { folders: [], files: [], diagnostics: [] } : findUnlisted(paths.notesDir, paths.cwd);
  append(report.diagnostics, unlisted.diagnostics);
  if (unlisted.folders.includes('')) return finish(report, 'unusable', options);
  const { vault, diagnostics: vaultProblems } = readVault(paths.notesDir, paths.cwd);
  append(report.diagnostics, vaultProblems);
  const osr = findOsr(paths.notesDir, paths.show, options.osr);
  append(report.diagnostics, osr.diagnostics);
  const compileOptions: CompileOptions = { notesDir: paths.notesDir, cwd: paths.cwd, vault: vault !== null, osr: osr.mode, prose: options.prose === true, vaultFiles: listVaultFiles(paths.notesDir), vaultLocation: vaultLocation(paths.notesDir) };
  const cache = options.cache === false ? null : new CompileCache(options.cache ?? defaultCacheDir(paths.notesDir));
  const noteFiles = target.file ? [target.file] : findNoteFiles(paths.notesDir, foldersToSkip(vault), options);
  const sources = readSources(noteFiles, compileOptions, cache);
  const now = options.now ?? buildTime();
  const key = cache && writesAll(options) ? buildKey(sources, { paths, formats: options.formats ?? DEFAULT_FORMATS, tsvHtml: options.tsvHtml === true, before: report }) : null;
  const recorded = key ? upToDate(cache!.dir, paths.lockPath, key, now, paths.notesDir) : null;
  if (recorded) return finish(Object.assign(report, recorded), 'built', options);
  const { notes, mediaPaths } = await compileAll(sources, compileOptions, { cache, workers: options.workers, progress: options.progress }, unlisted, report, paths);
  const record = key ? { key, mediaPaths } : null;
  return finish(report, await identifyAndWrite(notes, paths, { ...options, now }, cache, report, record), options);
}

/**
 * Compiles every file and joins their notes (the cross-file step). The compiled files are let go on return: past
 * this point the build holds their notes only, and lets those go too once identified (identifyAndWrite).
 */
async function compileAll(sources: ReadSource[], compileOptions: CompileOptions, run: CompileFilesOptions, unlisted: { files: string[]; folders: string[] }, report: BuildReport, paths: BuildPaths): Promise<{ notes: BuildNotes; mediaPaths: string[] }> {
  const { files, cached, threads } = await compileFiles(sources, compileOptions, run);
  report.files = { total: files.length, cached, threads };
  report.sources = files.map((file) => ({ file: paths.show(join(paths.notesDir, file.relativePath)), notes: file.notes?.length ?? 0 }));
  const notes = acrossFiles(files, unlisted, report.diagnostics);
  return { notes, mediaPaths: files.flatMap((file) => file.mediaRefs.map((ref) => ref.path)) };
}

/** Builds that write decks and lock and report nothing more: the ones a record of the last build can stand for (compile/up-to-date.ts). */
function writesAll(options: BuildOptions): boolean {
  return !options.dryRun && !options.check && !options.keepNotes;
}

/** Where a build reads and writes, with the notes folder's config applied: what `deckgen watch` must not take for a save. */
export interface BuildTargets {
  /** The folder of the notes (of the one file, when a file was named). */
  notesDir: string;
  lockPath: string;
  /** Every output the build writes, by format. */
  outputs: Partial<Record<OutputFormat, string>>;
  /** The compile cache's folder; null with `cache: false`. */
  cacheDir: string | null;
}

/** The paths build() would use with these options; null when it could not run at all (its diagnostics say why). */
export function buildTargets(given: BuildOptions): BuildTargets | null {
  const cwd = given.cwd ?? process.cwd();
  const target = notesTarget(resolve(cwd, given.notesDir), showFrom(cwd));
  if ('problem' in target) return null;
  const loaded = loadConfig(target.notesDir, showFrom(cwd));
  if (loaded.diagnostics.length) return null;
  const options = withConfig(given, loaded.config, target.notesDir);
  const paths = resolvePaths(options, target, cwd);
  const formats = options.formats ?? DEFAULT_FORMATS;
  return {
    notesDir: paths.notesDir,
    lockPath: paths.lockPath,
    outputs: Object.fromEntries(formats.map((format) => [format, outputPath(paths, format)])),
    cacheDir: options.cache === false ? null : resolve(cwd, options.cache ?? defaultCacheDir(paths.notesDir)),
  };
}

/** `<out>/<name>.<format>`: one file per format, named after the notes folder (or the one notes file). */
function outputPath({ outDir, name }: Pick<BuildPaths, 'outDir' | 'name'>, format: OutputFormat): string {
  return join(outDir, `${name}.${format}`);
}

interface BuildPaths {
  cwd: string;
  notesDir: string;
  /** What the decks are named after: the notes folder, or the single notes file without its extension. */
  name: string;
  outDir: string;
  lockPath: string;
  /** A path as shown to the user: relative to `cwd`, posix separators. */
  show: (path: string) => string;
}

const showFrom = (cwd: string) => (path: string) => relative(cwd, path).split(sep).join('/') || '.';

function resolvePaths(options: BuildOptions, { notesDir, file }: NotesTarget, cwd: string): BuildPaths {
  const name = file ? basename(file).replace(NOTE_EXTENSION, '') : basename(notesDir);
  return {
    cwd,
    notesDir,
    name,
    outDir: resolve(cwd, options.outDir ?? 'decks'),
    lockPath: resolve(cwd, options.lockPath ?? join(notesDir, file ? `${name}.${LOCK_FILE_NAME}` : LOCK_FILE_NAME)),
    show: showFrom(cwd),
  };
}

/** The options given, completed by the notes folder's config: what is given wins, config paths are relative to the notes folder. */
function withConfig(given: BuildOptions, config: NotesConfig, notesDir: string): BuildOptions {
  const fromConfig = (path: string | undefined) => (path === undefined ? undefined : resolve(notesDir, path));
  return {
    ...given,
    outDir: given.outDir ?? fromConfig(config.out),
    lockPath: given.lockPath ?? fromConfig(config.lock),
    formats: given.formats ?? config.format,
    include: given.include ?? config.include,
    exclude: given.exclude ?? config.exclude,
    gitignore: given.gitignore ?? config.gitignore,
    strict: given.strict ?? config.strict,
    prose: given.prose ?? config.prose,
    osr: given.osr ?? config.osr,
    tsvHtml: given.tsvHtml ?? config.tsvHtml,
  };
}

interface NotesTarget {
  notesDir: string;
  /** Set when one markdown file was named: only it is built. */
  file: string | null;
}

/** What `--notes` names: a folder of notes or one markdown file; anything else is a `notes-missing` error saying where it looked. */
function notesTarget(path: string, show: (path: string) => string): NotesTarget | { problem: Diagnostic } {
  const problem = (message: string) => ({ problem: diagnostic(show(path), null, 'error', 'notes-missing', message) });
  if (!existsSync(path)) {
    return problem(`Notes folder not found: ${path} does not exist. Give the folder (or .md file) of your notes: deckgen path/to/notes`);
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(realpathSync(path))) {
    // Kernel file systems are endless (links back into themselves, files that never end): never notes.
    return problem('The notes path is a system folder (/proc, /sys, /dev), not a folder of notes');
  }
  if (statSync(path).isDirectory()) return { notesDir: path, file: null };
  if (NOTE_EXTENSION.test(path)) return { notesDir: dirname(path), file: path };
  return problem(`${path} is neither a folder nor a markdown (.md) file: give the folder that holds the markdown notes, or one .md file`);
}

interface BuildNotes {
  rendered: Described<CompiledNote>[];
  /**
   * Files that are there but were skipped for an error (not read, not UTF-8,
   * front matter not valid YAML…): their notes are unknown this build, not
   * deleted, so identify() keeps their lock entries.
   */
  filesWithErrors: string[];
  /** Folders that could not be listed: like filesWithErrors for every file in them. */
  foldersWithErrors: string[];
  /**
   * Files built with an error in them, or with a note left out by validation:
   * a note missing from such a file may be absent only until the problem is
   * fixed, so its lock entry must not be dropped (docs/identity.md).
   */
  filesWithProblems: string[];
}

/** The cross-file step: every file's notes in path order, and the note rules that need all of them (duplicates). */
function acrossFiles(files: readonly CompiledFile[], unlisted: { files: string[]; folders: string[] }, diagnostics: Diagnostic[]): BuildNotes {
  const rendered: Described<CompiledNote>[] = [];
  // Files and folders that could not even be listed (read/index.ts findUnlisted) are unknown like unreadable files.
  const filesWithErrors: string[] = [...unlisted.files];
  const problems = new Set<string>();
  for (const file of files) {
    append(diagnostics, file.diagnostics);
    if (!file.notes) {
      filesWithErrors.push(file.relativePath);
      continue;
    }
    append(rendered, file.notes);
    if (file.leftOut > 0 || file.diagnostics.some((problem) => problem.severity === 'error')) problems.add(file.relativePath);
  }
  const valid = validateAcrossFiles(rendered.map(({ note }) => note));
  append(diagnostics, valid.diagnostics);
  const kept = new Set(valid.notes);
  for (const { note } of rendered) if (!kept.has(note)) problems.add(note.relativePath);
  return { rendered: rendered.filter(({ note }) => kept.has(note)), filesWithErrors, foldersWithErrors: unlisted.folders, filesWithProblems: [...problems] };
}

/**
 * The lock is written last and atomically: pointed at a deck, a note or the
 * output folder it would overwrite the deck, turn into a note, or be replaced
 * by the next build's outputs.
 */
function lockPathProblem({ lockPath, name, outDir, show }: BuildPaths, formats: readonly OutputFormat[]): Diagnostic | null {
  const problem = (message: string) => diagnostic(show(lockPath), null, 'error', 'lock-path-invalid', message);
  const outputs = formats.map((format) => outputPath({ outDir, name }, format));
  if (outputs.includes(lockPath)) return problem('--lock names a deck this build writes; give the lock file its own name (e.g. deckgen.lock.json)');
  if (isInsideFolder(outDir, lockPath)) return problem('--lock is inside the --out folder; keep the lock next to the notes, where it is committed with them');
  if (/\.(md|markdown)$/i.test(lockPath)) return problem('--lock names a markdown file, which would be read as a note; use a .json name');
  if (existsSync(lockPath) && statSync(lockPath).isDirectory()) return problem('--lock is a folder; give the path of the lock file');
  return null;
}

function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** How a build ended, before diagnostics are counted: `finish` turns it into the exit code. */
type Outcome = 'built' | 'stale' | 'unusable';

/**
 * The lock file read and the notes identified against it; null when the lock is unusable (the report says why).
 * The old lock is let go on return: the decks are written from the new one.
 */
function identifyWithLock(notes: BuildNotes, { lockPath, show }: BuildPaths, now: number, report: BuildReport): IdentifyResult | null {
  const { lock, diagnostics } = readLock(lockPath, show(lockPath));
  append(report.diagnostics, diagnostics);
  if (diagnostics.some((problem) => problem.severity === 'error')) return null;
  return identify(notes.rendered, lock, now, {
    filesWithErrors: notes.filesWithErrors,
    foldersWithErrors: notes.foldersWithErrors,
    filesWithProblems: notes.filesWithProblems,
    lockDisplayPath: show(lockPath),
  });
}

/**
 * Identity, outputs and writes. With writes, all of it runs inside the build
 * lock, so a build that waited reads the lock file the other one wrote.
 */
async function identifyAndWrite(notes: BuildNotes, paths: BuildPaths, options: BuildOptions & { now: number }, cache: CompileCache | null, report: BuildReport, record: { key: string; mediaPaths: string[] } | null): Promise<Outcome> {
  const { lockPath, show } = paths;
  const writes = !options.dryRun && !options.check;
  const now = options.now;
  const run = async (): Promise<Outcome> => {
    // The record of this build holds the inputs' diagnostics, not those about the lock it read (the next build reads the one written now).
    const inputDiagnostics = [...report.diagnostics];
    const identified = identifyWithLock(notes, paths, now, report);
    // An unusable lock file: nothing may be re-identified or written.
    if (!identified) return 'unusable';
    append(report.diagnostics, identified.diagnostics);
    report.changes = identified.changes;
    // Notes often share an image: the writer dedupes and sorts the media.
    const pkg: DeckPackage = { notes: identified.packaged, media: notes.rendered.flatMap((note) => note.media) };
    summarize(report, pkg.notes);
    if (options.keepNotes) report.built = pkg.notes;
    // The preview shows the build's diagnostics beside the cards; notes.rendered is in the package's order.
    const preview = { title: paths.name, notes: (options.formats ?? DEFAULT_FORMATS).includes('html') ? notes.rendered : [], diagnostics: report.diagnostics };
    // The packaged notes share the compiled notes' fields; the rest of those (identities, text, positions) was a
    // third of the heap while a 100k build wrote its decks.
    notes.rendered = [];
    const outputs = await renderOutputs(pkg, options.formats ?? DEFAULT_FORMATS, paths.outDir, paths.name, { tsvHtml: options.tsvHtml, preview }, cache);
    const listed = ({ format, path }: { format: OutputFormat; path: string }) => ({ format, path: show(path) });
    if (options.check) report.upToDate = outputs.every(({ path, bytes }) => sameBytes(path, bytes));
    if (!writes) {
      report.outputs = outputs.map(listed);
      return report.upToDate === false ? 'stale' : 'built';
    }
    // Decks first, the lock last: a build that stops in between leaves the lock the decks were identified with.
    const writing = [
      // A deck on disk that is already these bytes is left alone (its mtime too: nothing to re-import).
      ...outputs.map((output) => ({ path: output.path, output, write: () => {
        if (!output.reused) writeFileAtomic(output.path, output.bytes);
      } })),
      { path: lockPath, output: null, write: () => writeLock(lockPath, identified.lock) },
    ];
    for (const { path, output, write } of writing) {
      const problem = tryWrite(path, write, show);
      if (problem) {
        report.diagnostics.push(problem);
        return 'unusable';
      }
      // Only what was written is reported as written.
      if (output) report.outputs.push(listed(output));
    }
    if (record && cache) {
      recordBuild(cache.dir, {
        ...record,
        lockPath,
        lock: identified.lock,
        removedInFile: () => readLock(lockPath, show(lockPath)).lock?.removed ?? null,
        outputs,
        notesDir: paths.notesDir,
        report: { ...report, diagnostics: [...inputDiagnostics, ...identified.diagnostics] },
        identifyDiagnostics: identified.diagnostics,
      });
    }
    return 'built';
  };
  try {
    // Only a build that writes needs the lock file to itself.
    return await (writes ? withBuildLock(lockPath, run, { displayPath: show(lockPath) }) : run());
  } catch (error) {
    // run() reports its own write errors; a file-system error here is taking the build lock (a read-only notes folder).
    if (error instanceof BuildLockBusyError) report.diagnostics.push(error.diagnostic);
    else if (isFileSystemError(error)) report.diagnostics.push(writeFailed(error.path ?? lockPath, error, show));
    else throw error;
    return 'unusable';
  }
}

/**
 * One package and one CSV per build, named after the notes folder: a single
 * File → Import brings in every deck, and Anki matches notes by GUID, so
 * re-importing the whole file is always safe (docs/decisions.md).
 */
async function renderOutputs(pkg: DeckPackage, formats: readonly OutputFormat[], outDir: string, name: string, options: WriteOptions, cache: CompileCache | null) {
  const outputs: { format: OutputFormat; path: string; bytes: Uint8Array | string; reused: boolean }[] = [];
  // Every output's cache key starts from the same package: it is hashed once.
  const digest = cache ? packageDigest(pkg) : '';
  for (const format of OUTPUT_FORMATS.filter((known) => formats.includes(known))) {
    const path = outputPath({ outDir, name }, format);
    // The writer's options are part of what the bytes depend on.
    const variant = format === 'tsv' && options.tsvHtml ? 'tsv-html' : format;
    // The preview also shows diagnostics and source lines, which the package does not hold: it is always written anew.
    const reusable = format === 'html' ? null : cache;
    outputs.push({ format, path, ...(await reuseOrWrite(reusable, variant, digest, path, async () => utf8(await WRITERS[format](pkg, options)))) });
  }
  return outputs;
}

/**
 * A text output as the bytes written: converted once, so the text (tens of MB at 100k notes) is not held while
 * the other outputs are written, and digests and writes do not each convert it again.
 */
function utf8(output: Uint8Array | string): Uint8Array {
  return typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
}

/**
 * The bytes on disk when they are what this very package built last time
 * (the cache keeps their digest): a rebuild with nothing changed skips the
 * writer, which dominates it. Outputs are a function of the package and
 * deckgen, so the bytes are the ones the writer would give.
 */
async function reuseOrWrite(cache: CompileCache | null, format: string, digest: string, path: string, write: () => Promise<Uint8Array | string>): Promise<{ bytes: Uint8Array | string; reused: boolean }> {
  if (!cache) return { bytes: await write(), reused: false };
  const key = cache.outputKey(format, digest);
  const reused = cache.loadOutput(key, path);
  if (reused) return { bytes: reused, reused: true };
  const bytes = await write();
  cache.storeOutput(key, bytes);
  return { bytes, reused: false };
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
  return { cards: 0, notes: 0, decks: [], outputs: [], diagnostics: [], changes: null, upToDate: null, files: { total: 0, cached: 0, threads: 0 }, sources: [], config: null, exitCode: 0 };
}

/**
 * The one place exit codes are decided: 2 when the build could not run or
 * write (usage, configuration, lock file, disk); else 1 for an error
 * diagnostic, a warning under --strict, or stale decks under --check; else 0.
 */
function finish(report: BuildReport, outcome: Outcome, options: BuildOptions): BuildReport {
  report.diagnostics = sortDiagnostics(report.diagnostics);
  const failing = report.diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  report.exitCode = outcome === 'unusable' ? 2 : failing || outcome === 'stale' ? 1 : 0;
  return report;
}
