import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RenderedNote } from '../src/lib/model.js';
import {
  BuildLockBusyError,
  buildLockPath,
  identify,
  parseLock,
  readLock,
  serializeLock,
  withBuildLock,
  writeLock,
  type LockFile,
} from '../src/lib/identify/index.js';

function rendered(front: string, back: string, line: number, extra: Partial<RenderedNote['note']> = {}): RenderedNote {
  return {
    note: {
      kind: 'basic',
      rule: 'test',
      source: 'notes/interview.md',
      relativePath: 'interview.md',
      absolutePath: '/notes/interview.md',
      position: { line, column: 1 },
      deck: 'Interview',
      context: ['JWT', '구조'],
      headings: ['JWT', '구조'],
      front: [],
      back: [],
      frontText: front,
      backText: back,
      tags: ['interview'],
      ...extra,
    },
    fields: [front, back, 'JWT › 구조', 'interview.md › JWT › 구조'],
    ords: [0],
    media: [],
  };
}

function sampleLock(): LockFile {
  return identify(
    [
      rendered('헤더', '토큰 종류와 해시 알고리즘 정보', 3),
      rendered('페이로드', '토큰에 들어가는 "정보" 인코딩\t(유저ID)', 4),
      rendered('시그니처', '토큰 위변조 확인 (시크릿키)', 5, { explicitId: 'jwt-sig' }),
    ],
    null,
    1_700_000_000,
  ).lock;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'deckgen-lock-'));

describe('lock file round trip', () => {
  it('serializes one note per line and parses back to the same lock, byte-stable', () => {
    const lock = sampleLock();
    const text = serializeLock(lock);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"version":3,"files":[');
    // File, deck and creation time once, in the file's group; then one line per note.
    expect(lines[1]).toBe('{"file":"interview.md","deck":"Interview","created":1700000000,"notes":[');
    expect(lines.slice(2, 5).every((line) => line.startsWith('["'))).toBe(true);
    expect(lines.slice(5)).toEqual([']}', '],"removed":[]}', '']);
    // As written, not lower-cased; no line number; no key for a GUID derived from it; the answer as a 12-character signature.
    expect(lines[4]).toMatch(/^\["[^"]+","JWT › 구조 › 시그니처","[\w-]{12}","[\w-]{6}:[\w-]{10}",2,\{"id":"jwt-sig"\}\]$/);
    expect(text).not.toContain('"key"');
    expect(text).not.toContain('토큰 위변조');
    const parsed = parseLock(text, 'deckgen.lock.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.lock).toStrictEqual(lock);
    expect(serializeLock(parsed.lock!)).toBe(text);
    expect(serializeLock({ version: 3, notes: [], removed: [] })).toBe('{"version":3,"files":[],"removed":[]}\n');
  });

  it('writes atomically and reads back; a missing lock is a first build', () => {
    const dir = tmp();
    const path = join(dir, 'deckgen.lock.json');
    expect(readLock(path, 'deckgen.lock.json')).toEqual({ lock: null, diagnostics: [] });
    writeLock(path, sampleLock());
    expect(readFileSync(path, 'utf8')).toBe(serializeLock(sampleLock()));
    expect(readLock(path, 'deckgen.lock.json').lock).toStrictEqual(sampleLock());
  });
});

describe('lock file version 1 (before issue 9)', () => {
  const v1 = [
    '{"version":1,"notes":[',
    '{"guid":"a1","source":"interview.md:3","kind":"basic","deck":"Interview","question":"jwt › 구조 › 헤더","answer":"토큰 종류","key":"basic\\tInterview\\tjwt › 구조 › 헤더","ords":[0],"fingerprint":"0123456789abcdef","mod":1700000100,"created":1700000000},',
    '{"guid":"b2","source":"interview.md:4","kind":"cloze","deck":"Interview","question":"jwt › 구조","answer":"","key":"cloze\\tInterview\\tjwt › 구조","ords":[0,1],"fingerprint":"fedcba9876543210","mod":1700000000,"created":1700000000}',
    ']}',
  ].join('\n');

  it('migrates without losing a GUID: file without line, hashed key, the note ids the package gave', () => {
    const { lock, diagnostics } = parseLock(v1, 'deckgen.lock.json');
    expect(diagnostics).toEqual([]);
    expect(lock!.notes.map((entry) => entry.guid)).toEqual(['a1', 'b2']);
    expect(lock!.notes.map((entry) => entry.file)).toEqual(['interview.md', 'interview.md']);
    // Created in the same second: the package numbered them in document order.
    expect(lock!.notes.map((entry) => entry.nid)).toEqual([1_700_000_000_000, 1_700_000_000_001]);
    expect(lock!.notes[0].key).toMatch(/^[\w-]{12}$/);
    expect(lock!.notes[0].mod).toBe(1_700_000_100);
    expect(lock!.removed).toEqual([]);
    const text = serializeLock(lock!);
    expect(text.split('\n')[0]).toBe('{"version":3,"files":[');
    // The same whole-note hash, shorter: an unchanged note's mod does not move.
    expect(lock!.notes[0].fingerprint).toBe('ASNFZ4'); // 0x0123456789 in base64url: the first 36 bits of the same hash
    expect(text).not.toContain('"source"');
    expect(parseLock(text, 'deckgen.lock.json').lock).toStrictEqual(lock);
  });
});

describe('lock file errors', () => {
  const good = serializeLock(sampleLock());

  it('reports invalid JSON with its line', () => {
    const broken = good.replace('"deck":"Interview"', '"deck":"Interview",,').replace('"notes":[\n', '"notes":[');
    const { lock, diagnostics } = parseLock(broken, 'notes/deckgen.lock.json');
    expect(lock).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'notes/deckgen.lock.json', line: 2, severity: 'error', rule: 'lock-invalid' })]);
    expect(diagnostics[0].message).toContain('not valid JSON');
  });

  it('reports git merge-conflict markers with the line they start on', () => {
    const lines = good.split('\n');
    const conflicted = [lines[0], lines[1], '<<<<<<< HEAD', lines[2], '=======', lines[2].replace('페이로드', '페이로드!'), '>>>>>>> feature', lines[3], ...lines.slice(4)].join('\n');
    const { lock, diagnostics } = parseLock(conflicted, 'deckgen.lock.json');
    expect(lock).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 3, rule: 'lock-invalid', severity: 'error' });
    expect(diagnostics[0].message).toContain('lines 3–7');
  });

  it('reports duplicate GUIDs with the line of the second one', () => {
    const lines = good.split('\n');
    const guid = /^\[("(?:[^"\\]|\\.)*")/.exec(lines[2])![1];
    lines[4] = lines[4].replace(/^\["(?:[^"\\]|\\.)*"/, `[${guid}`);
    const { lock, diagnostics } = parseLock(lines.join('\n'), 'deckgen.lock.json');
    expect(lock).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 5, rule: 'lock-invalid' })]);
    expect(diagnostics[0].message).toContain('line 3');
  });

  it('rejects a wrong version, a wrong shape and millisecond timestamps', () => {
    expect(parseLock('{"version":4,"files":[]}', 'l').diagnostics[0].message).toContain('newer deckgen');
    expect(parseLock('[]', 'l').diagnostics[0].rule).toBe('lock-invalid');
    const ms = good.replace(/"created":(\d+)/, '"created":1700000000000');
    expect(parseLock(ms, 'l').diagnostics).toEqual([expect.objectContaining({ line: 2, column: 43, message: expect.stringContaining('milliseconds') })]);
    const noGuid = good.replace(/\n\["(?:[^"\\]|\\.)*",/, '\n[');
    expect(parseLock(noGuid, 'l').diagnostics).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('not a list [guid, question') })]);
    const badItem = good.replace(/,0\],\n/, ',"x"],\n');
    expect(parseLock(badItem, 'l').diagnostics).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('"nid"') })]);
    const unknownField = good.replace(/,\{"id":/, ',{"mood":1,"id":');
    expect(parseLock(unknownField, 'l').diagnostics).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('unknown field "mood"') })]);
  });
});

