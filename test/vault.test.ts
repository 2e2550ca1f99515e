/**
 * Issue 7 end to end: an Obsidian vault (test/fixtures/vault) and the two
 * real vaults in ../shared/corpora go through the CLI, and the .apkg is read
 * back the way Anki reads it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostic.js';
import { parseFile } from '../src/lib/parse/index.js';
import { findNoteFiles, readNoteFile } from '../src/lib/read/index.js';
import { listVaultFiles } from '../src/lib/read/vault.js';
import { mediaFile } from '../src/lib/render/media.js';
import { refusedMediaType } from '../src/lib/render/media-type.js';
import { resolveEmbed } from '../src/lib/render/embed.js';
import { readApkg, type ApkgContents, type ApkgNote } from './helpers/anki.js';
import { projectRoot, runCli } from './helpers/cli.js';

const fixture = join(projectRoot, 'test/fixtures/vault');
const corpora = join(projectRoot, '../shared/corpora');

interface Build {
  status: number | null;
  diagnostics: Diagnostic[];
  apkg: ApkgContents;
}

/** Copies the vault (a build writes its lock there) and builds it with the CLI. */
async function buildVault(source: string, dir: string, asVault = true): Promise<Build> {
  const notes = join(dir, 'vault');
  cpSync(source, notes, { recursive: true });
  if (asVault) mkdirSync(join(notes, '.obsidian'), { recursive: true });
  const cli = runCli(['--notes', 'vault', '--out', 'out', '--json'], dir);
  const report = JSON.parse(cli.stdout) as { diagnostics: Diagnostic[] };
  return { status: cli.status, diagnostics: report.diagnostics, apkg: await readApkg(join(dir, 'out', 'vault.apkg')) };
}

const mediaNames = (html: string) => [
  ...[...html.matchAll(/<img\b[^>]*?\bsrc="([^"]*)"/g)].map((match) => match[1]),
  ...[...html.matchAll(/\[sound:([^\]]+)\]/g)].map((match) => match[1]),
];

function mediaBytes(apkg: ApkgContents, name: string): Uint8Array | undefined {
  const entry = Object.entries(apkg.media).find(([, mediaName]) => mediaName === name)?.[0];
  return entry === undefined ? undefined : apkg.entries[entry];
}

/** What a reader sees of a field, without code (where `[[` is what the note teaches). */
const visibleText = (field: string) =>
  decodeHTML(field.replace(/<pre>[\s\S]*?<\/pre>|<code\b[^>]*>[\s\S]*?<\/code>|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)/g, '').replace(/<[^>]+>/g, ' '));

