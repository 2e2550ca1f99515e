/**
 * The compile cache (issue 9): a cached rebuild writes exactly the bytes a
 * build without the cache writes; a damaged entry is never trusted; an image
 * edit reaches the deck although the markdown did not change.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/lib/build.js';
import { CompileCache } from '../src/lib/compile/cache.js';
import { readApkg } from './helpers/anki.js';
import { projectRoot, runCli, seedNotes } from './helpers/cli.js';

const richNotes = join(projectRoot, 'test/fixtures/rich/notes');
const vaultNotes = join(projectRoot, 'test/fixtures/vault');
const OSR_SETTINGS = join('.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json');
/** obsidian-spaced-repetition cards, and a bullet that is a card only to deckgen's own rules. */
const OSR_NOTE = '#flashcards\n\n# 스케줄링\n\n라운드 로빈::시간 할당량을 돌아가며 준다\n\n선점형 스케줄링이란?\n?\n실행 중인 프로세스를 빼앗을 수 있다\n\n- 기아 상태 : 오래 기다리는 프로세스\n';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A workspace with the rich fixture (images) and the user's notes, and an empty cache folder. */
function workspace(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'deckgen-cache-'));
  dirs.push(dir);
  cpSync(richNotes, join(dir, 'notes'), { recursive: true });
  cpSync(seedNotes, join(dir, 'notes', 'interview.md'));
  return { dir, cache: join(dir, 'cache') };
}

const OUTPUTS = ['out/notes.apkg', 'out/notes.csv', 'notes/deckgen.lock.json'];
const bytes = (dir: string) => OUTPUTS.map((file) => readFileSync(join(dir, file)));

function options(dir: string, cache: string | false): BuildOptions {
  return { notesDir: 'notes', outDir: 'out', cwd: dir, now: 1_700_000_000, cache };
}

function entries(cache: string): string[] {
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The fixture vault with the OSR plugin installed and an OSR note, and an empty cache folder. */
function vaultWorkspace(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'deckgen-cache-vault-'));
  dirs.push(dir);
  cpSync(vaultNotes, join(dir, 'notes'), { recursive: true });
  mkdirSync(join(dir, 'notes', dirname(OSR_SETTINGS)), { recursive: true });
  writeFileSync(join(dir, 'notes', OSR_SETTINGS), JSON.stringify({ settings: { singleLineCardSeparator: '::' } }));
  writeFileSync(join(dir, 'notes', 'Scheduling.md'), OSR_NOTE);
  return { dir, cache: join(dir, 'cache') };
}

/** Decks and lock written by a build without the cache, in a copy of `dir`'s notes. */
async function uncached(dir: string, extra: Partial<BuildOptions> = {}): Promise<Buffer[]> {
  const copy = mkdtempSync(join(tmpdir(), 'deckgen-cache-cold-'));
  dirs.push(copy);
  cpSync(join(dir, 'notes'), join(copy, 'notes'), { recursive: true });
  rmSync(join(copy, 'notes', 'deckgen.lock.json'), { force: true });
  await build({ ...options(copy, false), ...extra });
  return bytes(copy);
}

