/** The CLI's contract: flags, exit codes and where output goes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from './helpers/cli.js';

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
  ])('exits 2 on %s', (_what, args) => {
    const result = runCli(args, workspace({ 'a.md': '- a : b' }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/deckgen: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the notes folder does not exist', () => {
    const result = runCli(['--notes', 'missing'], workspace());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing  error  Notes folder not found  notes-missing');
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
