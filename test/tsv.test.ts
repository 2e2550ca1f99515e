import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { build } from '../src/lib/index.js';
import type { DeckPackage, PackagedNote } from '../src/lib/model.js';
import { buildApkg } from '../src/lib/write/apkg/index.js';
import { buildTsv } from '../src/lib/write/tsv/index.js';
import { readApkg } from './helpers/anki.js';
import { cardSides as ankiCardSides } from './helpers/anki-card.js';
import { runCli, seedWorkspace } from './helpers/cli.js';

function note(partial: Partial<PackagedNote> & Pick<PackagedNote, 'guid' | 'kind' | 'fields' | 'due'>): PackagedNote {
  return { deck: 'cs', tags: [], ords: [0], mod: 1_790_000_000, created: 1_780_000_000, ...partial };
}

function fixture(): DeckPackage {
  return {
    notes: [
      note({ guid: 'c', kind: 'cloze', fields: ['{{c1::서명}}은 {{c2::HMAC::알고리즘}}로 만든다', '<p>HS256</p>', 'JWT', 'a.md'], ords: [0, 1], due: 3 }),
      note({
        guid: 'b',
        kind: 'basic',
        fields: [
          'JWT의 <b>구조</b>는?',
          '<p>Header.Payload</p>\n<pre><code class="hljs"><span class="hljs-keyword">if</span> (a)\n\treturn "b";</code></pre>',
          '인증 › JWT',
          'a.md › JWT',
        ],
        due: 1,
      }),
      note({ guid: 'r', kind: 'reversed', fields: ['"quoted" &amp; a &lt; b', '<img src="3f2a9c.png" alt="그림"> [sound:ab12.mp3] &amp;#9;', '', 'b.md'], ords: [0, 1], due: 2 }),
    ],
    media: [],
  };
}

/** What a line-based importer (Mnemosyne's tsv.py) does: one card per line, columns split at tabs, no unquoting. */
function lineBased(tsv: string): string[][] {
  expect(tsv.endsWith('\n')).toBe(true);
  return tsv.slice(0, -1).split('\n').map((line) => line.split('\t'));
}

describe('TSV for other flashcard apps', () => {
  const text = buildTsv(fixture());
  const html = buildTsv(fixture(), { html: true });

  it('has no header and no BOM: one line per card, exactly two columns, in new-card order', () => {
    for (const tsv of [text, html]) {
      expect(tsv.charCodeAt(0)).not.toBe(0xfeff);
      expect(tsv).not.toContain('\r');
      const lines = lineBased(tsv);
      // basic 1 card, reversed 2, cloze 2
      expect(lines).toHaveLength(5);
      for (const line of lines) {
        expect(line).toHaveLength(2);
        expect(line[0]).not.toBe('');
        expect(line[1]).not.toBe('');
      }
      // A CSV reader that knows no quoting reads the same cells.
      expect(parse(tsv, { delimiter: '\t', quote: false })).toEqual(lines);
    }
  });

  it('puts the context before the question, and a reversed note asks both ways', () => {
    const lines = lineBased(text);
    expect(lines[0][0]).toBe('인증 › JWT › JWT의 구조는?');
    expect(lines[1]).toEqual(['"quoted" & a < b', '[image: 그림] [audio] &\u2060#9;']);
    expect(lines[2]).toEqual(['[image: 그림] [audio] &\u2060#9;', '"quoted" & a < b']);
  });

  it('gives a cloze note one line per cloze number, its gap as [...] or [hint], the answer revealed then Back Extra', () => {
    const lines = lineBased(text);
    expect(lines[3]).toEqual(['JWT › [...]은 HMAC로 만든다', '서명은 HMAC로 만든다 / HS256']);
    expect(lines[4]).toEqual(['JWT › 서명은 [알고리즘]로 만든다', '서명은 HMAC로 만든다 / HS256']);
    const htmlLines = lineBased(html);
    expect(htmlLines[3][0]).toBe('<small>JWT</small><br><b>[...]</b>은 HMAC로 만든다');
    expect(htmlLines[4][1]).toBe('서명은 <b>HMAC</b>로 만든다<br><p>HS256</p>');
  });

  it("shows each cloze card's gap and answer as Anki's own templates render them (test/helpers/anki-card.ts)", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(await buildApkg(fixture()))['collection.anki2']);
    const models = JSON.parse(String(db.exec('select models from col')[0].values[0][0])) as Record<string, Parameters<typeof ankiCardSides>[0]>;
    const [mid, flds] = db.exec("select mid, flds from notes where guid = 'c'")[0].values[0] as [number, string];
    db.close();
    const shown = (html: string) => toText(fromHtml(html.replace(/<div class="source">[\s\S]*?<\/div>/, ''), { fragment: true })).replace(/\s+/g, ' ').trim();
    const lines = lineBased(text);
    for (const ord of [0, 1]) {
      const anki = ankiCardSides(models[String(mid)], flds.split('\x1f'), ord);
      // Anki's question: the context, then the text with the gap.
      expect(lines[3 + ord][0]).toBe(shown(anki.question).replace(/^JWT /, 'JWT › '));
      expect(shown(anki.answer)).toContain(lines[3 + ord][1].split(' / ')[0]);
    }
  });

  it('makes line breaks and tabs safe: ` / ` in text, <br> and spaces in HTML code', () => {
    expect(lineBased(text)[0][1]).toBe('Header.Payload / if (a) / return "b";');
    expect(lineBased(html)[0][1]).toBe('<p>Header.Payload</p> <pre><code>if (a)<br>    return "b";</code></pre>');
  });

  it('keeps only simple HTML: no classes, no media, text escaped', () => {
    const lines = lineBased(html);
    expect(html).not.toMatch(/class=|<img|<span|\[sound:/);
    expect(lines[1][0]).toBe('"quoted" &amp; a &lt; b');
    expect(lines[1][1]).toBe('[image: 그림] [audio] &amp;#9;');
    // Mnemosyne decodes numeric references before it reads the line: there are none to decode.
    expect(html).not.toContain('&#');
  });
});

describe('--format tsv', () => {
  it('writes <name>.tsv with a line per card of the .apkg, Korean intact; --tsv-html and the library give HTML', async () => {
    const dir = seedWorkspace();
    const result = runCli(['--format', 'apkg,tsv'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Wrote decks/notes.tsv');
    const tsv = readFileSync(join(dir, 'decks/notes.tsv'), 'utf8');
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    const lines = lineBased(tsv);
    expect(lines).toHaveLength(apkg.cards.length);
    expect(lines).toContainEqual(['프로젝트에서 사용했었던 › JWT › 구조 › 헤더', '토큰 종류와 해시 알고리즘 정보']);

    expect(runCli(['--format', 'tsv', '--tsv-html', '--out', 'html'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'html/notes.tsv'), 'utf8')).toContain('<small>프로젝트에서 사용했었던 › JWT › 구조</small><br>헤더\t');
    const report = await build({ notesDir: 'notes', outDir: 'lib', formats: ['tsv'], tsvHtml: true, cwd: dir });
    expect(report.outputs).toEqual([{ format: 'tsv', path: 'lib/notes.tsv' }]);
    expect(readFileSync(join(dir, 'lib/notes.tsv'), 'utf8')).toBe(readFileSync(join(dir, 'html/notes.tsv'), 'utf8'));
  });
});
