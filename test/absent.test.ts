/**
 * docs/identity.md, "When a note is absent": one test per row. The note under
 * test is always one that kept its GUID by similarity (its question was
 * edited), so its GUID cannot be derived again: only a carried lock entry
 * brings it back.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/lib/build.js';
import { parseLock } from '../src/lib/identify/index.js';
import { runCli, workspace } from './helpers/cli.js';

const T0 = 1_700_000_000;
const NOTE = '- 시그니처 : 토큰 위변조 확인';
const EDITED = '- 시그니쳐 : 토큰 위변조 확인';
const OTHER = '- 헤더 : 토큰의 타입과 알고리즘';

function lockOf(dir: string) {
  return parseLock(readFileSync(join(dir, 'notes', 'deckgen.lock.json'), 'utf8'), 'lock').lock!;
}

const guidOf = (dir: string, word: string) => lockOf(dir).notes.find((entry) => entry.question.includes(word))?.guid;

/** A workspace whose `jwt.md` note kept its GUID by similarity; returns that GUID. */
async function editedNote(files: Record<string, string> = {}): Promise<{ dir: string; guid: string; write: (text: string) => void }> {
  const dir = workspace({ 'jwt.md': `# JWT\n\n${NOTE}\n${OTHER}\n`, ...files });
  const write = (text: string) => writeFileSync(join(dir, 'notes', 'jwt.md'), text);
  await run(dir, T0);
  const guid = guidOf(dir, '시그니처')!;
  write(`# JWT\n\n${EDITED}\n${OTHER}\n`);
  await run(dir, T0 + 100);
  expect(guidOf(dir, '시그니쳐'), 'kept by similarity').toBe(guid);
  return { dir, guid, write };
}

async function run(dir: string, now: number) {
  return build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), cwd: dir, now });
}

/** Builds with the note absent, then present again; the GUID it comes back with. */
async function absentOnce(setup: Awaited<ReturnType<typeof editedNote>>, absent: string) {
  setup.write(absent);
  const during = await run(setup.dir, T0 + 200);
  const carried = during.changes?.inFilesWithErrors.map((note) => note.guid) ?? [];
  const removed = during.changes?.removed.map((note) => note.guid) ?? [];
  setup.write(`# JWT\n\n${EDITED}\n${OTHER}\n`);
  await run(setup.dir, T0 + 300);
  return { during, carried, removed, back: guidOf(setup.dir, '시그니쳐') };
}

describe('a note absent for one build keeps its GUID', () => {
  it('hidden by an unclosed fence above it', async () => {
    const setup = await editedNote();
    const result = await absentOnce(setup, `# JWT\n\n\`\`\`js\nconst x = 1;\n\n${EDITED}\n${OTHER}\n`);
    expect(result.during.diagnostics.map((d) => d.rule)).toContain('unclosed-code-fence');
    expect(result.carried).toContain(setup.guid);
    expect(result.removed).toEqual([]);
    expect(result.back).toBe(setup.guid);
  });

  it('left out for an empty answer', async () => {
    const setup = await editedNote();
    const result = await absentOnce(setup, `# JWT\n\n- 시그니쳐 :\n${OTHER}\n`);
    expect(result.during.diagnostics.map((d) => d.rule)).toContain('empty-side');
    expect(result.carried).toContain(setup.guid);
    expect(result.back).toBe(setup.guid);
  });

  it('on a line blanked for being too long', async () => {
    const setup = await editedNote();
    const result = await absentOnce(setup, `# JWT\n\n${EDITED} ${'x'.repeat(20_001)}\n${OTHER}\n`);
    expect(result.during.diagnostics.map((d) => d.rule)).toContain('line-too-long');
    expect(result.carried).toContain(setup.guid);
    expect(result.back).toBe(setup.guid);
  });

  it('in a file skipped for invalid front matter', async () => {
    const setup = await editedNote();
    const result = await absentOnce(setup, `---\ndeck: [oops\n---\n# JWT\n\n${EDITED}\n${OTHER}\n`);
    expect(result.during.diagnostics.map((d) => d.rule)).toContain('front-matter-invalid');
    expect(result.carried).toContain(setup.guid);
    expect(result.back).toBe(setup.guid);
  });

  it('in a file skipped for a NUL byte after the first 8 KB', async () => {
    const setup = await editedNote();
    const result = await absentOnce(setup, `# JWT\n\n${EDITED}\n${OTHER}\n${'a'.repeat(9000)}\0\n`);
    expect(result.during.diagnostics.map((d) => d.rule)).toContain('file-binary');
    expect(result.carried).toContain(setup.guid);
    expect(result.back).toBe(setup.guid);
  });

  it('behind a note link that points nowhere', async () => {
    const setup = await editedNote();
    const path = join(setup.dir, 'notes', 'jwt.md');
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    symlinkSync(join(setup.dir, 'moved-away.md'), path);
    const during = await run(setup.dir, T0 + 200);
    expect(during.diagnostics.map((d) => [d.file, d.rule])).toEqual([['notes/jwt.md', 'file-unreadable']]);
    expect(during.changes?.inFilesWithErrors.map((note) => note.guid)).toContain(setup.guid);
    rmSync(path);
    writeFileSync(path, text);
    await run(setup.dir, T0 + 300);
    expect(guidOf(setup.dir, '시그니쳐')).toBe(setup.guid);
  });

  it('is removed only when its file is clean and the note is gone', async () => {
    const setup = await editedNote();
    setup.write(`# JWT\n\n${OTHER}\n`);
    const during = await run(setup.dir, T0 + 200);
    expect(during.changes?.removed.map((note) => note.guid)).toEqual([setup.guid]);
    expect(guidOf(setup.dir, '시그니쳐')).toBeUndefined();
  });
});

