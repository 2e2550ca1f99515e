/** The notes folder's settings: deckgen.config.json / .deckgenrc, include/exclude globs, .gitignore; flags win. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { runCliAsync } from './helpers/edit.js';

interface Report {
  notes: number;
  outputs: { format: string; path: string }[];
  diagnostics: { file: string; line: number | null; rule: string; message: string; severity: string }[];
}

/** The Front column of every note in an Anki CSV written by deckgen. */
function fronts(csvPath: string): string[] {
  const rows = parse(readFileSync(csvPath, 'utf8'), { delimiter: '\t', comment: '#', relaxQuotes: true }) as string[][];
  return rows.map((row) => row[3]).sort();
}

const notes = {
  'kept.md': '# Kept\n- kept term : kept definition',
  'drafts/idea.md': '# Draft\n- draft term : not ready',
  'private/diary.md': '# Diary\n- diary term : private',
  '.gitignore': 'drafts/\n',
};

describe.concurrent('notes folder config', () => {
  it('neither a .gitignored draft nor a config exclude makes cards; --no-gitignore brings the draft back', async ({ expect }) => {
    const dir = workspace({ ...notes, 'deckgen.config.json': JSON.stringify({ exclude: ['private/**'], format: ['csv'] }) });
    const result = await runCliAsync(['--json'], dir);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.outputs.map((output) => output.path)).toEqual(['decks/notes.csv']); // the config's format
    expect(fronts(join(dir, 'decks', 'notes.csv'))).toEqual(['kept term']);
    const all = await runCliAsync(['--no-gitignore'], dir);
    expect(all.status, all.stderr).toBe(0);
    expect(fronts(join(dir, 'decks', 'notes.csv'))).toEqual(['draft term', 'kept term']);
  });

  it('reads include globs and settings from .deckgenrc; flags win over them', async ({ expect }) => {
    const dir = workspace({ ...notes, '.deckgenrc': JSON.stringify({ include: ['private/*.md', 'kept.md'], format: 'csv', out: '../built', strict: true }) });
    writeFileSync(join(dir, 'notes', 'kept.md'), '# Kept\n- kept term : kept definition\n-\n'); // a warning: fails under the config's strict
    const fromConfig = await runCliAsync(['--json'], dir);
    expect(fromConfig.status).toBe(1);
    expect((JSON.parse(fromConfig.stdout) as Report).outputs.map((output) => output.path)).toEqual(['built/notes.csv']); // out is relative to the notes folder
    expect(fronts(join(dir, 'built', 'notes.csv'))).toEqual(['diary term', 'kept term']);
    const flags = await runCliAsync(['--verbose', '--no-strict', '--out', 'elsewhere', '--format', 'apkg'], dir, { NO_COLOR: '1' });
    expect(flags.status, flags.stderr).toBe(0);
    expect(flags.stdout).toContain('Settings from notes/.deckgenrc\nWrote elsewhere/notes.apkg\n');
  });

  it('reports an invalid config as config-invalid with the key and its line, exit 2, nothing written', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b', 'deckgen.config.json': '{\n  "format": ["apkg"],\n  "exclude": "drafts/**",\n  "colour": true\n}\n' });
    const result = await runCliAsync(['--json'], dir);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: 'notes/deckgen.config.json', line: 3, rule: 'config-invalid', severity: 'error', message: '"exclude" must be a list of globs, e.g. ["drafts/**"]' }),
      expect.objectContaining({ file: 'notes/deckgen.config.json', line: 4, rule: 'config-invalid', message: expect.stringMatching(/^"colour" is not a setting \(known: include, exclude, out/) }),
    ]);
    expect(report.outputs).toEqual([]);
    expect(result.stderr).toContain('notes/deckgen.config.json:3:3  error  "exclude" must be a list of globs');
  });

  it('reports a config that is not JSON with its line', async ({ expect }) => {
    const dir = workspace({ 'a.md': '# A\n- a : b', 'deckgen.config.json': '{\n  "strict": true,\n}\n' });
    const result = await runCliAsync(['--json'], dir);
    expect(result.status).toBe(2);
    expect((JSON.parse(result.stdout) as Report).diagnostics).toEqual([expect.objectContaining({ rule: 'config-invalid', line: 3, message: expect.stringMatching(/^Not valid JSON/) })]);
  });
});
