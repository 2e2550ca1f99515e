/** The CLI's contract: flags, exit codes and where output goes. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace, type CliResult } from './helpers/cli.js';
import { runCliAsync } from './helpers/edit.js';

interface JsonReport {
  notes: number;
  outputs: unknown[];
  diagnostics: { file: string; line: number | null; column: number | null; severity: string; rule: string; message: string }[];
}

/** stdout must be exactly one JSON document, whatever went wrong; stderr never holds a stack trace. */
function jsonReport(result: CliResult): JsonReport {
  expect(result.stdout.trim().startsWith('{'), result.stdout).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
  return JSON.parse(result.stdout) as JsonReport;
}

describe('deckgen CLI', () => {
  it('documents every flag in --help', () => {
    const { status, stdout } = runCli(['--help'], workspace());
    expect(status).toBe(0);
    for (const flag of ['--notes', '--out', '--format', '--strict', '--json', '--dry-run', '--check', '--lock']) expect(stdout).toContain(flag);
    expect(stdout).toMatch(/Exit codes/);
  });

  it.each([
    ['an unknown flag', ['--nope']],
    ['an unknown format', ['--format', 'pdf']],
  ])('exits 2 on %s, with one JSON report (rule usage) under --json', (_what, args) => {
    const result = runCli(['--json', ...args], workspace({ 'a.md': '- a : b' }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/deckgen: /);
    const report = jsonReport(result);
    expect(report.diagnostics).toEqual([{ file: '', line: null, column: null, severity: 'error', rule: 'usage', message: expect.any(String) }]);
    expect(report).toMatchObject({ notes: 0, outputs: [] });
  });

  it('exits 2 when the notes folder does not exist, with one JSON report under --json', () => {
    const dir = workspace();
    const result = runCli(['--json', '--notes', 'missing'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`missing  error  Notes folder not found: ${join(dir, 'missing')} does not exist. Give the folder (or .md file) of your notes: deckgen path/to/notes  notes-missing`);
    expect(jsonReport(result).diagnostics).toEqual([expect.objectContaining({ file: 'missing', rule: 'notes-missing', severity: 'error' })]);
  });

  // Each spawns the CLI; run side by side so the file stays fast.
  it.concurrent('says the notes are neither a folder nor a markdown file when they name another file', async ({ expect }) => {
    const dir = workspace({ 'a.txt': '- a : b' });
    const result = await runCliAsync(['--notes', 'notes/a.txt'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`notes/a.txt  error  ${join(dir, 'notes/a.txt')} is neither a folder nor a markdown (.md) file`);
  });

  it.concurrent.for(['--notes', '--out', '--lock', '--format'])('exits 2 when %s is given no value, instead of using the default', async (flag, { expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b' });
    const result = await runCliAsync([flag, '--json'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`deckgen: Not enough arguments following: ${flag.slice(2)}`);
    expect(jsonReport(result).diagnostics).toEqual([expect.objectContaining({ rule: 'usage', message: `Not enough arguments following: ${flag.slice(2)}` })]);
    expect(existsSync(join(dir, 'decks'))).toBe(false);
  });

  it.concurrent('reports --out naming an existing file as write-failed, exit 2, in one JSON report', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b' });
    writeFileSync(join(dir, 'decks'), 'not a folder');
    const result = await runCliAsync(['--json', '--out', 'decks'], dir);
    expect(result.status).toBe(2);
    const report = jsonReport(result);
    const failed = report.diagnostics.filter((d) => d.severity === 'error');
    expect(failed).toEqual([expect.objectContaining({ file: 'decks/notes.apkg', line: null, column: null, rule: 'write-failed' })]);
    expect(failed[0].message).toBe('Cannot write this file: decks is a file, not a folder (EEXIST)');
    expect(result.stderr).toContain('decks/notes.apkg  error  Cannot write this file');
    expect(report.outputs).toEqual([]); // nothing was written, so nothing is listed as written
    expect(result.stderr).not.toContain('Wrote');
    // The lock is written after the decks: a build that wrote no deck leaves no lock behind.
    expect(readdirSync(join(dir, 'notes'))).toEqual(['a.md']);
  });

  it.concurrent('reports a lock file it cannot create as write-failed, exit 2, without a stack trace', async ({ expect }) => {
    // Root ignores file permissions, so a file standing where the lock's folder should be stands in for a read-only folder.
    const dir = workspace({ 'a.md': '# A\n- a : b' });
    mkdirSync(join(dir, 'state'));
    writeFileSync(join(dir, 'state', 'locks'), 'a file');
    const result = await runCliAsync(['--json', '--lock', 'state/locks/deckgen.lock.json'], dir);
    expect(result.status).toBe(2);
    const failed = jsonReport(result).diagnostics.filter((d) => d.severity === 'error');
    expect(failed).toEqual([expect.objectContaining({ rule: 'write-failed', file: 'state/locks', message: 'Cannot write this file: state/locks is a file, not a folder (EEXIST)' })]);
  });

  it('writes only the formats asked for', () => {
    const dir = workspace({ 'a.md': '# A\n- a : b' });
    expect(runCli(['--format', 'csv', '--out', 'out'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'out', 'notes.csv'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'notes.apkg'))).toBe(false);
  });

  it('passes with warnings, fails with --strict', () => {
    const dir = workspace({ 'a.md': '# A\n- a : b\n-\n' });
    expect(runCli([], dir).status).toBe(0);
    const strict = runCli(['--strict'], dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('notes/a.md:3:1  warning  Empty bullet  empty-bullet');
  });

  it('prints a short human summary without --json', () => {
    const { status, stdout } = runCli([], workspace({ 'a.md': '# A\n- a : b\n- c : d' }));
    expect(status).toBe(0);
    expect(stdout).toContain('1 deck, 2 notes, 2 cards; 0 errors, 0 warnings, 0 infos');
    expect(stdout).toContain('Wrote decks/notes.apkg');
  });
});
