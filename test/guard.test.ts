/**
 * The per-file guard (compile/guard.ts): a bug that throws while one file is built
 * becomes an `internal-error` diagnostic for that file, the other files still
 * build, and the file's notes keep their lock entries. The bug is simulated:
 * extraction throws for one file, as a real bug in a rule would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/lib/build.js';
import { workspace } from './helpers/cli.js';

vi.mock('../src/lib/extract/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/lib/extract/index.js')>();
  return {
    ...real,
    // The build's options pass through: only the one file's extraction is replaced by a bug.
    extractNotes: (...args: Parameters<typeof real.extractNotes>) => {
      if (args[0].source.text.includes('TRIGGER-BUG')) throw new TypeError('simulated bug');
      return real.extractNotes(...args);
    },
  };
});

describe('an internal error in one file', () => {
  it('is a diagnostic for that file; the others build and its notes keep their GUIDs', async () => {
    const dir = workspace({ 'a.md': '# A\n\n- 헤더 : 타입\n', 'b.md': '# B\n\n- 페이로드 : 클레임\n' });
    const options = { notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), cwd: dir };
    await build({ ...options, now: 1_700_000_000 });
    const before = readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8');
    const file = join(dir, 'notes', 'b.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n<!-- TRIGGER-BUG -->\n`);
    const report = await build({ ...options, now: 1_700_000_100 });
    expect(report.diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([['notes/b.md', 'internal-error', 'error']]);
    expect(report.diagnostics[0].message).toContain('simulated bug');
    expect(report.exitCode).toBe(1);
    expect(report.notes).toBe(1);
    expect(report.changes?.removed).toEqual([]);
    expect(report.changes?.inFilesWithErrors).toHaveLength(1);
    expect(readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8')).toBe(before);
  });
});
