/**
 * No script in a note reaches Anki's webview. Notes full of attacks are built
 * into an .apkg; every card of every note is read back, made into the HTML Anki
 * shows (templates, cloze filter and sound markers as Anki's source does it:
 * helpers/anki-card.ts), put into a page the way Anki's reviewer does
 * (ts/reviewer/index.ts: `innerHTML`, scripts re-inserted so they run, then
 * MathJax 3 `tex-chtml-full` with Anki's configuration from ts/mathjax/index.ts
 * typesets the card) and shown in headless Chromium. Every element is then
 * clicked. The test fails if any payload's `alert` runs, or if the card ends up
 * with an event handler, a `javascript:` address or a player Anki would start.
 *
 * A control page holding a field deckgen did not make proves the probe sees
 * script run. Chromium comes from Debian (`apt-get install -y chromium`);
 * without it this file is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/lib/build.js';
import { cardSides, type TemplateModel } from './helpers/anki-card.js';
import { readApkg } from './helpers/anki.js';
import { projectRoot, workspace } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`inert-cards.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** The review's examples and their variants; every payload calls `alert`. */
export const ATTACKS = `# Attacks

- ==Bern== is a city ![{{c1::<img src=x onerror=alert(1)>}}](https://example.com/a.png)
- ==Bern== is a city [link]({{c1::"onmouseover=alert(2)//}})
- ==Paris== title <abbr title="{{c2::<img src=x onerror=alert(3)>}}">abbr</abbr>
- ==Rome== split {[{c1::<img src=x onerror=alert(4)>}}](#same-page)
- ==Oslo== and ==\`}}<img src=x onerror=alert(5)>\`== in code
- ==Lima== ends a brace ==x}==<img src=x onerror=alert(6)>
- Math link : $\\href{javascript:alert(7)}{click me}$
- Math url : $\\url{javascript:alert(8)}$
- Math style : $\\style{background:url(javascript:alert(9))}{x}$ and $\\class{replay-button}{y}$ and $\\cssId{qa}{z}$
- Math require : $\\require{html}\\href{javascript:alert(10)}{again}$
- Math as text : \\\\(\\href{javascript:alert(11)}{typed}\\\\)
- Math across tags : \\\\(<b>\\href{javascript:alert(12)}</b>{split}\\\\)
- Sound : [sound:x.mp3] and \`[sound:y.mp3]\` and ![[sound:z.mp3]](https://example.com/b.png)
- Speech : [anki:tts lang=en_US]hello[/anki:tts] and [anki:play:q:0]
- Picture : <picture><source srcset="javascript:alert(13)"><source srcset="secret.png 1x"><img src="https://example.com/c.png"></picture>
- Raw : <img src=x onerror=alert(14)> <svg onload=alert(15)></svg> <a href="javascript:alert(16)">a</a>
`;

// Runs in each card's frame: Anki's reviewer steps, a report to the parent page, then every element clicked
// (what runs then is reported through the frame's `alert`).
const CARD_SCRIPT = `
window.alert = (value) => parent.ranScript(frameElement.id, String(value));
(async () => {
  const qa = document.getElementById('qa');
  qa.innerHTML = decodeURIComponent(document.getElementById('card').dataset.html);
  for (const old of [...qa.getElementsByTagName('script')]) {
    const fresh = document.createElement('script');
    for (const attribute of old.attributes) fresh.setAttribute(attribute.name, attribute.value);
    fresh.appendChild(document.createTextNode(old.innerHTML));
    old.replaceWith(fresh);
  }
  try {
    await MathJax.startup.promise;
    MathJax.typesetClear();
    await MathJax.typesetPromise([qa]);
  } catch (error) {
    parent.noteProblem(frameElement.id, 'MathJax: ' + error);
  }
  const found = [];
  for (const el of qa.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) found.push('handler ' + el.tagName + ' ' + attribute.name);
      if (/^\\s*javascript:/i.test(attribute.value)) found.push('javascript: in ' + el.tagName + ' ' + attribute.name);
    }
  }
  if (qa.querySelector('.replay-button')) found.push('a sound player');
  const typeset = qa.querySelectorAll('mjx-container').length;
  parent.cardDone(frameElement.id, found, typeset);
  window.pycmd = () => {}; // Anki's bridge, called by its own player links
  for (const el of qa.querySelectorAll('*')) {
    try { el.click(); el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); } catch {}
  }
})();`;

