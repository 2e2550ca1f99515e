/**
 * Property-based fuzzing (fast-check through @fast-check/vitest): generated
 * notes — nesting, emphasis, raw HTML and attack payloads, clozes, math,
 * separators, tags, front matter — built the way the CLI builds them. For
 * every input: the build does not throw, every diagnostic of a place in the
 * file has a position, every field (also after Anki's cloze filter) holds no
 * script, event handler, `javascript:` address or Anki player, and a rebuild
 * writes byte-identical decks.
 *
 * The default run tries FUZZ_RUNS cases (a few seconds); `DECKGEN_FUZZ_RUNS=2000
 * npx vitest run test/fuzz.test.ts` runs longer, e.g. before a release.
 */
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect } from 'vitest';
import { build } from '../src/lib/build.js';
import { clozeNumbers, revealCloze } from '../src/lib/write/anki/cloze.js';

export const FUZZ_RUNS = Number(process.env.DECKGEN_FUZZ_RUNS ?? 60);

const word = fc.constantFrom('TCP', '헤더', 'JWT', 'x', 'std::vector', 'a==b', '}}', '{{', '::', '[sound:a.mp3]', '[anki:play:q:0]', '\\(', '\\)');
const payload = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">a</a>',
  '<svg onload=alert(1)>',
  '<picture><source srcset="javascript:alert(1)"></picture>',
  '<details><summary>s</summary>d</details>',
  '<b><i><u>',
  '</b></i>',
  '![{{c1::<img src=x onerror=alert(1)>}}](https://e.com/a.png)',
  '$\\href{javascript:alert(1)}{x}$',
  '$\\style{color:red}{x}$',
  '$x^{a^{b}}$',
  '$$\\class{a}{b}$$',
  '\\\\(\\href{javascript:alert(1)}{x}\\\\)',
  '`{{c1::code}}`',
  '[sound:x.mp3]',
);
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  text: fc.oneof({ depthSize: 'small' }, word, payload, tie('wrapped')),
  wrapped: fc.tuple(fc.constantFrom('**', '*', '_', '~~', '==', '`', '{{c1::', '{{c2::'), tie('text')).map(([mark, inner]) =>
    mark.startsWith('{{') ? `${mark}${inner}}}` : `${mark}${inner}${mark}`,
  ),
})).text as fc.Arbitrary<string>;
const phrase = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const separator = fc.constantFrom(' : ', ' - ', ' — ', ': ', '');
const bullet = fc.tuple(fc.nat({ max: 4 }), fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '> - '), phrase, separator, phrase, fc.constantFrom('', ' #tag', ' ^id-1')).map(
  ([depth, marker, front, sep, back, tail]) => `${'  '.repeat(depth)}${marker}${front}${sep}${sep ? back : ''}${tail}`,
);
const block = fc.oneof(
  bullet,
  bullet,
  phrase.map((text) => `## ${text}`),
  phrase.map((text) => `**${text}**`),
  phrase,
  payload,
  fc.constantFrom('```js\nconst a = "{{c1::x}}";\n```', '```', '---', '> quote', '$$\nx}}\n$$', '| a | b |\n| - | - |\n| 1 | 2 |', '<!-- id: x -->', ''),
);
const frontMatter = fc.constantFrom('', '---\ndeck: Fuzz\n---\n', '---\ntags: [a, b]\n---\n', '---\ndeck: [oops\n---\n', '---\ncards: false\n---\n', '---\ndeck: "::::"\n---\n');
const note = fc.tuple(frontMatter, fc.array(block, { maxLength: 12 })).map(([matter, blocks]) => `${matter}# Fuzz\n\n${blocks.join('\n')}\n`);

/** Rules about a whole file or the command, which have no place inside a file. */
const FILE_LEVEL = new Set(['file-binary', 'file-unreadable', 'file-outside-notes', 'file-too-large', 'empty-file', 'lock-invalid', 'lock-busy', 'notes-missing', 'write-failed']);

function unsafe(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node: Element) => {
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style'].includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(`${node.tagName} ${key}`);
      if (/^\s*javascript:/i.test(String(value))) found.push(`${node.tagName} ${key}=javascript:`);
    }
  });
  if (/\[sound:|\[anki:/.test(html)) found.push('an Anki player marker');
  // Only what MathJax typesets: Anki's delimiters, outside code.
  const math = html.replace(/<code>[\s\S]*?<\/code>/g, '').match(/\\[([][\s\S]*?\\[)\]]/g) ?? [];
  if (math.some((tex) => /\\href\s*\{\s*javascript:|\\(style|class|cssId|require|unicode)(?![a-zA-Z])/.test(tex))) found.push('a refused MathJax command');
  return found;
}

describe('fuzzing the whole build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckgen-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let run = 0;

  test.prop([note], { numRuns: FUZZ_RUNS })('never throws, places every diagnostic, writes inert fields, rebuilds byte for byte', async (markdown) => {
    run += 1;
    const notesDir = join(dir, `notes-${run}`);
    mkdirSync(notesDir, { recursive: true });
    writeFileSync(join(notesDir, 'fuzz.md'), markdown);
    const once = async (out: string) => {
      const report = await build({ notesDir, outDir: join(dir, out), lockPath: join(dir, `lock-${run}-${out}.json`), now: 1_700_000_000, cwd: dir });
      expect(report.exitCode).toBeLessThan(2);
      return report;
    };
    const report = await once(`a-${run}`);
    for (const problem of report.diagnostics) {
      if (!FILE_LEVEL.has(problem.rule)) expect(problem.line, `${problem.rule}: ${problem.message}`).toBeGreaterThan(0);
      expect(problem.rule, problem.message).not.toBe('internal-error');
    }
    const lines = readFileSync(join(dir, `a-${run}`, `notes-${run}.csv`), 'utf8').split('\n');
    const body = lines.slice(lines.findIndex((line) => !line.startsWith('#'))).join('\n');
    const rows = parse(body, { delimiter: '\t', relaxColumnCount: true }) as string[][];
    // Columns 4–6 are the note's fields (src/lib/write/csv csvColumns); guid, note type, deck and tags are never shown on a card.
    for (const row of rows) {
      for (const field of row.slice(3, 6)) {
        expect(unsafe(field), field).toEqual([]);
        for (const number of clozeNumbers(field)) {
          expect(unsafe(revealCloze(field, number, true)), field).toEqual([]);
          expect(unsafe(revealCloze(field, number, false)), field).toEqual([]);
        }
      }
    }
    await once(`b-${run}`);
    for (const name of [`notes-${run}.apkg`, `notes-${run}.csv`]) {
      expect(readFileSync(join(dir, `b-${run}`, name)).equals(readFileSync(join(dir, `a-${run}`, name))), name).toBe(true);
    }
  }, 120_000);
});
