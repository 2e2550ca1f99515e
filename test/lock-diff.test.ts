/**
 * The committed lock file diffs like the notes (issue 9 item 6): an inserted bullet adds one line, an edited
 * answer changes one line; no entry holds a line number, the full answer or the question twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, seedWorkspace } from './helpers/cli.js';
import { replaceOnce } from './helpers/edit.js';

const T0 = 1_700_000_000;
const epoch = (seconds: number) => ({ SOURCE_DATE_EPOCH: String(seconds) });
const lockLines = (dir: string) => readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8').split('\n');

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
    expect(first.filter((line) => line.startsWith('{"guid"'))).toHaveLength(34);

    replaceOnce(notes, '### 동기 vs 비동기\n', '### 동기 vs 비동기\n- 블로킹 : 호출한 함수가 끝날 때까지 기다림\n');
    expect(runCli([], dir, epoch(T0 + 100)).status).toBe(0);
    const inserted = lockLines(dir);
    const insert = lineDiff(first, inserted);
    expect(insert.removed).toEqual([]);
    expect(insert.added).toHaveLength(1);
    expect(insert.added[0]).toContain('"question":"프로젝트에서 사용했었던 › 동기 vs 비동기 › 블로킹"');
    expect(insert.sameOrder).toBe(true);

    replaceOnce(notes, '- 비동기 : 상대방의 상태와 관계없이 동작', '- 비동기 : 상대방의 상태와 관계없이 바로 다음 동작');
    expect(runCli([], dir, epoch(T0 + 200)).status).toBe(0);
    const edited = lockLines(dir);
    const edit = lineDiff(inserted, edited);
    expect(edit.removed).toHaveLength(1);
    expect(edit.added).toHaveLength(1);
    expect(edited.indexOf(edit.added[0])).toBe(inserted.indexOf(edit.removed[0]));
    expect(edit.added[0]).toContain('"answer":"상대방의 상태와 관계없이 바로 다음 동작"');
  });

  it('holds no line numbers, no full answer and the question once', () => {
    const dir = seedWorkspace();
    expect(runCli([], dir, epoch(T0)).status).toBe(0);
    const entries = lockLines(dir).filter((line) => line.startsWith('{"guid"'));
    for (const line of entries) {
      const entry = JSON.parse(line.replace(/,$/, '')) as Record<string, unknown>;
      expect(Object.keys(entry)).not.toContain('source');
      expect(entry.file).toBe('interview.md');
      expect(Array.from(entry.question as string).length).toBeLessThanOrEqual(80);
      expect(Array.from(entry.answer as string).length).toBeLessThanOrEqual(48);
      // The key is kept only when the GUID does not already say it (none in a first build).
      expect(entry.key).toBeUndefined();
    }
    // The longest answer of the seed notes is cut to an excerpt.
    expect(entries.some((line) => /"answer":"[^"]*…"/.test(line))).toBe(true);
  });
});
