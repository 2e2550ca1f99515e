/**
 * A notes folder with every kind of broken file next to a good one: the build
 * reports each bad file, still writes the good cards, and never crashes.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { runCli, workspace, type CliResult } from './helpers/cli.js';

const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- 단계 ${i} : 값 ${i}`).join('\n');

const files: Record<string, string | Uint8Array> = {
  'good.md': '# Good\n- 헤더 : 토큰 종류\n- 페이로드 : 정보\n',
  'yaml.md': '---\ndeck: [unclosed\n---\n- a : b\n',
  'binary.md': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256),
  'latin1.md': Buffer.from('# Caf\xe9\n- a : b\n', 'latin1'),
  'empty.md': '',
  'long-line.md': `# Long\n- 짧은 : 카드\n- ${'가'.repeat(2_000_000)}\n`,
  'deep.md': `# Deep\n${nested(300)}\n`,
  'fence.md': '# Fence\n- 앞 : 카드\n```python\nprint(1)\n- 뒤 : 숨은 카드\n',
  'crlf-bom.md': '\uFEFF# 윈도우\r\n- 줄바꿈 : CRLF 파일\r\n- BOM : 바이트 순서 표시\r\n',
  'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# 유니코드\n- a : b\n', 'utf16le')]),
};

describe('a notes folder with broken files', () => {
  let run: CliResult;
  let report: { diagnostics: { file: string; line: number | null; severity: string; rule: string }[]; cards: number };
  let apkg: ApkgContents;
  let seconds: number;

  beforeAll(async () => {
    const dir = workspace(files);
    // A link back up the tree must not read every note again; a link to a file outside notes/ must not be read.
    mkdirSync(join(dir, 'notes', 'sub'));
    symlinkSync('..', join(dir, 'notes', 'sub', 'loop'));
    writeFileSync(join(dir, 'secret.md'), '# 비밀\n- 암호 : hunter2\n');
    symlinkSync(join(dir, 'secret.md'), join(dir, 'notes', 'outside.md'));
    const started = Date.now();
    run = runCli(['--json'], dir);
    seconds = (Date.now() - started) / 1000;
    report = JSON.parse(run.stdout);
    apkg = await readApkg(join(dir, 'decks', 'notes.apkg'));
  });

  it('exits 1 without a stack trace', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/internal error/);
    console.log(`built the broken folder in ${seconds.toFixed(1)} s`);
  });

  it.each([
    ['yaml.md', 'front-matter-invalid', true],
    ['binary.md', 'file-binary', false],
    ['latin1.md', 'file-encoding', true],
    ['long-line.md', 'line-too-long', true],
    ['deep.md', 'list-too-deep', true],
    ['fence.md', 'unclosed-code-fence', true],
    ['utf16.md', 'file-encoding', true],
    ['outside.md', 'file-outside-notes', false],
  ])('reports %s as an error (%s)', (file, rule, hasLine) => {
    const found = report.diagnostics.find((d) => d.file === `notes/${file}` && d.rule === rule);
    expect(found?.severity).toBe('error');
    if (hasLine) expect(found?.line).toBeGreaterThan(0);
  });

  it('reports the empty file as a warning, not an error (a new, unwritten file is normal)', () => {
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'notes/empty.md', severity: 'warning', rule: 'empty-file' }));
  });

  it('still writes the cards of the good parts', () => {
    const fronts = apkg.notes.map((note) => note.fields[0]);
    expect(fronts).toEqual(expect.arrayContaining(['헤더', '페이로드', '줄바꿈', 'BOM', '짧은', '앞']));
    expect(fronts).not.toContain('뒤'); // hidden by the unclosed fence, and reported
  });

  it('follows no symlinked folder and reads no file outside the notes folder', () => {
    expect(apkg.notes.filter((note) => note.fields[0] === '헤더')).toHaveLength(1);
    expect(Object.values(apkg.decks).map((deck) => deck.name)).not.toContain('sub::loop::good');
    expect(apkg.notes.flatMap((note) => note.fields).join()).not.toContain('hunter2');
  });

  it('writes no BOM or CR into any card', () => {
    for (const note of apkg.notes) for (const field of note.fields) expect(field).not.toMatch(/[\uFEFF\r]/);
    const crlf = apkg.notes.find((note) => note.fields[0] === '줄바꿈');
    expect(crlf?.fields[1]).toBe('CRLF 파일');
  });
});

describe('cards that would show an empty side', () => {
  it('are reported and not written, also when the side only held a missing image', async () => {
    const dir = workspace({ 'a.md': '# A\n- 헤더 :\n- <img src="missing.png"> :: 설명\n- 정상 : 카드\n' });
    const run = runCli(['--json'], dir);
    const report = JSON.parse(run.stdout) as { diagnostics: { line: number; rule: string }[] };
    expect(report.diagnostics.filter((d) => d.rule === 'empty-side').map((d) => d.line)).toEqual([2, 3]);
    const apkg = await readApkg(join(dir, 'decks', 'notes.apkg'));
    expect(apkg.notes.map((note) => note.fields[0])).toEqual(['정상']);
  });
});
