/**
 * Every build says what the import will do, and removed notes are listed by every build until
 * `deckgen removed --clear` (issue 10 item 4), with one search that selects exactly them.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactFieldSearch, parseLock } from '../src/lib/identify/index.js';
import { readApkg } from './helpers/anki.js';
import { selects } from './helpers/anki-search.js';
import { runCli, seedWorkspace } from './helpers/cli.js';
import { replaceOnce } from './helpers/edit.js';

const T0 = 1_700_000_000;
const epoch = (seconds: number) => ({ SOURCE_DATE_EPOCH: String(seconds) });
const lockOf = (dir: string) => parseLock(readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8'), 'lock').lock!;
const searchLine = /One search selects (?:it|all \d+) in Anki's browser \(Browse, paste, Edit › Select All, Notes › Delete\): (\S+)/;

describe('removed notes', () => {
  it('are the ones of the lock the build uses: a config `lock` is read by `deckgen removed` too', () => {
    const dir = seedWorkspace();
    writeFileSync(join(dir, 'notes', 'deckgen.config.json'), '{ "lock": "locks/cards.json" }\n');
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    replaceOnce(join(dir, 'notes', 'interview.md'), '- 비동기 : 상대방의 상태와 관계없이 동작\n', '');
    expect(runCli([], dir, epoch(T0 + 100)).status).toBe(0);
    const listed = runCli(['removed'], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Removed notes still listed (1):');
    expect(runCli(['removed', '--clear'], dir).stdout).toContain('Cleared 1 removed note from notes/locks/cards.json');
  });

  it('are found in the notes folder given like the build\'s: `deckgen removed vault` or `--notes vault`', () => {
    const dir = seedWorkspace();
    renameSync(join(dir, 'notes'), join(dir, 'vault'));
    expect(runCli(['vault'], dir, epoch(T0)).status).toBe(0);
    replaceOnce(join(dir, 'vault', 'interview.md'), '- 비동기 : 상대방의 상태와 관계없이 동작\n', '');
    expect(runCli(['vault'], dir, epoch(T0 + 100)).status).toBe(0);
    for (const args of [['removed', 'vault'], ['removed', '--notes', 'vault']]) {
      const listed = runCli(args, dir);
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout).toContain('Removed notes still listed (1):');
    }
  });

  it('are listed by the build that removes them, by every later build, and until `deckgen removed --clear`', async () => {
    const dir = seedWorkspace();
    const notes = join(dir, 'notes', 'interview.md');
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    const first = await readApkg(join(dir, 'decks', 'notes.apkg'));
    const idOf = new Map(first.notes.map((note) => [note.guid, note.id]));

    replaceOnce(notes, '- 비동기 : 상대방의 상태와 관계없이 동작\n', '');
    replaceOnce(notes, ' - 헤더 : 토큰 종류와 해시 알고리즘 정보 \n', '');
    const second = runCli([], dir, epoch(T0 + 100));
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 added, 0 updated, 32 unchanged, 2 removed.');
    expect(second.stdout).toContain('  - 프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기  (was in interview.md; note id');
    expect(second.stdout).toContain('  - 프로젝트에서 사용했었던 › JWT › 구조 › 헤더  (was in interview.md; note id');
    const removed = lockOf(dir).removed;
    expect(removed.map((note) => note.question).sort()).toEqual(['프로젝트에서 사용했었던 › JWT › 구조 › 헤더', '프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기']);
    expect(removed.every((note) => note.removed === T0 + 100)).toBe(true);
    // The note ids are those the first package gave: what Anki keeps for notes it added from it.
    expect(removed.map((note) => note.nid).sort()).toEqual(removed.map((note) => idOf.get(note.guid)).sort());
    const search = searchLine.exec(second.stdout)?.[1];
    expect(search).toBe(`nid:${removed.map((note) => note.nid).sort((a, b) => a - b).join(',')}`);
    // Evaluated the way Anki's search does, against every note of the first package: exactly the removed two.
    const searchable = first.notes.map((note) => ({ id: note.id, fields: { Front: note.fields[0] } }));
    expect(selects(search!, searchable).sort()).toEqual(removed.map((note) => note.nid).sort());

    const third = runCli([], dir, epoch(T0 + 200));
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('0 added, 0 updated, 32 unchanged, 0 removed.');
    expect(third.stdout).toContain('Removed by earlier builds, listed until `deckgen removed --clear` or 30 days (2):');
    expect(third.stdout).toContain('  - 프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기  (removed 2023-11-14;');
    expect(searchLine.exec(third.stdout)?.[1]).toBe(search);

    const listed = runCli(['removed'], dir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('Removed notes still listed (2):');
    expect(searchLine.exec(listed.stdout)?.[1]).toBe(search);
    const lockBefore = readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8');
    const cleared = runCli(['removed', '--clear'], dir);
    expect(cleared.status, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain('Cleared 2 removed notes from notes/deckgen.lock.json');
    expect(lockOf(dir).removed).toEqual([]);
    // Only the list changed: the notes' entries are the same lines.
    const lockAfter = readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8');
    const noteLines = (text: string) => text.split('\n').filter((line) => line.startsWith('["'));
    expect(noteLines(lockBefore)).toHaveLength(32);
    expect(noteLines(lockAfter)).toEqual(noteLines(lockBefore));
    expect(lockAfter.split('\n').filter((line) => line.startsWith('{"guid"'))).toEqual([]);

    const fourth = runCli([], dir, epoch(T0 + 300));
    expect(fourth.stdout).not.toContain('Removed');
    expect(fourth.stdout).not.toMatch(searchLine);
  });

  it('are forgotten after 30 days', () => {
    const dir = seedWorkspace();
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    replaceOnce(join(dir, 'notes', 'interview.md'), '- 비동기 : 상대방의 상태와 관계없이 동작\n', '');
    expect(runCli([], dir, epoch(T0 + 100)).status).toBe(0);
    expect(runCli([], dir, epoch(T0 + 100 + 29 * 86_400)).stdout).toContain('Removed by earlier builds');
    const late = runCli([], dir, epoch(T0 + 100 + 30 * 86_400));
    expect(late.stdout).not.toContain('Removed by earlier builds');
    expect(lockOf(dir).removed).toEqual([]);
  });

  it('`deckgen removed` on a corrupt lock is a lock-invalid diagnostic, exit 2, and writes nothing', () => {
    const dir = seedWorkspace();
    writeFileSync(join(dir, 'notes', 'deckgen.lock.json'), '{"version":2,"notes":[');
    const result = runCli(['removed', '--clear'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('lock-invalid');
    expect(readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8')).toBe('{"version":2,"notes":[');
  });
});

describe('the exact-field search (fallback for notes imported from the CSV)', () => {
  it('selects exactly the notes whose field is that HTML: wildcards, quotes and case as Anki treats them', () => {
    const notes = [
      { id: 1, fields: { Front: '<code>snake_case</code> 이름' } },
      { id: 2, fields: { Front: '<code>snakeXcase</code> 이름' } }, // `_` would match any one character
      { id: 3, fields: { Front: '<code>snake_case</code> 이름 더' } }, // the whole field, not a substring
      { id: 4, fields: { Front: 'say "hi" * 2' } },
      { id: 5, fields: { Front: 'say "hi" and 2' } }, // `*` would match anything
      { id: 6, fields: { Front: 'TCP vs UDP' } },
      { id: 7, fields: { Front: 'tcp vs udp' } }, // LIKE folds ASCII case: the same field to Anki's search
    ];
    expect(selects(exactFieldSearch('Front', '<code>snake_case</code> 이름'), notes)).toEqual([1]);
    expect(selects(exactFieldSearch('Front', 'say "hi" * 2'), notes)).toEqual([4]);
    expect(selects(exactFieldSearch('Front', 'TCP vs UDP'), notes)).toEqual([6, 7]);
    expect(exactFieldSearch('Front', 'a\\b')).toBe('"Front:a\\\\b"');
  });
});
