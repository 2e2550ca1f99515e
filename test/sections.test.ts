/**
 * A large file is parsed in sections (parse/sections.ts) and must give the
 * tree a whole-file parse gives, positions included, with every syntax
 * extension deckgen parses with (wikilinks, `%%` comments, callouts, math,
 * footnotes), also where a construct left open runs over a heading.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/lib/build.js';
import { parseMarkdown } from '../src/lib/parse/index.js';
import { parseInSections, SECTION_CHARS } from '../src/lib/parse/sections.js';
import { projectRoot, workspace } from './helpers/cli.js';

const parse = (text: string) => parseMarkdown(text);

/** Sections of ordinary notes, `count` of them: well past the size parsed whole. */
function notes(count: number, extra: (index: number) => string = () => ''): string {
  const sections = Array.from({ length: count }, (_, index) =>
    `## 주제 ${index}\n\n- 용어 ${index} : 설명 $x_${index}$ **굵게** [[노트 ${index}|링크]] \\#태그아님\n  - 하위 ${index}\n1. 번호\n${extra(index)}\n`,
  );
  return `# 제목\n\n${sections.join('\n')}`;
}

describe('parsing a large file in sections', () => {
  it('gives the same tree as one parse', () => {
    const text = notes(1200);
    expect(text.length).toBeGreaterThan(2 * SECTION_CHARS);
    let parses = 0;
    const sections = parseInSections(text, (piece) => (parses++, parse(piece)));
    expect(parses).toBeGreaterThan(1);
    expect(sections).toEqual(parse(text));
  });

  const at = (places: Record<number, string>) => (index: number) => places[index] ?? '';
  it.each([
    ['an unclosed fence', at({ 600: '```\n# not a heading\n' })],
    ['unclosed math', at({ 600: '$$\n# x\n' })],
    ['an open HTML comment', at({ 600: '<!--\n# hidden\n' })],
    ['an open <pre> block', at({ 600: '<pre>\n# kept\n' })],
    // Obsidian comments leave no node behind, so nothing in the tree shows they are open.
    ['an unclosed %% comment block', at({ 100: '%%\n\n## 숨긴 주제\n\n- 숨김 : 카드가 아님\n' })],
    ['a %% comment block over several sections', at({ 100: '%% 초안\n', 500: '- 끝 %% 여기까지\n', 700: '  %%\n', 900: '%%\n' })],
    ['callouts', (index: number) => (index % 97 === 5 ? '> [!tip]- 제목\n> 본문 [[링크]]\n>\n> - 항목 : 설명\n' : '')],
    ['inline comments over two lines', (index: number) => (index % 97 === 5 ? '앞 %%숨김\n여전히 숨김%% 뒤\n' : '')],
    ['display math in a line', (index: number) => (index % 97 === 5 ? '- 식 : $$a^2 + b^2$$\n' : '')],
  ])('does not cut inside %s', (_, extra) => {
    const text = notes(1000, extra);
    expect(text.length).toBeGreaterThan(2 * SECTION_CHARS);
    expect(parseInSections(text, parse)).toEqual(parse(text));
  });

  it.each([
    ['a link definition', '[ref]: https://example.com'],
    ['a footnote definition', '[^note]: 각주의 설명'],
  ])('parses a file with %s whole, so references resolve', (_, definition) => {
    const text = `${notes(700, (index) => (index === 3 ? '- 참조 : [링크][ref] 와 각주[^note]\n' : ''))}\n${definition}\n`;
    let parses = 0;
    expect(parseInSections(text, (piece) => (parses++, parse(piece)))).toEqual(parse(text));
    expect(parses).toBe(1);
  });

  it('parses the rest of the file in one go behind a block that never closes, not once per section', () => {
    const text = notes(4000, (index) => (index === 10 ? '```\n' : ''));
    let parsed = 0;
    expect(parseInSections(text, (piece) => ((parsed += piece.length), parse(piece)))).toEqual(parse(text));
    // The first piece, three growing joins behind the fence, then the rest (~1.8× the text); re-parsing the joined
    // pieces once per piece would be ~6× here, and grow with the square of the file.
    expect(parsed).toBeLessThan(2.5 * text.length);
  });

  it('gives the same trees on the user notes and the shared corpora', () => {
    const files = [join(projectRoot, 'notes/interview.md'), ...markdownUnder(join(projectRoot, '../shared/corpora'))];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseInSections(text, parse), file).toEqual(parse(text));
    }
  });
});

describe('a large file, built', () => {
  it('hides a %% comment that runs over headings, and answers footnotes defined far below', async () => {
    const hidden = '%%\n\n## 숨긴 주제\n\n- 숨긴 용어 : 카드가 되면 안 됨\n\n## 또 숨김\n\n- 숨긴 둘 : 역시 아님\n%%\n';
    const text = notes(700, (index) => (index === 350 ? hidden : index === 20 ? '- 각주 용어 : 본문[^far]\n' : ''));
    const dir = workspace({ 'big.md': text, 'foot.md': `${text}\n[^far]: 멀리 있는 각주\n` });
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), cwd: dir, cache: false, now: 1_700_000_000 });
    const csv = readFileSync(join(dir, 'decks', 'notes.csv'), 'utf8');
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(csv).toContain('용어 349');
    expect(csv).toContain('용어 351');
    expect(csv).not.toContain('숨긴');
    expect(csv).toContain('멀리 있는 각주');
  });

  it('bounds deep nesting in a file parsed in sections', async () => {
    const text = notes(700, (index) => (index === 400 ? `${'>'.repeat(3000)} 깊은 인용\n` : ''));
    const dir = workspace({ 'deep.md': text });
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), cwd: dir, cache: false, now: 1_700_000_000 });
    const deep = report.diagnostics.filter((d) => d.rule === 'nesting-too-deep');
    expect(deep).toHaveLength(1);
    expect(deep[0].line).toBe(text.slice(0, text.indexOf('>>>')).split('\n').length);
    expect(report.notes).toBeGreaterThan(1000);
  });

  it('holds the heading budget per section: many sections build, one dense stretch is refused at its line', async () => {
    // 2,100 headings, each after a blank line: cut into sections, none over the budget.
    const spread = notes(2100);
    const dense = `${notes(700)}\n## 빽빽한 곳\n${Array.from({ length: 2500 }, (_, i) => `### h${i}`).join('\n')}\n`;
    const dir = workspace({ 'spread.md': spread, 'dense.md': dense });
    const report = await build({ notesDir: join(dir, 'notes'), outDir: join(dir, 'decks'), cwd: dir, cache: false, now: 1_700_000_000 });
    const tooLarge = report.diagnostics.filter((d) => d.rule === 'file-too-large');
    expect(tooLarge.map((d) => d.file)).toEqual(['notes/dense.md']);
    expect(tooLarge[0].line).toBeGreaterThan(1);
    expect(report.notes).toBe(2100 * 2); // two cards a section, none from the skipped file
  });
});

function markdownUnder(dir: string): string[] {
  try {
    statSync(dir);
  } catch {
    return []; // ../shared exists only in the workplace
  }
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && statSync(join(entry.parentPath, entry.name)).size > 2 * SECTION_CHARS)
    .map((entry) => join(entry.parentPath, entry.name));
}
