/**
 * `--format html` without a browser: the page as a file (what is in it, that
 * it is reproducible and checked like the decks). test/preview.test.ts opens it
 * in Chromium.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewData } from '../src/lib/write/html/cards.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { runCli, seedWorkspace, type CliResult } from './helpers/cli.js';

function pageData(html: string): PreviewData {
  const block = /<script type="application\/json" id="deckgen-data">([\s\S]*?)<\/script>/.exec(html);
  if (!block) throw new Error('no data block');
  return JSON.parse(block[1]) as PreviewData;
}

describe('deckgen --format html (seed notes)', () => {
  let dir: string;
  let cli: CliResult;
  let html: string;
  let apkg: ApkgContents;

  beforeAll(async () => {
    dir = seedWorkspace();
    cli = runCli(['--format', 'apkg,html', '--json'], dir, { SOURCE_DATE_EPOCH: '1790000000' });
    html = readFileSync(join(dir, 'decks/notes.html'), 'utf8');
    apkg = await readApkg(join(dir, 'decks/notes.apkg'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <out>/<notes folder>.html beside the package, and reports it', () => {
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).outputs).toEqual([
      { format: 'apkg', path: 'decks/notes.apkg' },
      { format: 'html', path: 'decks/notes.html' },
    ]);
  });

  it('holds every card of the package with its GUID, deck and tags', () => {
    const data = pageData(html);
    expect(data.cards).toHaveLength(apkg.cards.length);
    const notes = new Map(apkg.notes.map((note) => [note.guid, note]));
    for (const card of data.cards) {
      const note = notes.get(card.guid)!;
      expect(note, card.guid).toBeDefined();
      expect(card.tags.join(' ')).toBe(note.tags.trim());
      expect(card.deck).toBe('interview');
      expect(card.file).toBe('notes/interview.md');
    }
  });

  it('loads nothing from anywhere: no src or href outside the page, scripts allowed by hash only', () => {
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html.match(/<link\b[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+'; /);
  });

  it('is the same bytes on a rebuild, and --check compares it like the decks', () => {
    const again = runCli(['--format', 'apkg,html', '--check'], dir, { SOURCE_DATE_EPOCH: '1790000000' });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'decks/notes.html'), 'utf8')).toBe(html);
  });

  it('is not written unless asked for: the default stays apkg and csv', () => {
    const plain = runCli(['--json', '--dry-run'], dir);
    expect(JSON.parse(plain.stdout).outputs.map((output: { format: string }) => output.format)).toEqual(['apkg', 'csv']);
  });

  it('names html among the formats when one is unknown', () => {
    const wrong = runCli(['--format', 'pdf'], dir);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('(use apkg, csv, tsv, html)');
  });
});
