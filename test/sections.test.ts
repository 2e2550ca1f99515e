/**
 * A large file is parsed in sections (parse/sections.ts) and must give the
 * tree a whole-file parse gives, positions included, also where a fenced code,
 * math or HTML block left open runs over a heading.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { remark } from 'remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { parseInSections, SECTION_CHARS } from '../src/lib/parse/sections.js';
import { projectRoot } from './helpers/cli.js';

const processor = remark().use(remarkGfm).use(remarkMath).use(remarkCjkFriendly);
const parse = (text: string) => processor.parse(text);

/** Sections of ordinary notes, `count` of them: well past the size parsed whole. */
function notes(count: number, extra: (index: number) => string = () => ''): string {
  const sections = Array.from({ length: count }, (_, index) =>
    `## 주제 ${index}\n\n- 용어 ${index} : 설명 $x_${index}$ **굵게**\n  - 하위 ${index}\n1. 번호\n${extra(index)}\n`,
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

  it.each([
    ['an unclosed fence', '```\n# not a heading\n'],
    ['unclosed math', '$$\n# x\n'],
    ['an open HTML comment', '<!--\n# hidden\n'],
    ['an open <pre> block', '<pre>\n# kept\n'],
  ])('does not cut inside %s', (_, opener) => {
    const text = notes(1200, (index) => (index === 600 ? opener : ''));
    expect(parseInSections(text, parse)).toEqual(parse(text));
  });

  it('parses a file with definitions whole, so references resolve', () => {
    const text = `${notes(1200)}\n[ref]: https://example.com\n`;
    expect(parseInSections(text, parse)).toEqual(parse(text));
  });

  it('gives the same trees on the user notes and the shared corpora', () => {
    const files = [join(projectRoot, 'notes/interview.md'), ...markdownUnder(join(projectRoot, '../shared/corpora'))];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseInSections(text, parse), file).toEqual(parse(text));
    }
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