describe('withBuildLock', () => {
  it('runs concurrent builds one after the other', async () => {
    const lockPath = join(tmp(), 'deckgen.lock.json');
    const events: string[] = [];
    const build = (name: string) =>
      withBuildLock(lockPath, async () => {
        events.push(`${name} start`);
        expect(existsSync(buildLockPath(lockPath))).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push(`${name} end`);
        return name;
      }, { retryMs: 10 });
    const results = await Promise.all([build('a'), build('b')]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(existsSync(buildLockPath(lockPath))).toBe(false);
  });

  it('gives up with a lock-busy diagnostic while another build holds the lock', async () => {
    const lockPath = join(tmp(), 'deckgen.lock.json');
    let release!: () => void;
    const held = withBuildLock(lockPath, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await withBuildLock(lockPath, async () => 'ran', { timeoutMs: 200, retryMs: 20, displayPath: 'notes/deckgen.lock.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildLockBusyError);
    expect((error as BuildLockBusyError).diagnostic).toMatchObject({ rule: 'lock-busy', severity: 'error', file: 'notes/deckgen.lock.json' });
    release();
    await held;
    await expect(withBuildLock(lockPath, async () => 'ran')).resolves.toBe('ran');
  });

  it('releases the lock when the build throws', async () => {
    const lockPath = join(tmp(), 'deckgen.lock.json');
    await expect(withBuildLock(lockPath, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(buildLockPath(lockPath))).toBe(false);
  });

  it('waits while the owning process lives and takes over once it has died', async () => {
    const lockPath = join(tmp(), 'deckgen.lock.json');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600)']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(buildLockPath(lockPath), JSON.stringify({ pid: child.pid, host: hostname(), token: 'other', started: Date.now() }));
    const started = Date.now();
    const value = await withBuildLock(lockPath, async () => 'mine', { retryMs: 20, timeoutMs: 5000 });
    await exited;
    expect(value).toBe('mine');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('takes over a lock left by a process that no longer exists at once', async () => {
    const lockPath = join(tmp(), 'deckgen.lock.json');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(buildLockPath(lockPath), JSON.stringify({ pid: dead, host: hostname(), token: 'dead', started: Date.now() }));
    await expect(withBuildLock(lockPath, async () => 'mine', { timeoutMs: 0 })).resolves.toBe('mine');
  });
});
