/**
 * Issue 4, "Rich cards", end to end: markdown with math, code, images, clozes,
 * explicit cards and hostile HTML goes through the CLI, and the .apkg it
 * writes is read back the way Anki reads it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostic.js';
import { projectRoot, runCli, type CliResult } from './helpers/cli.js';
import { readApkg, type ApkgContents, type ApkgNote } from './helpers/anki.js';

const fixture = join(projectRoot, 'test/fixtures/rich');
const corpus = join(projectRoot, '../shared/corpora/boost-devs__ai-tech-interview');

interface JsonReport {
  notes: number;
  cards: number;
  diagnostics: Diagnostic[];
}

interface Build {
  cli: CliResult;
  report: JsonReport;
  apkg: ApkgContents;
}

async function buildWithCli(args: string[], cwd: string, apkgName: string): Promise<Build> {
  const cli = runCli([...args, '--json'], cwd);
  const report = JSON.parse(cli.stdout) as JsonReport;
  return { cli, report, apkg: await readApkg(join(cwd, 'out', apkgName)) };
}

const sha16 = (data: Uint8Array) => createHash('sha1').update(data).digest('hex').slice(0, 16);
const allFields = (apkg: ApkgContents) => apkg.notes.flatMap((note) => note.fields);
const imageSources = (html: string) => [...html.matchAll(/<img\b[^>]*?\bsrc="([^"]*)"/g)].map((match) => match[1]);

/** Zip entry bytes of a media file, looked up by its name the way Anki does (media map: entry → name). */
function mediaBytes(apkg: ApkgContents, name: string): Uint8Array | undefined {
  const entry = Object.entries(apkg.media).find(([, mediaName]) => mediaName === name)?.[0];
  return entry === undefined ? undefined : apkg.entries[entry];
}

describe('rich cards through the CLI (test/fixtures/rich)', () => {
  let build: Build;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckgen-rich-'));
    // Copied whole: `../secret.txt` must exist just outside the notes folder.
    cpSync(fixture, join(dir, 'rich'), { recursive: true });
    build = await buildWithCli(['--notes', 'rich/notes', '--out', 'out', '--lock', 'lock.json'], dir, 'notes.apkg');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cardsDeck = () => Object.values(build.apkg.decks).find((deck) => deck.name === 'cards')!;
  const notesIn = () => {
    const deckId = cardsDeck().id;
    const ids = new Set(build.apkg.cards.filter((card) => card.did === deckId).map((card) => card.nid));
    return build.apkg.notes.filter((note) => ids.has(note.id));
  };
  const note = (front: string): ApkgNote => {
    const found = notesIn().filter((candidate) => candidate.fields[0] === front);
    expect(found, `one note with the front ${front}`).toHaveLength(1);
    return found[0];
  };
  const ords = (of: ApkgNote) => build.apkg.cards.filter((card) => card.nid === of.id).map((card) => card.ord).sort();
  const typeName = (of: ApkgNote) => build.apkg.models[String(of.mid)].name;

  it('builds, and the only problem in cards.md is the image outside the notes: an error with its line', () => {
    expect(build.cli.status).toBe(1);
    // rich.md holds the renderer's unit-test inputs, broken images included on purpose.
    // Its showcase card (list, image, formula and a 12-line listing in one answer) is long on purpose: long-answer is expected.
    expect(build.report.diagnostics.filter((d) => d.file === 'rich/notes/cards.md' && d.rule !== 'long-answer')).toEqual([
      {
        file: 'rich/notes/cards.md',
        line: 33,
        column: 12,
        severity: 'error',
        rule: 'media-outside-notes',
        message: 'Image `../secret.txt` is outside the notes folder; it was not read or bundled',
      },
    ]);
    expect(build.cli.stderr).toContain('rich/notes/cards.md:33:12  error');
  });

  it('keeps inline and display math intact in MathJax delimiters', () => {
    expect(note('오일러 항등식').fields[1]).toBe('\\(e^{i\\pi} + 1 = 0\\)');
    expect(note('가우스의 합').fields[1]).toBe('<div class="math">\\[\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2} &lt; n^2\\]</div>');
  });

  it('writes a fenced Python block as <pre><code> with highlighting spans and the code unchanged', () => {
    const back = note('원의 넓이를 구하는 함수').fields[1];
    expect(back).toMatch(/^<pre><code class="hljs language-python">[\s\S]*<\/code><\/pre>$/);
    expect(back).toContain('<span class="hljs-keyword">def</span> <span class="hljs-title function_">area</span>');
    expect(back).toContain('<span class="hljs-comment"># a long comment');
    const source = readFileSync(join(fixture, 'notes/cards.md'), 'utf8');
    const fence = /```python\n([\s\S]*?)\n {2}```/.exec(source)![1].replace(/^ {2}/gm, '');
    expect(decodeHTML(back.replace(/<[^>]+>/g, ''))).toBe(`${fence}\n`);
  });

  it('ships the image bytes under the bare name the card uses: media map ↔ zip entry ↔ <img src>', () => {
    const bytes = readFileSync(join(fixture, 'notes/img/diagram.png'));
    const name = `${sha16(bytes)}.png`;
    expect(note('OSI 7계층 구조도').fields[1]).toBe(`<img src="${name}" alt="OSI 다이어그램">`);
    expect(Buffer.from(mediaBytes(build.apkg, name)!)).toEqual(bytes);
    // Every image any card shows is in the package; every packaged file is used by a card.
    const used = new Set(allFields(build.apkg).flatMap(imageSources).filter((src) => !/^https?:/.test(src)));
    expect([...used].sort()).toEqual(Object.values(build.apkg.media).sort());
    for (const src of used) {
      expect(src).toMatch(/^[0-9a-f]{16}\.png$/);
      expect(mediaBytes(build.apkg, src), src).toBeDefined();
    }
  });

  it('neither packages nor mentions a file outside the notes folder', () => {
    const secret = readFileSync(join(fixture, 'secret.txt'));
    for (const [entry, data] of Object.entries(build.apkg.entries)) expect(Buffer.compare(Buffer.from(data), secret), entry).not.toBe(0);
    expect(allFields(build.apkg).join('\n')).not.toContain('secret.txt');
    expect(note('비밀 파일').fields[1]).toBe('secret');
  });

  it('turns ==TCP== into a Cloze note {{c1::TCP}} with one card', () => {
    const cloze = note('{{c1::TCP}} 는 연결 지향 프로토콜이다');
    expect(typeName(cloze)).toBe('deckgen Cloze');
    expect(ords(cloze)).toEqual([0]);
  });

  it('gives a two-cloze note cards of ord 0 and 1', () => {
    const cloze = note('{{c1::HTTP}} 는 {{c2::TCP}} 위에서 동작한다');
    expect(typeName(cloze)).toBe('deckgen Cloze');
    expect(ords(cloze)).toEqual([0, 1]);
  });

  it('makes one card of `question :: answer` and two of `question ::: answer`', () => {
    const basic = note('What does HTTP stand for?');
    expect(basic.fields[1]).toBe('HyperText Transfer Protocol');
    expect(typeName(basic)).toBe('deckgen Basic');
    expect(ords(basic)).toEqual([0]);
    const reversed = note('Capital of France');
    expect(reversed.fields[1]).toBe('Paris');
    expect(typeName(reversed)).toBe('deckgen Basic (and reversed)');
    expect(ords(reversed)).toEqual([0, 1]);
  });

  it('lets no script, event handler or javascript: URL into any field', () => {
    for (const field of allFields(build.apkg)) {
      expect(field).not.toMatch(/<script|onerror|javascript:/i);
    }
    // The harmless part of the hostile bullet survives.
    expect(note('스크립트').fields[1]).toMatch(/^<img src="[0-9a-f]{16}\.png"> <a>링크<\/a>$/);
  });

  it('keeps `std::vector` 는 동적 배열이다 whole: one card, the code intact', () => {
    const holding = notesIn().filter((candidate) => candidate.fields.some((field) => field.includes('std')));
    expect(holding).toHaveLength(1);
    expect(holding[0].fields.slice(0, 2)).toEqual(['컨테이너', '<ul>\n<li><code>std::vector</code> 는 동적 배열이다</li>\n</ul>']);
    expect(ords(holding[0])).toEqual([0]);
  });
});

