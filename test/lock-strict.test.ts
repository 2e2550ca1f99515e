/**
 * Issue 12: the lock file is decoded strictly, and it may not sit where a
 * build writes or reads notes. Each case through the CLI: exit 2, the
 * diagnostic's place, and neither deck nor lock rewritten.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, workspace } from './helpers/cli.js';

interface Report {
  diagnostics: { file: string; line: number | null; column: number | null; rule: string; message: string }[];
}

const NOTES = '# JWT\n\n- 헤더 : 토큰의 타입\n- 페이로드 : 클레임\n';

describe('a corrupt lock file', () => {
  let dir: string;
  let lockPath: string;
  let good: Buffer;
  let deck: Buffer;

  beforeAll(() => {
    dir = workspace({ 'jwt.md': NOTES });
    expect(runCli([], dir, { SOURCE_DATE_EPOCH: '1700000000' }).status).toBe(0);
    lockPath = join(dir, 'notes', 'deckgen.lock.json');
    good = readFileSync(lockPath);
    deck = readFileSync(join(dir, 'decks', 'notes.apkg'));
  });

  /** Writes the lock, builds, and checks that nothing was rewritten. */
  function buildWith(lock: Buffer | string): Report['diagnostics'][number] {
    writeFileSync(lockPath, lock);
    const result = runCli(['--json'], dir, { SOURCE_DATE_EPOCH: '1700000100' });
    expect(result.status, result.stderr).toBe(2);
    expect(readFileSync(lockPath).equals(Buffer.from(lock))).toBe(true);
    expect(readFileSync(join(dir, 'decks', 'notes.apkg')).equals(deck)).toBe(true);
    const { diagnostics } = JSON.parse(result.stdout) as Report;
    expect(diagnostics.map((d) => d.rule)).toEqual(['lock-invalid']);
    return diagnostics[0];
  }

  // Version 3: the first file group's first note is a list, its GUID first (line 3).
  const guid = () => (JSON.parse(good.toString()) as { files: { notes: string[][] }[] }).files[0].notes[0][0];
  const withGuid = (replacement: string) => good.toString().replace(JSON.stringify(guid()), JSON.stringify(replacement));

  it('one \\xff byte inside a GUID: not UTF-8, at its line and column', () => {
    const text = good.toString();
    const at = Buffer.byteLength(text.slice(0, text.indexOf(guid()) + 2));
    const corrupt = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at + 1)]);
    const problem = buildWith(corrupt);
    expect([problem.line, problem.column]).toEqual([3, text.split('\n')[2].indexOf(guid()) + 3]);
    expect(problem.message).toContain('not UTF-8');
  });

  it.each([
    ['a tab', `a\tb`],
    ['a newline', `a\nb`],
    ['\\x1f, Anki\'s field separator', `a\x1fb`],
    ['100,000 characters', 'a'.repeat(100_000)],
    ['a character outside Anki\'s base91', 'aé'],
  ])('a GUID with %s', (_name, value) => {
    const problem = buildWith(withGuid(value));
    expect([problem.line, problem.column]).toEqual([3, 2]);
    expect(problem.message).toMatch(/"guid"/);
  });

  it.each([['created', 0, 2], ['mod', -5, 3]])('"%s": %d', (field, value, line) => {
    // `created` is the file group's (line 2); `mod` is written in a note's trailing object only when it differs from `created`.
    const text = field === 'mod' ? good.toString().replace(/,0\],\n/, `,0,{"mod":${value}}],\n`) : good.toString().replace(new RegExp(`"${field}":\\d+`), `"${field}":${value}`);
    const problem = buildWith(text);
    expect(problem.line).toBe(line);
    expect(problem.column).toBe(text.split('\n')[line - 1].indexOf(`"${field}":`) + 1);
    expect(problem.message).toContain(`"${field}" must be a whole, positive number of seconds`);
  });

  it('a control character in a question', () => {
    const line = good.toString().split('\n')[2];
    const problem = buildWith(good.toString().replace(line, line.replace(/^(\["[^"]*",")/, '$1\\u0000')));
    expect(problem.message).toContain('"question" holds a control character');
    expect([problem.line, problem.column]).toEqual([3, line.indexOf('","') + 3]);
  });
});

describe('where the lock file may be', () => {
  it.each([
    ['the deck', 'decks/notes.apkg', 'names a deck this build writes'],
    ['the CSV', 'decks/notes.csv', 'names a deck this build writes'],
    ['a note', 'notes/x.md', 'names a markdown file'],
    ['inside the output folder', 'decks/deckgen.lock.json', 'inside the --out folder'],
    ['a folder', 'notes', 'is a folder'],
  ])('not %s (%s)', (_name, path, message) => {
    const dir = workspace({ 'jwt.md': NOTES, 'x.md': '# X\n\n- a : b\n' });
    expect(runCli([], dir, { SOURCE_DATE_EPOCH: '1700000000' }).status).toBe(0);
    const before = { deck: readFileSync(join(dir, 'decks', 'notes.apkg')), note: readFileSync(join(dir, 'notes', 'x.md')) };
    const result = runCli(['--json', '--lock', path], dir, { SOURCE_DATE_EPOCH: '1700000100' });
    expect(result.status).toBe(2);
    const { diagnostics } = JSON.parse(result.stdout) as Report;
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([[path, 'lock-path-invalid']]);
    expect(diagnostics[0].message).toContain(message);
    expect(readFileSync(join(dir, 'decks', 'notes.apkg')).equals(before.deck)).toBe(true);
    expect(readFileSync(join(dir, 'notes', 'x.md')).equals(before.note)).toBe(true);
  });
});
