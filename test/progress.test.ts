/**
 * The progress line (issue 9): on a terminal, for a build longer than a
 * second, `compiled N/M files (K cached)` on stderr; never into a pipe, never
 * with --json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, seedNotes, workspace } from './helpers/cli.js';

const dir = workspace();
// Enough notes that compiling them takes well over a second, below the size that starts worker threads.
for (let i = 0; i < 70; i++) cpSync(seedNotes, join(dir, 'notes', `copy-${String(i).padStart(2, '0')}.md`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasScript = spawnSync('script', ['--version']).status === 0;
const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as in a user's shell; returns what the terminal showed. */
function onTerminal(args: string): string {
  const command = `${JSON.stringify(process.execPath)} --import ${loader} ${join(projectRoot, 'src/bin/deckgen.ts')} --no-cache ${args}`;
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
}

describe('progress line', () => {
  it('is not written into a pipe', () => {
    const run = runCli(['--no-cache', '--dry-run'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('compiled ');
  });

  it.skipIf(!hasScript)('shows files compiled / total on a terminal, then clears itself', () => {
    const shown = onTerminal('--dry-run');
    expect(shown).toMatch(/\r\x1b\[Kcompiled \d+\/70 files \(0 cached\)/);
    // Erased after its last redraw, before the report is printed.
    expect(shown.lastIndexOf('\r\x1b[K')).toBeGreaterThan(shown.lastIndexOf('compiled '));
    expect(shown).toContain('Would write');
  });

  it.skipIf(!hasScript)('stays off with --json, even on a terminal', () => {
    expect(onTerminal('--dry-run --json')).not.toContain('compiled ');
  });
});
