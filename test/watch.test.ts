/**
 * Issue 11, `deckgen watch` and `deckgen watch --serve`, end to end: the CLI
 * runs as a process on a temp folder the way a user starts it, notes are
 * saved while it runs, and what it wrote is read back (the .apkg, the lock),
 * what it printed is read, and the live page is watched in headless Chromium.
 *
 * Chromium comes from Debian (`apt-get install -y chromium`); without it the
 * browser part is skipped (the watch and server parts still run).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLock } from '../src/lib/identify/index.js';
import { readApkg } from './helpers/anki.js';
import { hasChromium, launchChromium, openPage, skipMessage, type OpenedPage } from './helpers/browser.js';
import { projectRoot, workspace } from './helpers/cli.js';

if (!hasChromium) console.warn(skipMessage('watch.test.ts (its browser part)'));

const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** A running `deckgen watch …`, its output collected as it comes. */
class Watch {
  readonly process: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  exit: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    this.process = spawn(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/bin/deckgen.ts'), 'watch', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    this.process.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exit = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Builds printed so far (each starts with `[hh:mm:ss] Built` or `… rebuilt`). */
  builds(): string[] {
    return this.stdout.split(/\n(?=\[\d\d:\d\d:\d\d\] )/).filter((part) => /^\[\d\d:\d\d:\d\d\] /.test(part));
  }

  async waitFor(what: () => boolean, label: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!what()) {
      if (this.process.exitCode !== null) throw new Error(`watch exited (${this.process.exitCode}) while waiting for ${label}:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for build number `n` to be printed whole (it ends with its summary line). */
  async build(n: number): Promise<string> {
    await this.waitFor(() => this.builds().length >= n && /\d+ errors, \d+ warnings, \d+ info/.test(this.builds()[n - 1]), `build ${n}`);
    return this.builds()[n - 1];
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) this.process.kill('SIGINT');
    return this.exit;
  }
}

const NOTE = (answer: string) => `# 네트워크\n\n## TCP\n\n- 3-way handshake : ${answer}\n- 흐름 제어 : 수신자가 처리할 수 있는 만큼만 보낸다\n`;

const lockGuids = (dir: string) =>
  Object.fromEntries(parseLock(readFileSync(join(dir, 'notes/deckgen.lock.json'), 'utf8'), 'lock').lock!.notes.map((note) => [note.question, note.guid]));

describe('deckgen watch', () => {
  let dir: string;
  let watch: Watch;

  beforeAll(async () => {
    dir = workspace({ 'network.md': NOTE('SYN, SYN-ACK, ACK') });
    watch = new Watch([], dir);
    await watch.build(1);
  });
  afterAll(async () => {
    await watch.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds at once, then says it is watching', async () => {
    await watch.waitFor(() => watch.stdout.includes('Watching notes (Ctrl-C stops)'), 'the watching line');
    expect(watch.builds()[0]).toMatch(/^\[\d\d:\d\d:\d\d\] Built in [\d.]+ s \(1 of 1 file compiled, 0 from the cache\)\nFirst build: 2 notes/);
    expect(watch.builds()[0]).toContain('wrote decks/notes.apkg, decks/notes.csv');
  });

  it('rebuilds after a save and prints what changed: the updated note', async () => {
    writeFileSync(join(dir, 'notes/network.md'), NOTE('SYN → SYN-ACK → ACK'));
    const second = await watch.build(2);
    expect(second).toMatch(/^\[\d\d:\d\d:\d\d\] network\.md changed: rebuilt in [\d.]+ s \(1 of 1 file compiled, 0 from the cache\)\n2 notes: 0 added, 1 updated, 1 unchanged, 0 removed\./);
    expect(second).toContain('~ 네트워크 › TCP › 3-way handshake');
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    expect(apkg.notes.map((note) => note.fields[1])).toContain('SYN → SYN-ACK → ACK');
  });

  it('builds a new file, keeps a renamed file’s cards (same GUIDs), and tells a deleted one', async () => {
    const before = lockGuids(dir);
    writeFileSync(join(dir, 'notes/os.md'), '# 운영체제\n\n- 데드락 : 서로의 자원을 기다리며 멈춘 상태\n');
    const added = await watch.build(3);
    expect(added).toContain('3 notes: 1 added, 0 updated, 2 unchanged, 0 removed.');
    // The compile cache: only the new file is compiled.
    expect(added).toContain('(1 of 2 files compiled, 1 from the cache)');
    renameSync(join(dir, 'notes/network.md'), join(dir, 'notes/net.md'));
    const renamed = await watch.build(4);
    expect(renamed).toMatch(/: rebuilt in/);
    expect(renamed).not.toMatch(/[1-9]\d* added/);
    expect(Object.values(lockGuids(dir))).toEqual(expect.arrayContaining(Object.values(before)));
    unlinkSync(join(dir, 'notes/os.md'));
    expect(await watch.build(5)).toContain('1 removed');
  });

  it('rebuilds when an image changes, and the package holds the new image', async () => {
    const png = (width: number) => readFileSync(join(projectRoot, `test/fixtures/rich/notes/img/${width === 960 ? 'layers.png' : 'diagram.png'}`));
    writeFileSync(join(dir, 'notes/picture.png'), png(2));
    writeFileSync(join(dir, 'notes/picture.md'), '# 그림\n\n- 구조도 :: ![구조](picture.png)\n');
    await watch.build(6);
    const first = Object.values((await readApkg(join(dir, 'decks/notes.apkg'))).media);
    writeFileSync(join(dir, 'notes/picture.png'), png(960));
    const rebuilt = await watch.build(7);
    expect(rebuilt).toMatch(/^\[\d\d:\d\d:\d\d\] picture\.png changed: rebuilt/);
    const second = Object.values((await readApkg(join(dir, 'decks/notes.apkg'))).media);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it('goes on after a half-saved file: its diagnostics are printed, the next save builds again', async () => {
    writeFileSync(join(dir, 'notes/net.md'), `---\ndeck: [unclosed\n---\n${NOTE('half-saved')}`);
    const broken = await watch.build(8);
    expect(broken).toMatch(/notes\/net\.md:\d+:\d+ {2}error {2}.* {2}front-matter-invalid/);
    expect(broken).toContain('of files with errors kept in the lock unchanged');
    writeFileSync(join(dir, 'notes/net.md'), NOTE('SYN → SYN-ACK → ACK'));
    const fixed = await watch.build(9);
    expect(fixed).toMatch(/0 errors/);
  });

  it('does not build again on its own writes', async () => {
    const count = watch.builds().length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watch.builds().length).toBe(count);
  });

  it('stops cleanly on Ctrl-C (SIGINT): exit 0, decks and lock complete', async () => {
    expect(await watch.stop()).toBe(0);
    expect(watch.stdout.trimEnd().endsWith('Stopped.')).toBe(true);
    expect(watch.stderr).toBe('');
    await readApkg(join(dir, 'decks/notes.apkg'));
    expect(Object.keys(lockGuids(dir)).length).toBe(3);
  });
});

// Before the watch asked the build for its paths, both looped: the writes it did not know of were taken for saves.
describe.each([
  { what: 'a notes folder whose config puts decks and lock inside it', args: ['notes'], config: '{ "out": "built", "lock": "locks/cards.json" }\n', apkg: 'notes/built/notes.apkg', lock: 'notes/locks/cards.json' },
  { what: 'one notes file, its config putting the decks inside the folder', args: ['notes/network.md'], config: '{ "out": "built" }\n', apkg: 'notes/built/network.apkg', lock: 'notes/network.deckgen.lock.json' },
])('deckgen watch on $what', ({ args, config, apkg, lock }) => {
  let dir: string;
  let watch: Watch;

  beforeAll(async () => {
    dir = workspace({ 'network.md': NOTE('SYN, SYN-ACK, ACK'), 'deckgen.config.json': config });
    watch = new Watch(args, dir);
    await watch.build(1);
  });
  afterAll(async () => {
    await watch.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes where a build writes and does not take those writes for saves; a real save still builds', async () => {
    await readApkg(join(dir, apkg));
    expect(existsSync(join(dir, lock))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watch.builds(), watch.stdout).toHaveLength(1);
    writeFileSync(join(dir, 'notes/network.md'), NOTE('SYN → SYN-ACK → ACK'));
    expect(await watch.build(2)).toContain('1 updated');
  });
});

// The config's `format` is the build's to read: watch used to replace it with the defaults.
describe.each([
  { what: 'watch', args: [], written: ['notes.csv'] },
  { what: 'watch --serve', args: ['--serve', '--port', '0'], written: ['notes.csv', 'notes.html'] },
])('deckgen $what with `format` in the config', ({ args, written }) => {
  let dir: string;
  let watch: Watch;

  beforeAll(async () => {
    dir = workspace({ 'network.md': NOTE('SYN, SYN-ACK, ACK'), 'deckgen.config.json': '{ "format": ["csv"] }\n' });
    watch = new Watch(args, dir);
    await watch.build(1);
  });
  afterAll(async () => {
    await watch.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`writes only what the config asks for (${written.join(', ')})`, () => {
    const decks = ['notes.apkg', 'notes.csv', 'notes.tsv', 'notes.html'].filter((name) => existsSync(join(dir, 'decks', name)));
    expect(decks, watch.stdout).toEqual(written);
    expect(readFileSync(join(dir, 'decks/notes.csv'), 'utf8')).toContain('3-way handshake');
  });
});

/** One raw HTTP request to the preview server (what a browser would never send, too). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Local addresses of the sockets listening on `port`, as the kernel lists them (Linux /proc/net/tcp, tcp6). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // state 0A: LISTEN
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1].split(':')[0]),
  );
}

describe('deckgen watch --serve', () => {
  let dir: string;
  let watch: Watch;
  let port: number;

  beforeAll(async () => {
    dir = workspace({ 'network.md': NOTE('SYN, SYN-ACK, ACK') });
    watch = new Watch(['notes', '--serve', '--port', '0'], dir);
    await watch.build(1);
    port = Number(/Preview: http:\/\/127\.0\.0\.1:(\d+)\//.exec(watch.stdout)![1]);
  });
  afterAll(async () => {
    await watch.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the address, writes the page with the decks, and serves it', async () => {
    expect(watch.builds()[0]).toContain('wrote decks/notes.apkg, decks/notes.csv, decks/notes.html');
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="deckgen-live" content="1">');
    expect(page.body).toContain('3-way handshake');
  });

  it.skipIf(!existsSync('/proc/net/tcp'))('listens on the loopback address only (127.0.0.1, never all interfaces)', () => {
    // 0100007F: 127.0.0.1 in the kernel's byte order; nothing on 0.0.0.0 or ::.
    expect(listeningAddresses(port)).toEqual(['0100007F']);
  });

  it('serves only the page and its events: any other path, ../ included, is refused without reading a file', async () => {
    for (const path of ['/../decks/notes.apkg', '/..%2f..%2fpackage.json', '/%2e%2e/notes/deckgen.lock.json', '//etc/passwd', '/notes.html', '/decks/notes.html', '/notes/network.md', '/favicon.ico', '/index.html']) {
      const response = await get(port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toBe('Not found: this server serves only the preview page\n');
    }
    for (const target of ['../decks/notes.apkg', '/../../etc/passwd', 'http://127.0.0.1/../package.json']) {
      const response = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(response, target).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(response, target).not.toContain('SQLite');
      expect(response, target).not.toContain('"dependencies"');
    }
    expect((await get(port, '/', {}, 'POST')).status).toBe(405);
    expect((await get(port, '/', { host: 'attacker.example' })).status).toBe(421);
  });

  describe.skipIf(!hasChromium)('the open page', () => {
    let browser: Browser;
    let opened: OpenedPage;
    let page: Page;
    const frontOf = (question: string) => page.locator('article.dg-card', { hasText: question }).first();

    beforeAll(async () => {
      browser = await launchChromium();
      opened = await openPage(browser, `http://127.0.0.1:${port}/`);
      page = opened.page;
      await page.waitForSelector('article.dg-card');
      await page.evaluate(() => ((window as unknown as { neverReloaded: boolean }).neverReloaded = true));
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows a save in place, without a reload, keeping the search, and the .apkg on disk holds it', async () => {
      await page.fill('#dg-search', 'tcp');
      await page.waitForFunction(() => (window as unknown as { deckgenPreview: { shown(): { query: string } } }).deckgenPreview.shown().query === 'tcp');
      writeFileSync(join(dir, 'notes/network.md'), NOTE('SYN → SYN-ACK → ACK, 세 번의 악수'));
      await frontOf('3-way handshake').locator('.back', { hasText: '세 번의 악수' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => (window as unknown as { neverReloaded?: boolean }).neverReloaded)).toBe(true);
      expect(await page.inputValue('#dg-search')).toBe('tcp');
      const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
      expect(apkg.notes.map((note) => note.fields[1])).toContain('SYN → SYN-ACK → ACK, 세 번의 악수');
    });

    it('keeps the scroll position: the card at the top stays at the top', async () => {
      const many = Array.from({ length: 60 }, (_, i) => `- 용어 ${i} : 설명 ${i}`).join('\n');
      writeFileSync(join(dir, 'notes/many.md'), `# 많은 카드\n\n${many}\n`);
      await page.fill('#dg-search', '');
      await frontOf('용어 30').waitFor({ timeout: 15_000 });
      await frontOf('용어 30').evaluate((card) => card.scrollIntoView({ block: 'start' }));
      const before = await frontOf('용어 30').evaluate((card) => card.getBoundingClientRect().top);
      writeFileSync(join(dir, 'notes/many.md'), `# 많은 카드\n\n- 맨 위에 새 카드 : 위치가 바뀌어도\n${many}\n`);
      await frontOf('맨 위에 새 카드').waitFor({ state: 'attached', timeout: 15_000 });
      const after = await frontOf('용어 30').evaluate((card) => card.getBoundingClientRect().top);
      expect(Math.abs(after - before)).toBeLessThan(2);
    });

    it('shows broken front matter at the top of the page while watching on; once fixed, the cards come back with the same GUIDs', async () => {
      const guids = async () => (await page.locator('article.dg-card').evaluateAll((cards) => cards.map((card) => `${(card as HTMLElement).dataset.guid}/${(card as HTMLElement).dataset.ord}`))).sort();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.fill('#dg-search', 'handshake');
      await frontOf('3-way handshake').waitFor();
      const before = await guids();
      const builds = watch.builds().length;
      writeFileSync(join(dir, 'notes/network.md'), `---\ndeck: [unclosed\n---\n${NOTE('half-saved')}`);
      const error = page.locator('#dg-problems .dg-errors .dg-problem', { hasText: 'front-matter-invalid' });
      await error.waitFor({ timeout: 15_000 });
      expect(await error.locator('.dg-place').innerText()).toMatch(/^notes\/network\.md:\d+/);
      expect(await page.locator('article.dg-card').count()).toBe(0);
      await watch.build(builds + 1);
      expect(watch.process.exitCode).toBeNull();
      writeFileSync(join(dir, 'notes/network.md'), NOTE('SYN → SYN-ACK → ACK, 세 번의 악수'));
      await frontOf('3-way handshake').waitFor({ timeout: 15_000 });
      expect(await page.locator('#dg-problems .dg-errors').count()).toBe(0);
      expect(await guids()).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as { neverReloaded?: boolean }).neverReloaded)).toBe(true);
      expect(opened.errors).toEqual([]);
    });

    it('says at the top of the page when a build could not run at all (an unusable lock file), and clears it after', async () => {
      const lock = join(dir, 'notes/deckgen.lock.json');
      const good = readFileSync(lock);
      const builds = watch.builds().length;
      // The lock is the build's own file, so writing it builds nothing: the next save does.
      writeFileSync(lock, '{ not json');
      writeFileSync(join(dir, 'notes/network.md'), NOTE('잠금 파일이 깨진 동안'));
      expect(await watch.build(builds + 1)).toContain('lock-invalid');
      const banner = page.locator('.dg-failure');
      await banner.locator('.dg-rule', { hasText: 'lock-invalid' }).waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toContain('The last build could not run');
      writeFileSync(lock, good);
      writeFileSync(join(dir, 'notes/network.md'), NOTE('잠금 파일을 고친 뒤'));
      await page.fill('#dg-search', 'handshake');
      await page.locator('.back', { hasText: '잠금 파일을 고친 뒤' }).waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toBe('');
      expect(opened.errors).toEqual([]);
    });
  });

  it('stops the server with the watch on SIGINT', async () => {
    expect(await watch.stop()).toBe(0);
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