describe.skipIf(!existsSync(corpus))('a real corpus through the CLI (../shared/corpora/boost-devs__ai-tech-interview)', () => {
  let build: Build;
  let before: string[];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckgen-corpus-'));
    before = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).sort();
    build = await buildWithCli(['--notes', corpus, '--out', 'out', '--lock', join(dir, 'lock.json')], dir, 'boost-devs__ai-tech-interview.apkg');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds without a single error and writes nothing into the corpus', () => {
    expect(build.cli.status).toBe(0);
    expect(build.report.diagnostics.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(build.report.notes).toBeGreaterThan(150);
    expect(readdirSync(corpus, { recursive: true, encoding: 'utf8' }).sort()).toEqual(before);
  });

  it('puts all its math in MathJax delimiters: no $ left outside code', () => {
    const fields = allFields(build.apkg);
    expect(fields.filter((field) => field.includes('\\(')).length).toBeGreaterThan(10);
    for (const field of fields) expect(field.replace(/<pre>[\s\S]*?<\/pre>|<code[^>]*>[\s\S]*?<\/code>/g, '')).not.toContain('$');
  });

  it('points every image of every card at a bundled file', () => {
    for (const src of allFields(build.apkg).flatMap(imageSources)) {
      if (/^https?:/.test(src)) continue;
      expect(mediaBytes(build.apkg, src), src).toBeDefined();
    }
  });

  // The local images of this corpus sit in prose under question headings (the section rule). The snapshot holds
  // 86 of the files its notes reference (SOURCE.txt; the others are media-missing warnings). All but two are
  // bundled: README.md's banner `![](logo.png)` stands before the first heading, so no card shows it, and
  // `hash-table.png` illustrates the intro of `#### hash table`, 13 lines of Korean prose that make no card (prose-section).
  it('bundles the local images its answers show', () => {
    expect(Object.keys(build.apkg.media)).toHaveLength(84);
  });
});