function cardPage(html: string, mathjax: string): string {
  // Anki's MathJax configuration (ts/mathjax/index.ts), with the path pointing at the same MathJax 3 on disk.
  const config = `window.MathJax = { tex: { displayMath: [['\\\\[', '\\\\]']], processEscapes: false, processEnvironments: false, processRefs: false,
    packages: { '[+]': ['noerrors', 'mathtools'], '[-]': ['textmacros'] } },
    loader: { load: ['[tex]/noerrors', '[tex]/mathtools'], paths: { mathjax: '${mathjax}' } }, startup: { typeset: false } };`;
  return `<!doctype html><html><head><meta charset="utf-8"><script>${config}</script><script src="${mathjax}/tex-chtml-full.js"></script></head>
<body class="card"><div id="card" data-html="${encodeURIComponent(html)}"></div><div id="qa"></div><script>${CARD_SCRIPT}</script></body></html>`;
}

interface CardResult {
  ran: string[];
  found: string[];
  typeset: number;
  problems: string[];
  done: boolean;
}

function showCards(dir: string, cards: Record<string, string>): Record<string, CardResult> {
  const mathjax = pathToFileURL(join(projectRoot, 'node_modules/mathjax/es5')).href;
  const frames = Object.entries(cards)
    .map(([id, html]) => `<iframe id="${id}" srcdoc="${cardPage(html, mathjax).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`)
    .join('\n');
  const ids = JSON.stringify(Object.keys(cards));
  const parentScript = `
const results = Object.fromEntries(${ids}.map((id) => [id, { ran: [], found: [], typeset: 0, problems: [], done: false }]));
window.ranScript = (id, value) => { results[id].ran.push(value); report(); };
window.noteProblem = (id, problem) => { results[id].problems.push(problem); report(); };
window.cardDone = (id, found, typeset) => { Object.assign(results[id], { found, typeset, done: true }); report(); };
function report() { document.body.dataset.probe = encodeURIComponent(JSON.stringify(results)); }
report();`;
  const page = join(dir, 'cards.html');
  writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"><script>${parentScript}</script></head><body>${frames}</body></html>`);
  const profile = mkdtempSync(join(tmpdir(), 'deckgen-chromium-'));
  try {
    const run = spawnSync(
      CHROMIUM,
      [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', `--user-data-dir=${profile}`, '--allow-file-access-from-files', '--virtual-time-budget=30000',
        '--dump-dom', pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const probe = /data-probe="([^"]*)"/.exec(run.stdout ?? '');
    if (!probe) throw new Error(`Chromium produced no report (status ${run.status}):\n${run.stderr}`);
    return JSON.parse(decodeURIComponent(probe[1])) as Record<string, CardResult>;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(!hasChromium)(`cards in Anki's webview, headless Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let results: Record<string, CardResult>;
  let cardCount = 0;
  let dir: string;

  beforeAll(async () => {
    dir = workspace({ 'attacks.md': ATTACKS });
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), formats: ['apkg'], cwd: dir, now: 1_700_000_000 });
    expect(report.exitCode, JSON.stringify(report.diagnostics)).toBeLessThan(2);
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    const cards: Record<string, string> = {};
    for (const note of apkg.notes) {
      const model = apkg.models[String(note.mid)] as unknown as TemplateModel;
      for (const card of apkg.cards.filter((candidate) => candidate.nid === note.id)) {
        const sides = cardSides(model, note.fields, card.ord);
        cards[`n${note.id}o${card.ord}q`] = sides.question;
        cards[`n${note.id}o${card.ord}a`] = sides.answer;
        cardCount += 1;
      }
    }
    // The control: a basic note's front as a careless tool would write it, through the same templates.
    const basic = Object.values(apkg.models).find((model) => model.name === 'deckgen Basic') as unknown as TemplateModel;
    const careless = '<img src=x onerror="alert(\'control\')"> \\(\\href{javascript:alert(\'control link\')}{tap}\\) [sound:x.mp3]';
    cards.control = cardSides(basic, [careless, 'back', ''], 0).question;
    results = showCards(dir, cards);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees script run in a field deckgen did not make (the probe works)', () => {
    const control = results.control;
    expect(control.done).toBe(true);
    expect(control.typeset).toBeGreaterThan(0);
    expect(control.ran).toEqual(expect.arrayContaining(['control', 'control link']));
    expect(control.found).toEqual(expect.arrayContaining(['a sound player']));
  });

  it('runs no script on any side of any card, typesets the math, and starts no player', () => {
    const cards = Object.entries(results).filter(([id]) => id !== 'control');
    expect(cardCount).toBeGreaterThanOrEqual(16);
    expect(cards.every(([, result]) => result.done)).toBe(true);
    expect(cards.filter(([, result]) => result.typeset > 0).length, 'the math cards are typeset').toBeGreaterThanOrEqual(5);
    const unsafe = cards
      .filter(([, result]) => result.ran.length || result.found.length || result.problems.length)
      .map(([id, { ran, found, problems }]) => ({ id, ran, found, problems }));
    expect(unsafe).toEqual([]);
  });
});
