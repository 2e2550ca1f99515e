/**
 * Read stage: find the notes and decode them. Bytes that are not UTF-8 text
 * become diagnostics here, so later stages only ever see clean strings.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import ignore from 'ignore';
import { isAbsolute, join, relative, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { NOTE_EXTENSION, type SourceFile } from '../model.js';
import { decodeUtf8, placeOfByte } from '../utf8.js';

/** A line this long is pasted data (base64, minified JSON), not a note; parsing it would stall the build. */
export const MAX_LINE_LENGTH = 20_000;

const toPosix = (path: string) => path.split(sep).join('/');

const IGNORED = ['**/node_modules/**', '**/.*/**'];

/**
 * Every `*.md` under the folder, sorted so builds do not depend on directory
 * order. A file reached through symlinks (a link to `..` would read every note
 * again, in new decks) is listed once, under its real path; a link leading
 * out of the folder is listed as is, so reading it reports it. `skip` adds
 * folders (globs relative to the notes folder) that hold no notes, such as a
 * vault's templates (read/vault.ts). Dot folders (`.obsidian/`, `.trash/`) are
 * always skipped. `select` narrows the list further: the config's include and
 * exclude globs and the notes folder's `.gitignore` (read/config.ts).
 */
export function findNoteFiles(notesDir: string, skip: readonly string[] = [], select: NoteSelection = {}): string[] {
  const root = realPath(notesDir);
  const canonical = (path: string) => {
    const real = realPath(path);
    return isInside(root, real) ? join(notesDir, relative(root, real)) : path;
  };
  // `.MD` and `.markdown` are markdown too: skipping them would lose their cards without a word.
  const paths = globSync(select.include ?? '**/*.{md,markdown}', {
    cwd: notesDir,
    absolute: true,
    caseSensitiveMatch: false,
    ignore: [...IGNORED, ...skip, ...(select.exclude ?? [])],
  }).map(canonical);
  const ignored = select.gitignore === false ? () => false : gitignored(notesDir);
  const notes = new Set(paths.map((path) => toPosix(relative(notesDir, path))).filter((rel) => NOTE_EXTENSION.test(rel) && !ignored(rel)));
  return [...notes].sort().map((rel) => join(notesDir, rel));
}

export interface NoteSelection {
  /** Globs relative to the notes folder; default every markdown file. Only markdown files are notes whatever they match. */
  include?: readonly string[];
  /** Globs relative to the notes folder. */
  exclude?: readonly string[];
  /** Honour `<notesDir>/.gitignore` (default true). */
  gitignore?: boolean;
}

/**
 * The notes folder's own `.gitignore` (not those of parent or sub folders):
 * drafts and generated files kept out of the notes repository stay out of the decks.
 */
function gitignored(notesDir: string): (relativePath: string) => boolean {
  let rules: string;
  try {
    rules = readFileSync(join(notesDir, '.gitignore'), 'utf8');
  } catch {
    return () => false; // none (or unreadable, like a folder git itself could not read it from)
  }
  const matcher = ignore().add(rules);
  return (relativePath) => matcher.ignores(relativePath);
}

/**
 * What the glob passes over without a word: folders it cannot list (their
 * notes are unknown this build, not deleted) and `.md` links to nothing. The
 * notes folder itself unlistable is reported as `''`.
 */
export function findUnlisted(notesDir: string, cwd = process.cwd()): { folders: string[]; files: string[]; diagnostics: Diagnostic[] } {
  const found = { folders: [] as string[], files: [] as string[], diagnostics: [] as Diagnostic[] };
  const pending = [notesDir];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      found.folders.push(toPosix(relative(notesDir, folder)));
      found.diagnostics.push(diagnostic(toPosix(relative(cwd, folder)) || '.', null, 'error', 'folder-unreadable', `Cannot list this folder (${code}); its notes keep their lock entries until it can be read`));
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(path);
      if (entry.isSymbolicLink() && NOTE_EXTENSION.test(entry.name) && !existsSync(path)) {
        found.files.push(toPosix(relative(notesDir, path)));
        found.diagnostics.push(diagnostic(toPosix(relative(cwd, path)), null, 'error', 'file-unreadable', 'This note is a link to a file that does not exist; its notes keep their lock entries'));
      }
    }
  }
  return found;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // a dangling link: reading it reports the problem
  }
}

export interface ReadResult {
  file: SourceFile | null;
  diagnostics: Diagnostic[];
}

export function readNoteFile(absolutePath: string, notesDir: string, cwd = process.cwd()): ReadResult {
  const displayPath = toPosix(relative(cwd, absolutePath)) || absolutePath;
  const relativePath = toPosix(relative(notesDir, absolutePath));
  let bytes: Buffer;
  try {
    // A symlinked note may point anywhere; like images, notes outside the folder are never read.
    if (!isInside(realPath(notesDir), realPath(absolutePath))) {
      return fail(displayPath, null, 'file-outside-notes', 'This file is a link to a place outside the notes folder; it was not read');
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail(displayPath, null, 'file-unreadable', `Cannot read this file (${reason})`);
  }
  const decoded = decode(bytes, displayPath);
  if ('diagnostic' in decoded) return { file: null, diagnostics: [decoded.diagnostic] };
  const { text, diagnostics } = blankOverlongLines(normalize(decoded.text), displayPath);
  return { file: { absolutePath, displayPath, relativePath, text }, diagnostics };
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function fail(file: string, place: { line: number; column: number } | null, rule: string, message: string): ReadResult {
  return { file: null, diagnostics: [diagnostic(file, place, 'error', rule, message)] };
}

function decode(bytes: Buffer, displayPath: string): { text: string } | { diagnostic: Diagnostic } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostic: diagnostic(displayPath, { line: 1, column: 1 }, 'error', 'file-encoding', 'This file is UTF-16 ("Unicode" in Windows editors), not UTF-8 (re-save it as UTF-8); it was skipped') };
  }
  // Anywhere in the file, not only near the start: a NUL is never text, and Anki would cut the field there.
  if (bytes.includes(0)) {
    return { diagnostic: diagnostic(displayPath, null, 'error', 'file-binary', 'This is a binary file, not markdown text; it was skipped') };
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded;
  return {
    diagnostic: diagnostic(displayPath, placeOfByte(bytes, decoded.offset), 'error', 'file-encoding', 'This file is not UTF-8 (re-save it as UTF-8); it was skipped'),
  };
}

/** BOM and CR never reach a card: Anki shows them as stray characters. */
function normalize(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function blankOverlongLines(text: string, displayPath: string): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (text.length <= MAX_LINE_LENGTH) return { text, diagnostics };
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.length <= MAX_LINE_LENGTH) return;
    diagnostics.push(
      diagnostic(
        displayPath,
        { line: index + 1, column: 1 },
        'error',
        'line-too-long',
        `This line is ${line.length.toLocaleString('en')} characters long (limit ${MAX_LINE_LENGTH.toLocaleString('en')}); it looks like pasted data and was left out`,
      ),
    );
    // Blank it rather than drop it, so every other line keeps its line number.
    lines[index] = '';
  });
  return { text: diagnostics.length ? lines.join('\n') : text, diagnostics };
}
