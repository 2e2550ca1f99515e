/**
 * Headless Chromium for tests that look at pages: Debian's own browser
 * (`apt-get install -y chromium`), driven by playwright-core, which downloads
 * nothing. Tests using it skip with a message when it is missing.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function skipMessage(file: string): string {
  return `${file} skipped: ${CHROMIUM} not found (apt-get install -y chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Every request that would have left the machine (all are refused: the page must work with no network). */
  offline: string[];
}

/**
 * Opens a page with every http(s) request refused and recorded (but those to
 * the page's own origin when it is served from 127.0.0.1), listening for
 * errors from the start.
 */
export async function openPage(browser: Browser, url: string, options: { night?: boolean; width?: number } = {}): Promise<OpenedPage> {
  const local = url.startsWith('http://127.0.0.1:') ? new URL(url).origin : null;
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.night ? 'dark' : 'light' });
  const opened: OpenedPage = { page, errors: [], offline: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => opened.errors.push(`uncaught: ${error.message}`));
  await page.route(/^https?:/, async (route) => {
    if (local && new URL(route.request().url()).origin === local) return route.continue();
    opened.offline.push(route.request().url());
    await route.abort();
  });
  await page.goto(url.includes('://') ? url : pathToFileURL(url).href);
  return opened;
}

/** Scrolls the preview to its end until every matching card is drawn, then waits for MathJax. Returns the number of card elements. */
export async function drawAllCards(page: Page): Promise<number> {
  await page.waitForFunction(
    () => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const { drawn, matching } = (window as unknown as { deckgenPreview: { shown(): { drawn: number; matching: number } } }).deckgenPreview.shown();
      return drawn >= matching;
    },
    undefined,
    { polling: 50, timeout: 120_000 },
  );
  await settled(page);
  return cardCount(page);
}

export function cardCount(page: Page): Promise<number> {
  return page.locator('article.dg-card').count();
}

/** Waits until MathJax has typeset every card drawn so far. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('window.deckgenPreview.settled()');
}
