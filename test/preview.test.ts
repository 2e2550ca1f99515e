/**
 * Issue 11, `--format html`: the preview page built through the CLI, opened
 * from the file system in headless Chromium with every network request
 * refused, and checked against the .apkg of the same build, read back.
 *
 * One browser for the whole file; Chromium comes from Debian
 * (`apt-get install -y chromium`), and without it this file is skipped.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNotes } from '../bench/gen-notes.js';
import { cardSides, type TemplateModel } from './helpers/anki-card.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { cardCount, drawAllCards, hasChromium, launchChromium, openPage, settled, skipMessage, type OpenedPage } from './helpers/browser.js';
import { projectRoot, runCli, seedWorkspace, workspace } from './helpers/cli.js';

if (!hasChromium) console.warn(skipMessage('preview.test.ts'));
const corpus = join(projectRoot, '../shared/corpora/boost-devs__ai-tech-interview');
if (!existsSync(corpus)) console.warn(`preview.test.ts: the corpus part is skipped, ${corpus} is missing (../shared exists only in the team's workplace)`);

interface Built {
  dir: string;
  apkg: ApkgContents;
  html: string;
}

/** `deckgen --format apkg,html` in `dir`, as a user runs it; the .apkg is read back. */
async function buildPreview(dir: string, notes: string, extra: string[] = []): Promise<Built> {
  const cli = runCli(['--notes', notes, '--out', 'out', '--format', 'apkg,html', ...extra], dir);
  expect(cli.status, cli.stderr).not.toBe(2);
  const name = notes.split('/').at(-1)!;
  return { dir, apkg: await readApkg(join(dir, 'out', `${name}.apkg`)), html: join(dir, 'out', `${name}.html`) };
}

const plain = (html: string) => decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').toLowerCase();

/** Every card of the package as (guid, ord), and its answer side as Anki renders it (which holds the question). */
function apkgCards(apkg: ApkgContents) {
  const decks = new Map(Object.values(apkg.decks).map((deck) => [deck.id, deck.name]));
  return apkg.cards.map((card) => {
    const note = apkg.notes.find((candidate) => candidate.id === card.nid)!;
    const model = apkg.models[String(note.mid)] as unknown as TemplateModel;
    return { key: `${note.guid}/${card.ord}`, deck: decks.get(card.did)!, tags: note.tags.trim().split(' ').filter(Boolean), answer: cardSides(model, note.fields, card.ord).answer };
  });
}

function drawnKeys(page: Page): Promise<string[]> {
  return page.$$eval('article.dg-card', (cards) => cards.map((card) => `${(card as HTMLElement).dataset.guid}/${(card as HTMLElement).dataset.ord}`));
}