/** Obsidian syntax a card must never show. */
const RAW = [/!\[\[/, /\[\[/, /\[!/, /%%/, /\s\^[A-Za-z0-9-]+\s*$/m];

describe('an Obsidian vault through the CLI (test/fixtures/vault)', () => {
  let build: Build;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckgen-vault-'));
    // The fixture has its own .obsidian/ (templates.json, app.json): no need to add one.
    build = await buildVault(fixture, dir, false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const note = (front: string): ApkgNote => {
    const found = build.apkg.notes.filter((candidate) => candidate.fields[0] === front);
    expect(found, `one note with the front ${front}`).toHaveLength(1);
    return found[0];
  };
  const tags = (front: string) => note(front).tags.trim().split(' ');

  it('builds, with one media-missing warning at the missing embed, and infos for the note embeds and the drawing', () => {
    expect(build.status).toBe(0);
    expect(build.diagnostics.map(({ file, line, severity, rule }) => ({ file, line, severity, rule }))).toEqual([
      { file: 'vault/OS/Memory.md', line: 36, severity: 'info', rule: 'embed-note' },
      { file: 'vault/OS/Memory.md', line: 39, severity: 'warning', rule: 'media-missing' },
      { file: 'vault/OS/Memory.md', line: 44, severity: 'info', rule: 'todo-list' }, // `## Todo`: the author's to-do list
      { file: 'vault/OS/Memory.md', line: 50, severity: 'info', rule: 'obsidian-unsupported' },
      { file: 'vault/OS/Memory.md', line: 55, severity: 'info', rule: 'embed-note' },
      { file: 'vault/Excalidraw/Address space.md', line: 1, severity: 'info', rule: 'obsidian-unsupported' },
    ].sort((a, b) => (a.file < b.file ? -1 : 1)));
  });

  it('bundles every image and the audio under the name the card uses, with the right bytes', () => {
    const expected = {
      Paging: 'Attachments/vm-diagram.png', // ![[vm-diagram.png|300]]: the shortest of two paths
      'Old diagram': 'Attachments/old/vm-diagram.png', // ![[Attachments/old/vm-diagram.png]]
      Recording: 'Attachments/talk.mp3', // ![[talk.mp3]]
    };
    for (const [front, path] of Object.entries(expected)) {
      const names = note(front).fields.flatMap(mediaNames);
      expect(names, front).toHaveLength(1);
      const bytes = readFileSync(join(fixture, path));
      expect(names[0]).toBe(mediaFile(path, bytes).name);
      expect(Buffer.from(mediaBytes(build.apkg, names[0]) ?? [])).toEqual(bytes);
    }
    expect(note('Paging').fields[1]).toMatch(/<img src="[0-9a-f]{16}\.png" alt="" width="300">/);
    expect(note('Recording').fields[1]).toMatch(/\[sound:[0-9a-f]{16}\.mp3\]$/);
    expect(Object.keys(build.apkg.media)).toHaveLength(3);
  });

  it('no field shows Obsidian syntax, a template placeholder or a task', () => {
    const fields = build.apkg.notes.flatMap((apkgNote) => apkgNote.fields);
    for (const field of fields) {
      for (const raw of RAW) expect(visibleText(field), field).not.toMatch(raw);
      expect(field).not.toMatch(/\{\{(title|date)\}\}|TODO|review segmentation|chapter 8|practise|Draft|check: per process|center|Excalidraw/);
    }
    expect(build.apkg.notes.map((apkgNote) => apkgNote.fields[0]).sort()).toEqual(
      ['Address space', 'Caches', 'Dense set', 'Examples', 'Frame', 'Old diagram', 'Page', 'Page table', 'Paging', 'Recording', 'Round robin', 'Segment', 'Swapping', 'Thrashing'].sort(),
    );
  });

  it('links show their text, also in a table, where the cells stay in place', () => {
    expect(note('Page table').fields[1]).toBe("maps processes' pages to frames");
    expect(note('Frame').fields[1]).toBe('a fixed-size block of physical memory, see inverse and Segmentation');
    expect(note('Caches').fields[1]).toContain('<td>the TLB</td>\n<td>recent translations</td>');
    expect(note('Caches').fields[1]).toContain('<td>page cache</td>\n<td>file pages</td>');
  });

  it('a note embed is no answer: a heading of only embeds makes no card, one beside text is left out of it', () => {
    expect(build.apkg.notes.filter((apkgNote) => apkgNote.fields[0] === 'Scheduling')).toEqual([]);
    const info = (line: number) => build.diagnostics.find((d) => d.line === line && d.rule === 'embed-note')?.message;
    expect(info(36)).toBe('"Scheduling" only embeds other notes ("Process scheduling"), which make cards of their own; no card made from it');
    expect(note('Swapping').fields[1]).toBe('Pages leave memory for the disk when frames run out.');
    expect(info(55)).toBe('`![[Process scheduling]]` embeds another note, which makes cards of its own; it was left out of this card');
    // Text beside a drawing is an answer too: the drawing is left out, not the card.
    expect(note('Address space').fields[1]).toBe('Virtual addresses are translated to physical ones.');
  });

  it('puts the tag lines on the notes of their scope', () => {
    for (const front of ['Page', 'Thrashing', 'Caches', 'Recording']) expect(tags(front)).toEqual(expect.arrayContaining(['os::memory', 'interview']));
    for (const front of ['Page', 'Page table', 'Frame']) expect(tags(front)).toContain('flashcards');
    expect(tags('Thrashing')).not.toContain('flashcards');
    expect(tags('Round robin')).not.toContain('interview');
  });

  it('asks under the file name when there is no level-1 heading: Dense set › Examples', () => {
    expect(note('Examples').fields[2]).toBe('Dense set');
    expect(note('Thrashing').fields[2]).toBe('Memory › Thrashing');
    // A level-1 heading equal to the file name is the title, not repeated.
    expect(note('Round robin').fields[2]).toBe('Process scheduling');
  });

  it('a callout asks its title and shows no [!type]', () => {
    expect(note('Thrashing').fields[1]).toBe('The system spends more time paging than running.');
  });
});

/** Media embeds the parse stage finds in a vault, and the files they resolve to. */
function mediaEmbeds(notes: string): { embeds: number; files: Set<string> } {
  const files = listVaultFiles(notes);
  const found = new Set<string>();
  let embeds = 0;
  for (const path of findNoteFiles(notes)) {
    const { file } = readNoteFile(path, notes);
    const tree = file && parseFile(file).parsed?.tree;
    if (!tree) continue;
    visit(tree, 'embed', (node) => {
      if (!/\.(png|jpe?g|gif|bmp|svg|webp|avif|mp3|ogg|wav|m4a|flac|webm|mp4|mov|mkv|ogv|3gp)$/i.test(node.target)) return;
      embeds += 1;
      const target = resolveEmbed(node.target, path, notes, files);
      if (target) found.add(target);
    });
  }
  return { embeds, files: found };
}

describe.each(['obsidianmd__obsidian-help', 'viniciusth__study'])('the real vault ../shared/corpora/%s', (name) => {
  const corpus = join(corpora, name);
  let build: Build;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(corpus)) return;
    dir = mkdtempSync(join(tmpdir(), 'deckgen-corpus-'));
    // The corpus was copied without its .obsidian/ folder; it is a vault all the same.
    build = await buildVault(corpus, dir);
  }, 120_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!existsSync(corpus))('builds with no field showing Obsidian syntax (outside code, which teaches it)', () => {
    expect(build.status).toBe(0);
    const shown = build.apkg.notes.flatMap((apkgNote) => apkgNote.fields).map(visibleText);
    // `\[\[…\]\]` is written escaped on purpose, to show the brackets: those stay.
    const source = findNoteFiles(corpus).map((path) => readFileSync(path, 'utf8')).join('\n');
    const leftovers = shown.filter((field) => RAW.some((raw) => raw.test(field)));
    for (const field of leftovers) {
      const literal = [...field.matchAll(/\[\[([^\]]+)\]\]/g)].map((match) => match[1]);
      expect(literal.length, field).toBeGreaterThan(0);
      for (const text of literal) expect(source, field).toContain(`\\[\\[${text}\\]\\]`);
      expect(RAW.filter((raw) => raw !== RAW[1]).some((raw) => raw.test(field)), field).toBe(false);
    }
    expect(shown.length).toBeGreaterThan(100);
  });

  it.skipIf(!existsSync(corpus))('bundles every embedded image and sound that exists in the vault and the media allow-list accepts', () => {
    const { files } = mediaEmbeds(corpus);
    const bundled = new Set(Object.values(build.apkg.media));
    const bytes = (path: string) => readFileSync(join(corpus, path));
    const notBundled = [...files].filter((path) => !bundled.has(mediaFile(path, bytes(path)).name));
    // The vault's SVGs are plain Lucide icons, which render/svg.ts lets through: every embedded file that exists is bundled.
    expect(notBundled).toEqual([]);
    expect([...files].filter((path) => refusedMediaType(path, bytes(path)) !== null)).toEqual([]);
  });

  it.skipIf(name !== 'obsidianmd__obsidian-help' || !existsSync(corpus))('shows the Korean callouts with their titles', () => {
    const fields = build.apkg.notes.flatMap((apkgNote) => apkgNote.fields);
    const titles = fields.flatMap((field) => [...field.matchAll(/<div class="callout-title">([^<]+)</g)].map((match) => match[1]));
    expect(titles.filter((title) => /[가-힣]/.test(title)).length).toBeGreaterThan(20);
    // A titled callout with a body asks its title: 툴바 스크롤 (시작하기/모바일 앱.md).
    const asked = build.apkg.notes.find((apkgNote) => apkgNote.fields[0] === '툴바 스크롤');
    expect(asked?.fields[1]).toContain('툴바를 좌우로 스와이프하여');
  });
});
