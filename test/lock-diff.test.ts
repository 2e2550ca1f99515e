/**
 * The committed lock file diffs like the notes (issue 9 item 6): an inserted bullet adds one line, an edited
 * answer changes one line; no note's line holds a line number, its answer, its file or its deck.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, seedWorkspace } from './helpers/cli.js';
import { replaceOnce } from './helpers/edit.js';

const T0 = 1_700_000_000;
const epoch = (seconds: number) => ({ SOURCE_DATE_EPOCH: String(seconds) });
const lockLines = (dir: string) => readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8').split('\n');
/** A version 3 note line: `[guid, question, answer signature, fingerprint, note id offset, {…}?]`. */
const noteLines = (lines: string[]) => lines.filter((line) => line.startsWith('["'));
const items = (line: string) => JSON.parse(line.replace(/,$/, '')) as unknown[];

/** Lines only in `before` and only in `after`, and whether everything else kept its order. */
function lineDiff(before: string[], after: string[]) {
  const removed = before.filter((line) => !after.includes(line));
  const added = after.filter((line) => !before.includes(line));
  const kept = (lines: string[], drop: string[]) => lines.filter((line) => !drop.includes(line));
  return { removed, added, sameOrder: kept(before, removed).join('\n') === kept(after, added).join('\n') };
}

describe('the lock file diff', () => {
  it('inserting a bullet at the top of the seed notes adds exactly one line; editing one answer changes exactly one', () => {
    const dir = seedWorkspace();
    const notes = join(dir, 'notes', 'interview.md');
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    const first = lockLines(dir);
    expect(noteLines(first)).toHaveLength(34);

    replaceOnce(notes, '### 동기 vs 비동기\n', '### 동기 vs 비동기\n- 블로킹 : 호출한 함수가 끝날 때까지 기다림\n');
    expect(runCli([], dir, epoch(T0 + 100)).status).toBe(0);
    const inserted = lockLines(dir);
    const insert = lineDiff(first, inserted);
    expect(insert.removed).toEqual([]);
    expect(insert.added).toHaveLength(1);
    expect(items(insert.added[0])[1]).toBe('프로젝트에서 사용했었던 › 동기 vs 비동기 › 블로킹');
    expect(insert.sameOrder).toBe(true);

    replaceOnce(notes, '- 비동기 : 상대방의 상태와 관계없이 동작', '- 비동기 : 상대방의 상태와 관계없이 바로 다음 동작');
    expect(runCli([], dir, epoch(T0 + 200)).status).toBe(0);
    const edited = lockLines(dir);
    const edit = lineDiff(inserted, edited);
    expect(edit.removed).toHaveLength(1);
    expect(edit.added).toHaveLength(1);
    expect(edited.indexOf(edit.added[0])).toBe(inserted.indexOf(edit.removed[0]));
    // The same note (GUID, question), a new answer signature and fingerprint.
    const [was, now] = [items(edit.removed[0]), items(edit.added[0])];
    expect(now.slice(0, 2)).toEqual(was.slice(0, 2));
    expect(now[1]).toBe('프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기');
    expect(now[2]).not.toBe(was[2]);
    expect(now[3]).not.toBe(was[3]);
  });

  it('holds no line numbers and no answer text; file, deck and creation time once per file', () => {
    const dir = seedWorkspace();
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    const lines = lockLines(dir);
    expect(lines.slice(0, 2)).toEqual(['{"version":3,"files":[', `{"file":"interview.md","deck":"interview","created":${T0},"notes":[`]);
    const entries = noteLines(lines);
    const answers = readFileSync(join(dir, 'notes', 'interview.md'), 'utf8').split('\n').flatMap((line) => /^\s*- [^:]+ : (.{6,})$/.exec(line)?.[1] ?? []);
    expect(answers.length).toBeGreaterThan(10);
    for (const line of entries) {
      const [guid, question, answer, fingerprint, nid, extras] = items(line);
      expect(typeof guid).toBe('string');
      expect(Array.from(question as string).length).toBeLessThanOrEqual(32);
      expect(answer).toMatch(/^([\w-]{12})?$/);
      expect(fingerprint).toMatch(/^[\w-]{6}:[\w-]{10}$/);
      expect(Number.isInteger(nid)).toBe(true);
      // The key is kept only when the GUID does not already say it (none in a first build); nothing else differs from the group.
      expect(extras).toBeUndefined();
      for (const text of answers) expect(line).not.toContain(text);
      expect(line).not.toContain('interview.md');
    }
  });
});
