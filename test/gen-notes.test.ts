/**
 * The benchmark's notes generator (bench/gen-notes.ts): the benchmark and the
 * killed-build test depend on it being deterministic and on every bullet it
 * writes becoming exactly one note.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNotes, writeNotes } from '../bench/gen-notes.js';
import { build } from '../src/lib/build.js';
import { projectRoot } from './helpers/cli.js';

describe('bench/gen-notes.ts', () => {
  it('gives the same bytes for the same options, and other bytes for another seed', () => {
    const once = generateNotes({ bullets: 500, files: 3 });
    expect(generateNotes({ bullets: 500, files: 3 })).toEqual(once);
    expect(generateNotes({ bullets: 500, files: 3, seed: 7 })).not.toEqual(once);
    expect(once.map((file) => file.name)).toEqual(['notes-0000.md', 'notes-0001.md', 'notes-0002.md']);
  });

  it('writes notes a build turns into exactly one card per bullet, without a diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-gen-'));
    writeNotes(join(dir, 'notes'), { bullets: 1234, files: 4 });
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), dryRun: true, now: 1_700_000_000 });
    expect(report.diagnostics).toEqual([]);
    expect(report.notes).toBe(1234);
    expect(report.cards).toBe(1234);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs as a command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-gen-'));
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    const out = join(dir, 'generated');
    execFileSync(tsx, [join(projectRoot, 'bench', 'gen-notes.ts'), '--bullets', '50', '--files', '2', '--out', out]);
    expect(readdirSync(out).sort()).toEqual(['notes-0000.md', 'notes-0001.md']);
    expect(readFileSync(join(out, 'notes-0000.md'), 'utf8')).toBe(generateNotes({ bullets: 50, files: 2 })[0].text);
    rmSync(dir, { recursive: true, force: true });
  });
});