// As root, permissions do not stop reading: the CLI then runs as `nobody` on a workspace it owns.
const root = process.getuid?.() === 0;
const NOBODY = 65534;

function asUser(dir: string): { uid?: number; gid?: number } {
  if (!root) return {};
  execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
  return { uid: NOBODY, gid: NOBODY };
}

describe('an unreadable folder', () => {
  it('keeps the lock entries of the notes in it, with a diagnostic, and gives them back once readable', async () => {
    const setup = await editedNote({ 'sub/keep.md': `# Keep\n\n- 페이로드 : 클레임\n` });
    await run(setup.dir, T0 + 150);
    const kept = guidOf(setup.dir, '페이로드');
    const sub = join(setup.dir, 'notes', 'sub');
    const user = asUser(setup.dir);
    chmodSync(sub, 0);
    const broken = runCli(['--json'], setup.dir, { SOURCE_DATE_EPOCH: String(T0 + 200) }, user);
    chmodSync(sub, 0o755);
    const report = JSON.parse(broken.stdout) as { diagnostics: { file: string; rule: string }[]; changes: unknown };
    expect(report.diagnostics.map((d) => [d.file, d.rule])).toEqual([['notes/sub', 'folder-unreadable']]);
    expect(broken.status).toBe(1);
    expect(guidOf(setup.dir, '페이로드')).toBe(kept);
    await run(setup.dir, T0 + 300);
    expect(guidOf(setup.dir, '페이로드')).toBe(kept);
    expect(guidOf(setup.dir, '시그니쳐')).toBe(setup.guid);
  });

  it('the notes folder itself: exit 2 and nothing written, also with --lock elsewhere', async () => {
    const setup = await editedNote();
    const lockBefore = readFileSync(join(setup.dir, 'notes', 'deckgen.lock.json'), 'utf8');
    const deckBefore = readFileSync(join(setup.dir, 'decks', 'notes.apkg'));
    const user = asUser(setup.dir);
    const elsewhere = join(setup.dir, 'elsewhere.json');
    writeFileSync(elsewhere, lockBefore);
    if (root) chownSync(elsewhere, NOBODY, NOBODY);
    chmodSync(join(setup.dir, 'notes'), 0o311); // can enter, cannot list
    const plain = runCli(['--json'], setup.dir, {}, user);
    const withLock = runCli(['--json', '--lock', 'elsewhere.json'], setup.dir, {}, user);
    chmodSync(join(setup.dir, 'notes'), 0o755);
    for (const result of [plain, withLock]) {
      expect(result.status).toBe(2);
      expect((JSON.parse(result.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual(['folder-unreadable']);
    }
    expect(readFileSync(join(setup.dir, 'notes', 'deckgen.lock.json'), 'utf8')).toBe(lockBefore);
    expect(readFileSync(elsewhere, 'utf8')).toBe(lockBefore);
    expect(readFileSync(join(setup.dir, 'decks', 'notes.apkg')).equals(deckBefore)).toBe(true);
  });
});
