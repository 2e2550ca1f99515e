/**
 * Read stage: find the notes and decode them. Bytes that are not UTF-8 text
 * become diagnostics here, so later stages only ever see clean strings.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../model.js';

/** A line this long is pasted data (base64, minified JSON), not a note; parsing it would stall the build. */
export const MAX_LINE_LENGTH = 20_000;

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Every `*.md` under the folder, sorted so builds do not depend on directory
 * order. A file reached through symlinks (a link to `..` would read every note
 * again, in new decks) is listed once, under its real path; a link leading
 * out of the folder is listed as is, so reading it reports it. `skip` adds
 * folders (globs relative to the notes folder) that hold no notes, such as a
 * vault's templates (read/vault.ts). Dot folders (`.obsidian/`, `.trash/`) are
 * always skipped.
 */
export function findNoteFiles(notesDir: string, skip: readonly string[] = []): string[] {
  const root = realPath(notesDir);
  const canonical = (path: string) => {
    const real = realPath(path);
    return isInside(root, real) ? join(notesDir, relative(root, real)) : path;
  };
  const paths = globSync('**/*.md', { cwd: notesDir, absolute: true, ignore: ['**/node_modules/**', '**/.*/**', ...skip] }).map(canonical);
  return [...new Set(paths.map((path) => toPosix(relative(notesDir, path))))].sort().map((rel) => join(notesDir, rel));
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
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) {
    return { diagnostic: diagnostic(displayPath, null, 'error', 'file-binary', 'This is a binary file, not markdown text; it was skipped') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
    return {
      diagnostic: diagnostic(
        displayPath,
        { line, column },
        'error',
        'file-encoding',
        'This file is not UTF-8 (re-save it as UTF-8); it was skipped',
      ),
    };
  }
}

/** Byte offset of the first byte that does not decode, so the diagnostic can point at it. */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest decodable prefix; a prefix may end mid-character, so allow 3 bytes of slack.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
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