/** The remote (http/https) addresses the notes' own cards point at: the only ones the page may try to reach. */
function remoteAddresses(apkg: ApkgContents): string[] {
  const all = apkg.notes.flatMap((note) => note.fields.flatMap((field) => [...field.matchAll(/\bsrc="(https?:[^"]+)"/g)].map((match) => decodeHTML(match[1]))));
  return [...new Set(all)].sort();
}

/** No error but the browser's own "failed to load" for the remote images the network refusal stopped. */
function expectOnlyRefusedRemoteImages(opened: OpenedPage, apkg: ApkgContents) {
  const remote = remoteAddresses(apkg);
  expect([...new Set(opened.offline)].sort().every((url) => remote.includes(url)), opened.offline.join('\n')).toBe(true);
  const unexpected = opened.errors.filter((error) => !/^Failed to load resource: net::ERR_FAILED \((https?:[^)]+)\)$/.test(error) || !remote.some((url) => error.endsWith(`(${url})`)));
  expect(unexpected).toEqual([]);
}

async function search(page: Page, text: string): Promise<void> {
  await page.fill('#dg-search', text);
  // The box is debounced; the filter is applied once the page says it matches what was typed.
  await page.waitForFunction((typed) => (window as unknown as { deckgenPreview: { shown(): { query: string } } }).deckgenPreview.shown().query === typed, text.toLowerCase().trim());
}

describe.skipIf(!hasChromium)('the preview page in headless Chromium', () => {
  let browser: Browser;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-preview-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('of the rich fixture (test/fixtures/rich)', () => {
    let built: Built;
    let opened: OpenedPage;
    let page: Page;

    beforeAll(async () => {
      const dir = tempDir();
      // Copied whole: `../secret.txt` must exist just outside the notes folder.
      cpSync(join(projectRoot, 'test/fixtures/rich'), join(dir, 'rich'), { recursive: true });
      built = await buildPreview(dir, 'rich/notes', ['--lock', 'lock.json']);
      opened = await openPage(browser, built.html);
      page = opened.page;
      await drawAllCards(page);
    });

    it('loads with no console errors and reaches for nothing on the network but the remote images in the notes', () => {
      expect(remoteAddresses(built.apkg)).toEqual(['https://example.com/pic.png']);
      expectOnlyRefusedRemoteImages(opened, built.apkg);
    });

    it('has one card element per card of the .apkg', async () => {
      const expected = apkgCards(built.apkg).map((card) => card.key).sort();
      expect(expected.length).toBeGreaterThan(40);
      expect(await cardCount(page)).toBe(expected.length);
      expect((await drawnKeys(page)).sort()).toEqual(expected);
    });

    it('shows a cloze card with [...] on its front and the answer highlighted on its back', async () => {
      const note = built.apkg.notes.find((candidate) => candidate.fields[0] === '{{c1::HTTP}} 는 {{c2::TCP}} 위에서 동작한다')!;
      const card = page.locator(`article.dg-card[data-guid="${note.guid}"][data-ord="1"]`);
      const [front, back] = [card.locator('.dg-side').nth(0), card.locator('.dg-side').nth(1)];
      expect(await front.locator('.cloze').innerText()).toBe('[...]');
      expect(await front.locator('.front').innerText()).toBe('HTTP 는 [...] 위에서 동작한다');
      expect(await back.locator('.cloze').innerText()).toBe('TCP');
      expect(await back.locator('.cloze').evaluate((span) => getComputedStyle(span).fontWeight)).toBe('700');
    });

    it('typesets every formula with MathJax: output present, no raw \\( or \\[ left', async () => {
      const euler = page.locator('article.dg-card', { hasText: '오일러 항등식' }).first();
      expect(await euler.locator('mjx-container svg').count()).toBeGreaterThan(0);
      expect(await page.locator('mjx-container').count()).toBeGreaterThanOrEqual(5);
      const raw = await page.$$eval('.dg-face', (faces) => faces.map((face) => (face as HTMLElement).innerText).filter((text) => /\\[([]/.test(text)));
      expect(raw).toEqual([]);
    });

    it('shows the images of the notes, from the page itself', async () => {
      await page.waitForFunction(() => [...document.querySelectorAll('.dg-face img[src^="data:"]')].every((img) => (img as HTMLImageElement).complete));
      const images = await page.$$eval('.dg-face img', (all) => all.map((img) => ({ src: (img as HTMLImageElement).src.slice(0, 30), width: (img as HTMLImageElement).naturalWidth })));
      const local = images.filter((image) => image.src.startsWith('data:image/'));
      expect(local.length).toBeGreaterThanOrEqual(5);
      expect(local.filter((image) => image.width === 0)).toEqual([]);
      const table = page.locator('article.dg-card', { hasText: '해시 테이블' }).locator('.dg-side').nth(1).locator('img');
      expect(await table.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(960);
    });

    it('filters by the search box over front, back and tags, and by deck', async () => {
      const cards = apkgCards(built.apkg);
      await search(page, 'HTTP');
      const http = cards.filter((card) => `${plain(card.answer)} ${card.tags.join(' ').toLowerCase()}`.includes('http'));
      expect(http.length).toBeGreaterThan(0);
      expect(http.length).toBeLessThan(cards.length);
      expect((await drawnKeys(page)).sort()).toEqual(http.map((card) => card.key).sort());
      // A tag only: every card of the file carries it.
      await search(page, '리치_카드::빈칸');
      expect((await drawnKeys(page)).sort()).toEqual(cards.filter((card) => card.tags.includes('cards::리치_카드::빈칸')).map((card) => card.key).sort());
      await search(page, 'no card says this');
      expect(await cardCount(page)).toBe(0);
      expect(await page.locator('.dg-empty').innerText()).toBe('No card matches.');
      await search(page, '');
      await page.selectOption('#dg-deck', 'rich');
      await drawAllCards(page);
      expect((await drawnKeys(page)).sort()).toEqual(cards.filter((card) => card.deck === 'rich').map((card) => card.key).sort());
      await page.selectOption('#dg-deck', '');
      await drawAllCards(page);
      expect(await cardCount(page)).toBe(cards.length);
    });

    it('marks a card with a diagnostic and shows the diagnostic beside it; errors are listed at the top', async () => {
      const secret = page.locator('article.dg-card', { hasText: '비밀 파일' });
      expect(await secret.getAttribute('class')).toContain('dg-has-error');
      expect(await secret.locator('.dg-card-problems .dg-rule').allInnerTexts()).toEqual(['media-outside-notes']);
      expect(await secret.locator('.dg-source').innerText()).toBe('rich/notes/cards.md:33');
      const top = page.locator('#dg-problems .dg-errors .dg-problem');
      expect(await top.count()).toBe(2);
      expect(await page.locator('.dg-summary').innerText()).toMatch(/^46 cards in 2 decks · 2 errors, \d+ warnings?, 0 info$/);
    });

    it('switches to night mode: every card side gets Anki’s night classes and a dark background', async () => {
      await page.click('#dg-theme');
      const faces = await page.$$eval('.dg-face > .card', (all) => all.map((card) => ({ classes: card.className, background: getComputedStyle(card).backgroundColor })));
      expect(faces.length).toBe(2 * (await cardCount(page)));
      expect(faces.filter((face) => !/\bnightMode\b/.test(face.classes) || !/\bnight_mode\b/.test(face.classes))).toEqual([]);
      expect(new Set(faces.map((face) => face.background))).toEqual(new Set(['rgb(30, 30, 30)']));
      await page.click('#dg-theme');
      expect(await page.locator('.dg-face > .card').first().evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(255, 255, 255)');
    });
  });

  it('runs no script that a deck name, tag, file name, heading or diagnostic message holds', async () => {
    const dir = workspace({
      '<img src=x onerror=window.injected=3>.md': [
        '---',
        'deck: "</script><script>window.injected=1</script>"',
        'tags: ["</script><script>window.injected=2</script>"]',
        '---',
        '# Topic </script><script>window.injected=5</script>',
        '',
        '- 헤더 : 토큰 종류 </script><script>window.injected=6</script>',
        '',
        '## What is `</script><script>window.injected=4</script>`?',
        '',
        '## Next',
        '',
        '- 그림 : text',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    const built = await buildPreview(dir, 'notes');
    const opened = await openPage(browser, built.html);
    const { page } = opened;
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    // The data block, MathJax's configuration, MathJax, the page's script: nothing else.
    expect(await page.evaluate(() => document.scripts.length)).toBe(4);
    expect(await page.locator('.dg-deck-heading').first().evaluate((heading) => heading.firstChild!.textContent)).toBe('</script><script>window.injected=1</script>');
    expect(await page.locator('article.dg-card').first().locator('.dg-tag').allInnerTexts()).toContain('<::script><script>window.injected=2<::script>'); // `/` nests tags
    expect(await page.locator('.dg-source').first().innerText()).toBe('notes/<img src=x onerror=window.injected=3>.md:7');
    expect(await page.locator('#dg-problems .dg-warnings').innerText()).toContain('Question "What is </script><script>window.injected=4</script>?" has no answer');
    expect(opened.errors).toEqual([]);
    expect(opened.offline).toEqual([]);
  });

  it('shows the seed notes: the JWT › 구조 › 헤더 card with its answer, one element per card', async () => {
    const dir = seedWorkspace();
    dirs.push(dir);
    const built = await buildPreview(dir, 'notes');
    const opened = await openPage(browser, built.html);
    const { page } = opened;
    expect(await drawAllCards(page)).toBe(built.apkg.cards.length);
    expect(opened.errors).toEqual([]);
    await search(page, '헤더');
    const card = page.locator('article.dg-card').filter({ has: page.locator('.dg-side').first().locator('.front', { hasText: /^헤더$/ }) });
    expect(await card.count()).toBe(1);
    expect(await card.locator('.dg-side').first().locator('.context').innerText()).toMatch(/JWT › 구조$/);
    expect(await card.locator('.dg-side').nth(1).locator('.back').innerText()).toBe('토큰 종류와 해시 알고리즘 정보');
  });

  it.skipIf(!existsSync(corpus))('shows ../shared/corpora/boost-devs__ai-tech-interview: every card, typeset formulas, loaded images', async () => {
    const dir = tempDir();
    cpSync(corpus, join(dir, 'corpus'), { recursive: true });
    const built = await buildPreview(dir, 'corpus', ['--lock', 'lock.json']);
    const opened = await openPage(browser, built.html);
    const { page } = opened;
    expect(await drawAllCards(page)).toBe(built.apkg.cards.length);
    expect((await drawnKeys(page)).sort()).toEqual(apkgCards(built.apkg).map((card) => card.key).sort());
    expect(await page.locator('mjx-container').count()).toBeGreaterThan(50);
    const raw = await page.$$eval('.dg-face', (faces) => faces.map((face) => (face as HTMLElement).innerText).filter((text) => /\\[([]/.test(text)));
    expect(raw).toEqual([]);
    await page.waitForFunction(() => [...document.querySelectorAll('.dg-face img[src^="data:"]')].every((img) => (img as HTMLImageElement).complete), undefined, { timeout: 60_000 });
    const widths = await page.$$eval('.dg-face img[src^="data:"]', (all) => all.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(widths.length).toBeGreaterThan(20);
    expect(widths.filter((width) => width === 0)).toEqual([]);
    expectOnlyRefusedRemoteImages(opened, built.apkg);
  });

  it('stays usable at 10,000 cards: draws a chunk at a time, searches all of them', async () => {
    const dir = tempDir();
    writeNotes(join(dir, 'notes-10k'), { bullets: 10_000, files: 10 });
    renameSync(join(dir, 'notes-10k'), join(dir, 'big'));
    const cli = runCli(['--notes', 'big', '--out', 'out', '--format', 'html', '--lock', 'lock.json'], dir);
    expect(cli.status, cli.stderr).toBe(0);
    const opened = await openPage(browser, join(dir, 'out/big.html'));
    const { page } = opened;
    const shown = () => page.evaluate(() => (window as unknown as { deckgenPreview: { shown(): { drawn: number; matching: number; cards: number } } }).deckgenPreview.shown());
    expect((await shown()).cards).toBe(10_000);
    const first = await cardCount(page);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(200);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction((before) => document.querySelectorAll('article.dg-card').length > before, first);
    await search(page, 'deadlock');
    const matching = (await shown()).matching;
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(10_000);
    expect(await page.locator('#dg-count').innerText()).toContain(`of ${matching} cards (10000 in all)`);
    const texts = await page.$$eval('article.dg-card', (cards) => cards.map((card) => (card as HTMLElement).innerText.toLowerCase()));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => !text.includes('deadlock'))).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
