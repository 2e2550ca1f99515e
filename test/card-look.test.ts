/**
 * How a card looks, measured in a real browser: the rich fixture is built, the
 * note type's templates and CSS are read back from the .apkg, and cards are
 * laid out in headless Chromium the way Anki shows them (`<body class="card">`,
 * night mode adding `nightMode night_mode`), on a phone-sized card.
 *
 * Chromium comes from Debian (`apt-get install -y chromium`); without it this
 * file is skipped. Nothing here is downloaded: the page and its media are local.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/lib/build.js';
import { cardSides } from './helpers/anki-card.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { projectRoot } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`card-look.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** A phone held upright; Chromium's headless window cannot be made this narrow, so each card gets an iframe. */
const CARD_WIDTH = 360;

interface Model {
  name: string;
  type: number;
  css: string;
  flds: { name: string }[];
  tmpls: { qfmt: string; afmt: string }[];
}

function cardSide(apkg: ApkgContents, front: string, ord: number, answer: boolean): { css: string; html: string } {
  const note = apkg.notes.find((candidate) => candidate.fields[0] === front);
  if (!note) throw new Error(`no note ${front}`);
  const model = apkg.models[String(note.mid)] as unknown as Model;
  const sides = cardSides(model, note.fields, ord);
  return { css: model.css, html: answer ? sides.answer : sides.question };
}