describe('compile cache', () => {
  it('gives byte-identical .apkg, .csv and lock from a cached rebuild and a --no-cache build', async () => {
    const cached = workspace();
    const first = await build(options(cached.dir, cached.cache));
    expect(first.files).toMatchObject({ total: 3, cached: 0 });
    rmSync(join(cached.dir, 'out'), { recursive: true });
    rmSync(join(cached.dir, 'notes', 'deckgen.lock.json'));
    const hit = await build(options(cached.dir, cached.cache));
    expect(hit.files).toMatchObject({ total: 3, cached: 3 });
    const fromCache = bytes(cached.dir);

    rmSync(join(cached.dir, 'out'), { recursive: true });
    rmSync(join(cached.dir, 'notes', 'deckgen.lock.json'));
    const cold = runCli(['--no-cache', '--out', 'out'], cached.dir, { SOURCE_DATE_EPOCH: '1700000000', CACHE_DIR: join(cached.dir, 'unused') });
    expect(cold.status).toBe(1); // the rich fixture holds an image outside the notes (an error, by design)
    expect(() => readdirSync(join(cached.dir, 'unused'))).toThrow();
    expect(bytes(cached.dir)).toEqual(fromCache);
    expect(hit.diagnostics).toEqual(first.diagnostics);
    // The cached package still carries its images, read back as Anki reads it.
    const apkg = await readApkg(join(cached.dir, 'out/notes.apkg'));
    expect(Object.keys(apkg.media).length).toBeGreaterThan(0);
  });

  it('gives byte-identical outputs on an Obsidian vault with OSR notes, and misses when a setting that changes them does', async () => {
    const { dir, cache } = vaultWorkspace();
    const fresh = async (extra: Partial<BuildOptions> = {}) => {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      rmSync(join(dir, 'notes', 'deckgen.lock.json'), { force: true });
      return build({ ...options(dir, cache), ...extra });
    };
    const first = await fresh();
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const hit = await fresh();
    expect(hit.files.cached).toBe(hit.files.total);
    const cold = await uncached(dir);
    expect(bytes(dir)).toEqual(cold);
    // The OSR cards are there: both sides of the `::` card and of the `?` card, from the vault's plugin settings.
    const csv = readFileSync(join(dir, 'out/notes.csv'), 'utf8');
    expect(csv).toContain('시간 할당량을 돌아가며 준다');
    expect(csv).toContain('실행 중인 프로세스를 빼앗을 수 있다');

    // Each of these changes what a file compiles to: nothing may come from the cache, and the bytes are a cold build's.
    writeFileSync(join(dir, 'notes', OSR_SETTINGS), JSON.stringify({ settings: { singleLineCardSeparator: ':::' } }));
    const settings = await fresh();
    expect(settings.files.cached).toBe(0);
    expect(bytes(dir)).toEqual(await uncached(dir));
    expect(readFileSync(join(dir, 'out/notes.csv'), 'utf8')).not.toEqual(csv);
    const changes = async (extra: Partial<BuildOptions>) => {
      const changed = await fresh(extra);
      expect(changed.files.cached, JSON.stringify(extra)).toBe(0);
      expect(bytes(dir), JSON.stringify(extra)).toEqual(await uncached(dir, extra));
    };
    await changes({ osr: false });
    await changes({ prose: true });
    // Not a vault any more: a file's name is no longer its title, and only #flashcards notes are OSR notes…
    rmSync(join(dir, 'notes', '.obsidian'), { recursive: true });
    await changes({});
    // …unless --osr makes every note one.
    await changes({ osr: true });
  });

  it('ignores a corrupted entry and rebuilds it', async () => {
    const { dir, cache } = workspace();
    await build(options(dir, cache));
    const expected = bytes(dir);
    const [damaged, ...rest] = entries(cache);
    const text = readFileSync(damaged, 'utf8');
    // One changed character inside the body: still valid JSON, but not what was stored.
    const at = text.indexOf('"fields":["') + 11;
    writeFileSync(damaged, text.slice(0, at) + (text[at] === 'X' ? 'Y' : 'X') + text.slice(at + 1));
    for (const entry of rest) writeFileSync(entry, readFileSync(entry, 'utf8').slice(0, 100)); // half-written
    const report = await build(options(dir, cache));
    expect(report.files).toMatchObject({ total: 3, cached: 0 });
    expect(bytes(dir)).toEqual(expected);
    const healed = await build(options(dir, cache));
    expect(healed.files.cached).toBe(3);
  });

  it('rebuilds a cached file when an image it references changes, and only that file', async () => {
    const { dir, cache } = workspace();
    await build(options(dir, cache));
    const before = await readApkg(join(dir, 'out/notes.apkg'));
    // layers.png is referenced by cards.md only (diagram.png by both fixture files).
    writeFileSync(join(dir, 'notes/img/layers.png'), Buffer.concat([readFileSync(join(dir, 'notes/img/layers.png')), Buffer.from('edited')]));
    const report = await build(options(dir, cache));
    expect(report.files).toMatchObject({ total: 3, cached: 2 });
    const after = await readApkg(join(dir, 'out/notes.apkg'));
    const names = (apkg: typeof before) => Object.values(apkg.media).sort();
    expect(names(after)).not.toEqual(names(before));
    expect(names(after).length).toBe(names(before).length);
  });

  it('sees an image that was missing when the file was cached', async () => {
    const { dir, cache } = workspace();
    writeFileSync(join(dir, 'notes', 'late.md'), '# Late\n\n- 그림 :: ![later](img/later.png)\n');
    const first = await build(options(dir, cache));
    expect(first.diagnostics.some((d) => d.rule === 'media-missing' && d.file.endsWith('late.md'))).toBe(true);
    cpSync(join(dir, 'notes/img/diagram.png'), join(dir, 'notes/img/later.png'));
    const second = await build(options(dir, cache));
    expect(second.files.cached).toBe(3);
    expect(second.diagnostics.some((d) => d.rule === 'media-missing' && d.file.endsWith('late.md'))).toBe(false);
  });

  it('sees a file an Obsidian embed finds by name, once it is added anywhere in the notes', async () => {
    const { dir, cache } = workspace();
    writeFileSync(join(dir, 'notes', 'embed.md'), '# Embed\n\n- 그림 :: ![[found-later.png]]\n');
    const first = await build(options(dir, cache));
    const missing = (report: typeof first) => report.diagnostics.some((d) => d.rule === 'media-missing' && d.file.endsWith('embed.md'));
    expect(missing(first)).toBe(true);
    cpSync(join(dir, 'notes/img/diagram.png'), join(dir, 'notes/img/found-later.png'));
    const second = await build(options(dir, cache));
    expect(missing(second)).toBe(false);
    expect(second.files.cached).toBe(3); // only the file with the embed was compiled again
  });

  it('reuses unchanged decks on disk only while their bytes are what was built', async () => {
    const { dir, cache } = workspace();
    await build(options(dir, cache));
    const expected = bytes(dir);
    // A deck altered on disk since (a truncated copy, a hand edit) is written again, not trusted.
    writeFileSync(join(dir, 'out/notes.apkg'), expected[0].subarray(0, 1000));
    writeFileSync(join(dir, 'out/notes.csv'), `${expected[1]}edited`);
    await build(options(dir, cache));
    expect(bytes(dir)).toEqual(expected);
    // An edited note changes the package, so nothing on disk is reused.
    writeFileSync(join(dir, 'notes/interview.md'), `${readFileSync(join(dir, 'notes/interview.md'), 'utf8')}\n- 캐시 용어 : 새로 더한 설명\n`);
    await build(options(dir, cache));
    const edited = bytes(dir);
    expect(edited[0]).not.toEqual(expected[0]);
    rmSync(join(dir, 'out'), { recursive: true });
    rmSync(join(dir, 'notes/deckgen.lock.json'));
    await build(options(dir, false));
    expect(bytes(dir)[1]).toEqual(edited[1]);
  });

  it('bounds everything it keeps: compile entries, output digests and build records, least recently used first', async () => {
    const { dir, cache } = workspace();
    await build(options(dir, cache));
    const files = () => readdirSync(cache, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    const kept = files();
    expect(kept.some((path) => path.includes(join(cache, 'outputs')))).toBe(true);
    expect(kept.some((path) => path.includes(join(cache, 'builds')))).toBe(true);
    new CompileCache(cache).prune(Number.MAX_SAFE_INTEGER);
    expect(files()).toEqual(kept);
    new CompileCache(cache).prune(0);
    expect(files()).toEqual([]);
  });

  it('leaves decks on disk alone when they are the bytes this build gives (a full build with nothing changed)', async () => {
    const { dir, cache } = workspace();
    // keepNotes never takes the up-to-date shortcut: this is a full build, identify and all.
    const run = () => build({ ...options(dir, cache), keepNotes: true });
    await run();
    const stamp = (file: string) => statSync(join(dir, file)).mtimeMs;
    const before = OUTPUTS.slice(0, 2).map(stamp);
    const rebuilt = await run();
    expect(rebuilt.outputs.map(({ format }) => format)).toEqual(['apkg', 'csv']);
    expect(OUTPUTS.slice(0, 2).map(stamp)).toEqual(before);
  });
});

