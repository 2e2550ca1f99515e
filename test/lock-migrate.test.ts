/**
 * Older locks are read and rewritten as version 3 without losing a GUID (issue 9 item 6). The fixture is the
 * user's own lock as committed in version 2 (test/fixtures/lock-v2: notes/deckgen.lock.json and the notes it
 * was built from): the build with it must give every note the GUID, note id and `mod` that lock gave, and
 * find nothing to update.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLock } from '../src/lib/identify/index.js';
import { readApkg } from './helpers/anki.js';
import { projectRoot, runCli, workspace } from './helpers/cli.js';

const fixture = join(projectRoot, 'test', 'fixtures', 'lock-v2');

interface V2Entry {
  guid: string;
  created: number;
  mod?: number;
  nid?: number;
}

describe('a version 2 lock (the seed notes, as committed before version 3)', () => {
  it('migrates with every GUID, note id and mod kept, and nothing to update', async () => {
    const dir = workspace();
    cpSync(join(fixture, 'notes'), join(dir, 'notes'), { recursive: true });
    const lockPath = join(dir, 'notes', 'deckgen.lock.json');
    const v2 = JSON.parse(readFileSync(lockPath, 'utf8')) as { version: number; notes: V2Entry[] };
    expect(v2.version).toBe(2);
    const expected = v2.notes.map((entry) => ({ guid: entry.guid, id: entry.nid ?? entry.created * 1000, mod: entry.mod ?? entry.created }));
    expect(expected).toHaveLength(34);

    const result = runCli(['--json'], dir, { SOURCE_DATE_EPOCH: '1800000000' });
    expect(result.status, result.stderr).toBe(0);
    const { changes } = JSON.parse(result.stdout) as { changes: { added: unknown[]; updated: unknown[]; removed: unknown[]; unchanged: number } };
    expect(changes).toMatchObject({ added: [], updated: [], removed: [], unchanged: 34 });

    const deck = await readApkg(join(dir, 'decks', 'notes.apkg'));
    const byGuid = (list: { guid: string }[]) => [...list].sort((a, b) => (a.guid < b.guid ? -1 : 1));
    expect(byGuid(deck.notes.map(({ guid, id, mod }) => ({ guid, id, mod })))).toEqual(byGuid(expected));

    const text = readFileSync(lockPath, 'utf8');
    expect(text.split('\n')[0]).toBe('{"version":3,"files":[');
    const lock = parseLock(text, 'lock').lock!;
    expect(lock.notes.map(({ guid, nid, mod }) => ({ guid, id: nid, mod }))).toEqual(expected);
    // Same order, a third of the size.
    expect(Buffer.byteLength(text)).toBeLessThan(readFileSync(join(fixture, 'notes', 'deckgen.lock.json')).length / 2);
  });
});