function cardPage(css: string, html: string, night: boolean): string {
  const body = night ? 'card card1 nightMode night_mode' : 'card card1';
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body class="${body}"><div id="qa">${html}</div></body></html>`;
}

// Runs in Chromium once everything (frames, images) has loaded; plain JS, as the project has no DOM types.
const PROBE = `
addEventListener('load', () => {
  const result = {};
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument, win = frame.contentWindow;
    const style = (el) => win.getComputedStyle(el);
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
    const one = (selector) => doc.querySelector(selector);
    const pre = one('pre'), img = one('img'), clozeSpan = one('.cloze'), context = one('.context'), front = one('.front');
    result[frame.id] = {
      viewportWidth: win.innerWidth,
      pageScrollWidth: doc.documentElement.scrollWidth,
      body: { color: style(doc.body).color, background: style(doc.body).backgroundColor, fontFamily: style(doc.body).fontFamily, box: box(doc.body) },
      qa: box(one('#qa')),
      context: context && { fontSize: parseFloat(style(context).fontSize), color: style(context).color },
      front: front && { fontSize: parseFloat(style(front).fontSize) },
      listAlign: [...doc.querySelectorAll('ul, ol, li')].map((el) => style(el).textAlign),
      pre: pre && { overflowX: style(pre).overflowX, background: style(pre).backgroundColor, box: box(pre),
        clientWidth: pre.clientWidth, scrollWidth: pre.scrollWidth, codeFont: style(pre.querySelector('code')).fontFamily },
      keyword: (() => { const k = one('.hljs-keyword'); return k && style(k).color; })(),
      img: img && { naturalWidth: img.naturalWidth, box: box(img) },
      cloze: clozeSpan && { color: style(clozeSpan).color, fontWeight: style(clozeSpan).fontWeight, text: clozeSpan.textContent },
    };
  }
  document.body.dataset.probe = encodeURIComponent(JSON.stringify(result));
});`;

interface Box {
  left: number;
  right: number;
  width: number;
}

interface Probe {
  viewportWidth: number;
  pageScrollWidth: number;
  body: { color: string; background: string; fontFamily: string; box: Box };
  qa: Box;
  context: { fontSize: number; color: string } | null;
  front: { fontSize: number } | null;
  listAlign: string[];
  pre: { overflowX: string; background: string; box: Box; clientWidth: number; scrollWidth: number; codeFont: string } | null;
  keyword: string | null;
  img: { naturalWidth: number; box: Box } | null;
  cloze: { color: string; fontWeight: string; text: string } | null;
}

/** Lays out every page in one Chromium run (one iframe each) and returns what PROBE measured, by page id. */
function measure(dir: string, pages: Record<string, string>): Record<string, Probe> {
  const frames = Object.entries(pages)
    .map(([id, html]) => `<iframe id="${id}" style="width:${CARD_WIDTH}px;height:900px;border:0" srcdoc="${html.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`)
    .join('\n');
  const page = join(dir, 'look.html');
  writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"></head><body>${frames}<script>${PROBE}</script></body></html>`);
  const profile = mkdtempSync(join(tmpdir(), 'deckgen-chromium-'));
  try {
    const run = spawnSync(
      CHROMIUM,
      [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--window-size=1600,1000',
        '--dump-dom', `file://${page}`,
      ],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const probe = /data-probe="([^"]*)"/.exec(run.stdout ?? '');
    if (!probe) throw new Error(`Chromium produced no measurements (status ${run.status}):\n${run.stderr}`);
    return JSON.parse(decodeURIComponent(probe[1])) as Record<string, Probe>;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour, 0 black … 1 white. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const value = Number(part) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe.skipIf(!hasChromium)(`card look in headless Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let look: Record<string, Probe>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckgen-look-'));
    const report = await build({
      notesDir: join(projectRoot, 'test/fixtures/rich/notes'),
      outDir: join(dir, 'out'),
      lockPath: join(dir, 'lock.json'),
      formats: ['apkg'],
      cwd: dir,
    });
    expect(report.outputs.map((output) => output.path)).toEqual(['out/notes.apkg']);
    const apkg = await readApkg(join(dir, 'out/notes.apkg'));
    // Media sit beside the page under their bare names, as in Anki's collection.media folder.
    for (const [entry, name] of Object.entries(apkg.media)) writeFileSync(join(dir, name), apkg.entries[entry]);
    // The answer side of a note holding a Korean definition list, math text, an image and a long Python block.
    const rich = cardSide(apkg, '해시 테이블', 0, true);
    const clozeQuestion = cardSide(apkg, '{{c1::HTTP}} 는 {{c2::TCP}} 위에서 동작한다', 1, false);
    const clozeAnswer = cardSide(apkg, '{{c1::HTTP}} 는 {{c2::TCP}} 위에서 동작한다', 1, true);
    look = measure(dir, {
      light: cardPage(rich.css, rich.html, false),
      night: cardPage(rich.css, rich.html, true),
      clozeQuestion: cardPage(clozeQuestion.css, clozeQuestion.html, false),
      clozeNight: cardPage(clozeAnswer.css, clozeAnswer.html, true),
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays the card out at phone width', () => {
    for (const probe of Object.values(look)) expect(probe.viewportWidth).toBe(CARD_WIDTH);
  });

  it('left-aligns lists', () => {
    expect(look.light.listAlign.length).toBeGreaterThanOrEqual(4);
    expect(new Set(look.light.listAlign)).toEqual(new Set(['left']));
  });

  it('scrolls a long code block inside the card instead of widening it', () => {
    for (const mode of ['light', 'night'] as const) {
      const { pre, qa, pageScrollWidth } = look[mode];
      expect(['auto', 'scroll']).toContain(pre!.overflowX);
      expect(pre!.scrollWidth, 'the fixture line is longer than a phone is wide').toBeGreaterThan(pre!.clientWidth);
      expect(pre!.box.left).toBeGreaterThanOrEqual(qa.left - 0.5);
      expect(pre!.box.right).toBeLessThanOrEqual(qa.right + 0.5);
      expect(pageScrollWidth, 'the card itself never scrolls sideways').toBeLessThanOrEqual(CARD_WIDTH);
    }
  });

  it('shrinks a wide image to the card and finds it under its media name', () => {
    const { img, qa } = look.light;
    expect(img!.naturalWidth).toBe(960);
    expect(img!.box.width).toBeLessThanOrEqual(qa.width + 0.5);
  });

  it('shows the context smaller than the question and muted, yet readable', () => {
    const { context, front, body } = look.light;
    expect(context!.fontSize).toBeLessThan(front!.fontSize);
    expect(contrast(context!.color, body.background)).toBeLessThan(contrast(body.color, body.background));
    expect(contrast(context!.color, body.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('turns to light text on a dark background in night mode, code block included', () => {
    const { light, night } = look;
    expect(luminance(light.body.background)).toBeGreaterThan(0.9);
    expect(luminance(night.body.background)).toBeLessThan(0.05);
    expect(luminance(night.body.color)).toBeGreaterThan(0.7);
    expect(luminance(night.pre!.background)).toBeLessThan(0.05);
    expect(contrast(night.context!.color, night.body.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(night.keyword!, night.pre!.background)).toBeGreaterThanOrEqual(4.5);
    expect(night.keyword).not.toBe(light.keyword);
  });

  it('marks the asked cloze, readable in both modes', () => {
    expect(look.clozeQuestion.cloze!.text).toBe('[...]');
    expect(look.clozeNight.cloze!.text).toBe('TCP');
    for (const probe of [look.clozeQuestion, look.clozeNight]) {
      expect(Number(probe.cloze!.fontWeight)).toBeGreaterThanOrEqual(600);
      expect(contrast(probe.cloze!.color, probe.body.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('names Korean fonts by their installed family names, for text and code', () => {
    const families = (stack: string) => stack.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
    expect(families(look.light.body.fontFamily)).toEqual(expect.arrayContaining(['Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR', 'NanumGothic']));
    expect(families(look.light.body.fontFamily)).not.toContain('Nanum Gothic');
    expect(families(look.light.pre!.codeFont)).toEqual(expect.arrayContaining(['D2Coding', 'NanumGothicCoding']));
  });
});
