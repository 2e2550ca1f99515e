/** `deckgen [NOTES]`: the notes as an argument (a folder or one file), --version, --quiet/--verbose, colour, suggestions. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { projectRoot, workspace } from './helpers/cli.js';
import { runCliAsync } from './helpers/edit.js';

const ESC = '\x1b[';
// Spawned CLIs: NO_COLOR and FORCE_COLOR of the machine running the suite must not decide what is tested.
const noColorEnv = { NO_COLOR: '', FORCE_COLOR: '' };

describe.concurrent('deckgen [NOTES]', () => {
  it('builds the folder given as an argument, relative to the current folder', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b' });
    const result = await runCliAsync(['notes', '--format', 'csv'], dir, noColorEnv);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Wrote decks/notes.csv');
  });

  it('builds one .md file: its folder is the notes folder, decks and lock are named after the file, the other notes are not read', async ({ expect }) => {
    const dir = workspace({ 'jwt.md': '# JWT\n- 헤더 : 토큰 종류', 'other.md': '# Other\n- x : y', 'sub/inner.md': '# In\n- p : q' });
    const result = await runCliAsync(['notes/jwt.md', '--json'], dir, noColorEnv);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { notes: number; decks: { name: string }[]; outputs: { path: string }[] };
    expect(report.notes).toBe(1);
    expect(report.decks.map((deck) => deck.name)).toEqual(['jwt']);
    expect(report.outputs.map((output) => output.path)).toEqual(['decks/jwt.apkg', 'decks/jwt.csv']);
    expect(readdirSync(join(dir, 'notes')).sort()).toEqual(['jwt.deckgen.lock.json', 'jwt.md', 'other.md', 'sub']);
    expect(readFileSync(join(dir, 'decks', 'jwt.csv'), 'utf8')).toContain('헤더');
    expect(readFileSync(join(dir, 'decks', 'jwt.csv'), 'utf8')).not.toContain('Other');
  });

  it('refuses the notes given twice (NOTES and --notes)', async ({ expect }) => {
    const result = await runCliAsync(['notes', '--notes', 'other'], workspace({ 'a.md': '# A\n- a : b' }), noColorEnv);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('deckgen: The notes are given twice (NOTES and --notes); give them once');
  });

  it('names the absolute path it looked for and how to give one when there is no notes folder, exit 2', async ({ expect }) => {
    const dir = workspace();
    const result = await runCliAsync([], join(dir, 'notes'), noColorEnv);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Notes folder not found: ${join(dir, 'notes', 'notes')} does not exist. Give the folder (or .md file) of your notes: deckgen path/to/notes`);
  });

  it('prints the version of package.json', async ({ expect }) => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCliAsync(['--version'], workspace());
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('suggests the option meant by a misspelt one', async ({ expect }) => {
    const result = await runCliAsync(['--formt', 'csv', '--verbos'], workspace({ 'a.md': '# A\n- a : b' }), noColorEnv);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('deckgen: Unknown arguments: formt, verbos (--formt: did you mean --format?; --verbos: did you mean --verbose?)');
  });

  it('--quiet prints only diagnostics; --verbose lists every deck and file', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b\n-\n', 'b.md': '# B\n- c : d' });
    const quiet = await runCliAsync(['--quiet'], dir, noColorEnv);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('notes/a.md:3:1  warning  Empty bullet  empty-bullet\n');
    const verbose = await runCliAsync(['--verbose'], dir, noColorEnv);
    expect(verbose.stdout).toContain('  a: 1 note, 1 card\n  b: 1 note, 1 card\n  notes/a.md: 1 note\n  notes/b.md: 1 note\n');
    expect((await runCliAsync(['-q', '-v'], dir, noColorEnv)).status).toBe(2);
  });

  it('keeps the default summary short for many decks: no line per deck or file', async ({ expect }) => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`deck${i}.md`, `# T${i}\n- term${i} : definition ${i}`]));
    const result = await runCliAsync(['--format', 'csv'], workspace(files), noColorEnv);
    expect(result.status, result.stderr).toBe(0);
    // The change plan every build prints (one line on a first build), then the summary.
    expect(result.stdout.trim().split('\n')).toEqual([
      'First build: 30 notes, all new to deckgen (no lock file yet).',
      '',
      '30 decks, 30 notes, 30 cards; 0 errors, 0 warnings, 0 infos',
      '  (--verbose lists the decks)',
      'Wrote decks/notes.csv',
    ]);
  });

  it('colours for a terminal (FORCE_COLOR stands in for one), never under NO_COLOR, into a pipe or with --json', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b\n-\n' });
    const forced = await runCliAsync([], dir, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(forced.stderr).toContain(`${ESC}33mwarning${ESC}39m`);
    expect(forced.stdout).toContain(`${ESC}32mdecks/notes.apkg`);
    for (const [env, args] of [[{ NO_COLOR: '1', FORCE_COLOR: '1' }, []], [noColorEnv, []], [{ NO_COLOR: '', FORCE_COLOR: '1' }, ['--json']]] as const) {
      const result = await runCliAsync([...args], dir, env);
      expect(result.stdout + result.stderr).not.toContain(ESC);
    }
    expect(existsSync(join(dir, 'decks', 'notes.apkg'))).toBe(true);
  });
});
