import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeckPackage, PackagedNote } from '../src/lib/model.js';
import { buildApkg } from '../src/lib/write/apkg/index.js';
import { buildCsv, csvColumns } from '../src/lib/write/csv/index.js';

function note(partial: Partial<PackagedNote> & Pick<PackagedNote, 'guid' | 'kind' | 'fields' | 'due'>): PackagedNote {
  return { deck: 'cs', tags: [], ords: [0], mod: 1_790_000_000, created: 1_780_000_000, ...partial };
}

function fixture(): DeckPackage {
  return {
    notes: [
      note({
        guid: 'cl#;,|3',
        kind: 'cloze',
        deck: 'interview::JWT',
        fields: ['{{c1::서명}}은 {{c2::HMAC}}로 만든다', '', 'JWT', 'jwt.md › JWT'],
        ords: [0, 1],
        due: 3,
      }),
      note({
        guid: '#a1',
        kind: 'basic',
        deck: 'interview::JWT',
        fields: [
          'JWT의 <b>구조</b>는?',
          '<p>Header.Payload</p>\n<pre><code class="hljs">if (a)\n\treturn "b";</code></pre>',
          'Interview › JWT',
          '<a href="obsidian://open?vault=v&amp;file=a%20%26%20b.md">a &amp; b.md</a>',
        ],
        tags: ['interview::jwt', 'security'],
        due: 1,
      }),
      note({
        guid: 'r"2',
        kind: 'reversed',
        fields: ['# not a comment', '<img src="3f2a9c.png">a &lt; b', '', 'c.md'],
        ords: [0, 1],
        due: 2,
      }),
    ],
    media: [{ name: '3f2a9c.png', data: new Uint8Array([1, 2, 3]) }],
  };
}

let csv: string;
let headers: string[];
let body: string;
let records: string[][];

beforeAll(() => {
  csv = buildCsv(fixture());
  const lines = csv.split('\n');
  const firstRecord = lines.findIndex((line) => !line.startsWith('#'));
  headers = lines.slice(0, firstRecord);
  body = lines.slice(firstRecord).join('\n');
  records = parse(body, { delimiter: '\t' });
});

describe('CSV for Anki text import', () => {
  it('starts with the header lines, has no BOM and no CR', () => {
    expect(headers).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:7',
      '#guid column:1',
      '#if matches:update current',
    ]);
    expect(csv.charCodeAt(0)).toBe('#'.charCodeAt(0));
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('tells Anki to update the notes it matches, read the way Anki reads its headers', () => {
    // rslib import_export/text/csv/metadata.rs: a header is `#key:value`, split at the first colon; the key is
    // trimmed and lower-cased, the value compared exactly (`DupeResolution::from_text`: "update current").
    const meta = new Map(headers.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(1, at).trim().toLowerCase(), line.slice(at + 1)] as const;
    }));
    expect(meta.get('if matches')).toBe('update current');
    expect(meta.get('separator')).toBe('tab');
  });

  it('writes one row per note in due order: guid, notetype, deck, three fields, tags, Source', () => {
    expect(records).toHaveLength(3);
    for (const record of records) expect(record).toHaveLength(8);
    expect(records.map((r) => r.slice(0, 3))).toEqual([
      ['#a1', 'deckgen Basic', 'interview::JWT'],
      ['r"2', 'deckgen Basic (and reversed)', 'cs'],
      ['cl#;,|3', 'deckgen Cloze', 'interview::JWT'],
    ]);
    expect(records.map((r) => r[6])).toEqual(['interview::jwt security', '', '']);
    expect(records.map((r) => r[7])).toEqual(['<a href="obsidian://open?vault=v&amp;file=a%20%26%20b.md">a &amp; b.md</a>', 'c.md', 'jwt.md › JWT']);
    expect(csvColumns.map((c) => c.column)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const named = (name: string) => csvColumns.find((c) => c.name === name)!.column;
    expect(headers).toContain(`#guid column:${named('guid')}`);
    expect(headers).toContain(`#notetype column:${named('notetype')}`);
    expect(headers).toContain(`#deck column:${named('deck')}`);
    expect(headers).toContain(`#tags column:${named('tags')}`);
  });

  it('always quotes the guid cell and any cell starting with #', () => {
    const lines = body.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.startsWith('"')).toBe(true);
    expect(lines[0].startsWith('"#a1"\t')).toBe(true);
    expect(lines[1].startsWith('"r""2"\t')).toBe(true);
    expect(lines[1]).toContain('\t"# not a comment"\t');
  });

  it('emits newlines as <br> inside code blocks and as spaces between tags, keeping tabs', () => {
    const back = records[0][4];
    expect(back).toBe('<p>Header.Payload</p> <pre><code class="hljs">if (a)<br>\treturn "b";</code></pre>');
    for (const record of records) for (const cell of record) expect(cell).not.toContain('\n');
  });

  it('carries the same GUIDs and fields as the .apkg', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(await buildApkg(fixture()))['collection.anki2']);
    const notes = db.exec('select guid, flds from notes order by id')[0].values as [string, string][];
    db.close();
    expect(records.map((r) => r[0])).toEqual(notes.map(([guid]) => guid));
    // Anki maps the note type's fields to the columns that are not header columns, in order
    // (rslib import_export/text/csv/import.rs `gather_note_fields`, with `#notetype column`).
    const header = (key: string) => Number(headers.find((line) => line.startsWith(`#${key} column:`))!.split(':')[1]);
    const meta = new Set(['guid', 'notetype', 'deck', 'tags'].map(header));
    const fieldsOf = (record: string[]) => record.filter((_cell, i) => !meta.has(i + 1));
    // Apart from the newline rewrite checked above, the fields are the .apkg's, byte for byte.
    expect(records.slice(1).map(fieldsOf)).toEqual(notes.slice(1).map(([, flds]) => flds.split('\x1f')));
    expect(fieldsOf(records[0])[0]).toBe(notes[0][1].split('\x1f')[0]);
    expect(fieldsOf(records[0])[3]).toBe(notes[0][1].split('\x1f')[3]);
  });

  it('writes every note of a package larger than one batch of rows, one line each, in due order', () => {
    // Rows are stringified 1,000 notes at a time: the batches must join into one record per line.
    const notes = Array.from({ length: 2_500 }, (_, i) =>
      note({ guid: `#g${i}`, kind: 'basic', fields: [`# q ${i}`, `a ${i}`, '', 'big.md'], due: 2_500 - i }),
    );
    const text = buildCsv({ notes, media: [] });
    const lines = text.split('\n');
    const rows = parse(lines.filter((line) => !line.startsWith('#')).join('\n'), { delimiter: '\t' }) as string[][];
    expect(rows).toHaveLength(2_500);
    expect(rows.map((row) => row[0])).toEqual(notes.map((n) => n.guid).reverse());
    expect(rows.every((row) => row.length === 8 && row[3].startsWith('# q '))).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('throws on a duplicate GUID', () => {
    const pkg = fixture();
    pkg.notes.push({ ...pkg.notes[0], due: 4 });
    expect(() => buildCsv(pkg)).toThrow(/duplicate GUID/);
  });
});
