/**
 * A rebuild with nothing changed replays the last build's record (compile/up-to-date.ts): it must report what a
 * full build would, leave every byte as it was, and fall back to a full build when anything it recorded changed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildReport } from '../src/lib/build.js';
import { projectRoot, seedNotes } from './helpers/cli.js';

const richNotes = join(projectRoot, 'test/fixtures/rich/notes');
const OUTPUTS = ['out/notes.apkg', 'out/notes.csv', 'notes/deckgen.lock.json'];
const NOW = 1_700_000_000;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckgen-up-to-date-'));
  dirs.push(dir);
  cpSync(richNotes, join(dir, 'notes'), { recursive: true });
  cpSync(seedNotes, join(dir, 'notes', 'interview.md'));
  return dir;
}

const options = (dir: string, now = NOW): BuildOptions => ({ notesDir: 'notes', outDir: 'out', cwd: dir, now, cache: join(dir, 'cache') });
const bytes = (dir: string) => OUTPUTS.map((file) => readFileSync(join(dir, file)));
const mtimes = (dir: string) => OUTPUTS.map((file) => statSync(join(dir, file)).mtimeMs);

/** A full build of the same state: `keepNotes` never takes the shortcut. Everything it reports but `built`. */
async function fullBuild(dir: string, now = NOW): Promise<Omit<BuildReport, 'built'>> {
  const { built: _built, ...report } = await build({ ...options(dir, now), keepNotes: true });
  return report;
}

describe('rebuild with nothing changed', () => {
  it('reports what a full build reports, writes nothing, and leaves the same bytes', async () => {
    const dir = workspace();
    const first = await build(options(dir));
    expect(first.changes?.firstBuild).toBe(true);
    const written = bytes(dir);
    const stamps = mtimes(dir);
    const replayed = await build(options(dir, NOW + 60));
    expect(replayed.files).toEqual({ total: 3, cached: 3, threads: 0 });
    expect(mtimes(dir)).toEqual(stamps); // nothing was rewritten
    const full = await fullBuild(dir, NOW + 60);
    expect(replayed).toEqual(full);
    expect(full.changes?.unchanged).toBe(full.notes);
    expect(bytes(dir)).toEqual(written);
  });

  it('lists removed notes as a full build does, until they expire', async () => {
    const dir = workspace();
    const extra = join(dir, 'notes', 'extra.md');
    writeFileSync(extra, '# 추가\n\n- 임시 질문 : 곧 지워질 답\n- 두 번째 질문 : 역시 지워질 답\n');
    await build(options(dir));
    rmSync(extra);
    const removing = await build(options(dir));
    expect(removing.changes?.removed).toHaveLength(2);
    const replayed = await build(options(dir, NOW + 60));
    expect(replayed.changes?.removedEarlier).toHaveLength(2);
    expect(replayed).toEqual(await fullBuild(dir, NOW + 60));
    // 30 days later the removed notes leave the lock: a full build, which rewrites it.
    const later = NOW + 31 * 86_400;
    const lock = readFileSync(join(dir, 'notes/deckgen.lock.json'));
    const expired = await build(options(dir, later));
    expect(expired.changes?.removedEarlier).toEqual([]);
    expect(readFileSync(join(dir, 'notes/deckgen.lock.json'))).not.toEqual(lock);
  });

  it('builds in full when a note, an image, a deck on disk or the lock changed', async () => {
    const dir = workspace();
    const path = (file: string) => join(dir, file);
    // The clock moves on, as it does between real builds: a clock behind the lock's newest change never takes the shortcut.
    let clock = NOW;
    const later = () => options(dir, (clock += 60));
    await build(later());
    const interview = path('notes/interview.md');
    writeFileSync(interview, `${readFileSync(interview, 'utf8')}\n- 새 질문 : 새 답\n`);
    expect((await build(later())).changes?.added).toHaveLength(1);

    const image = path('notes/img/diagram.png');
    const apkg = readFileSync(path('out/notes.apkg'));
    writeFileSync(image, Buffer.concat([readFileSync(image), Buffer.from([0])]));
    expect((await build(later())).files.cached).toBeLessThan(3);
    expect(readFileSync(path('out/notes.apkg'))).not.toEqual(apkg);

    writeFileSync(path('out/notes.csv'), 'edited');
    await build(later());
    expect(readFileSync(path('out/notes.csv'), 'utf8')).not.toBe('edited');

    const lock = readFileSync(path('notes/deckgen.lock.json'), 'utf8');
    writeFileSync(path('notes/deckgen.lock.json'), `${lock}\n`);
    await build(later());
    expect(readFileSync(path('notes/deckgen.lock.json'), 'utf8')).toBe(lock);

    // What a killed build left: the next build is a full one, which cleans up.
    const stamp = statSync(path('notes/deckgen.lock.json')).mtimeMs;
    await build(later());
    expect(statSync(path('notes/deckgen.lock.json')).mtimeMs, 'a rebuild with nothing changed').toBe(stamp);
    writeFileSync(path('out/notes.apkg.999999999.1.tmp'), 'half a package');
    writeFileSync(path('notes/deckgen.lock.json.lock'), JSON.stringify({ pid: 999999999, host: hostname(), token: 'killed', started: Date.now() }));
    await build(later());
    expect(existsSync(path('out/notes.apkg.999999999.1.tmp'))).toBe(false);
    expect(existsSync(path('notes/deckgen.lock.json.lock'))).toBe(false);

    rmSync(path('out/notes.apkg'));
    await build(later());
    expect(readFileSync(path('out/notes.apkg')).length).toBeGreaterThan(0);
  });
});
