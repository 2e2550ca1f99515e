/**
 * Issue 9's size line, at a size the suite can afford: the lock of the benchmark's generated notes is no larger
 * than the .apkg built from them (at 100k bullets: docs/decisions.md, "The lock file, version 3"), and a note costs
 * about a hundred bytes of it (version 2: about three hundred).
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNotes } from '../bench/gen-notes.js';
import { build } from '../src/lib/build.js';

describe('the lock file of generated notes', () => {
  it('is no larger than the .apkg, at most 110 bytes a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-lock-size-'));
    writeNotes(join(dir, 'notes'), { bullets: 3000, files: 3 });
    const lockPath = join(dir, 'deckgen.lock.json');
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), lockPath, cache: false, now: 1_700_000_000 });
    expect(report.exitCode).toBe(0);
    expect(report.notes).toBe(3000);
    const apkg = readdirSync(join(dir, 'decks')).find((name) => name.endsWith('.apkg'))!;
    const lockBytes = statSync(lockPath).size;
    expect(lockBytes).toBeLessThanOrEqual(statSync(join(dir, 'decks', apkg)).size);
    expect(lockBytes / report.notes).toBeLessThanOrEqual(110);
  }, 120_000);
});
