/**
 * The user's own notes, end to end through the CLI: the promises of issue 2's
 * "Done when", checked on the written .apkg (SQL and anki-reader) and CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnkiPackage } from 'anki-reader';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { runCli, seedWorkspace, type CliResult } from './helpers/cli.js';

const stripTags = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

describe('npm run build-deck on notes/interview.md', () => {
  let dir: string;
  let run: CliResult;
  let report: {
    cards: number;
    notes: number;
    decks: { name: string; notes: number; cards: number }[];
    outputs: { format: string; path: string }[];
    diagnostics: { file: string; line: number | null; column: number | null; severity: string; rule: string; message: string }[];
  };
  let apkg: ApkgContents;

  beforeAll(async () => {
    dir = seedWorkspace();
    run = runCli(['--json'], dir);
    report = JSON.parse(run.stdout);
    apkg = await readApkg(join(dir, 'decks', 'notes.apkg'));
  });

  it('exits 0 and prints exactly one JSON document with the documented keys', () => {
    expect(run.status).toBe(0);
    // Every build carries the change plan, not only --dry-run (issue 10 item 4).
    expect(Object.keys(report)).toEqual(['cards', 'notes', 'decks', 'outputs', 'diagnostics', 'changes']);
    expect(report.outputs).toEqual([
      { format: 'apkg', path: 'decks/notes.apkg' },
      { format: 'csv', path: 'decks/notes.csv' },
    ]);
    for (const problem of report.diagnostics) expect(Object.keys(problem)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(report.decks).toEqual([{ name: 'interview', notes: report.notes, cards: report.cards }]);
  });

  it('reports the empty ### CORS bullet as a warning at its line', () => {
    expect(report.diagnostics).toContainEqual({
      file: 'notes/interview.md',
      line: 81,
      column: 1,
      severity: 'warning',
      rule: 'empty-bullet',
      message: 'Empty bullet',
    });
    expect(run.stderr).toContain('notes/interview.md:81:1  warning  Empty bullet  empty-bullet');
  });

  it('writes at least 30 cards, none with an empty side, none in the Default deck', () => {
    expect(report.cards).toBeGreaterThanOrEqual(30);
    expect(apkg.cards).toHaveLength(report.cards);
    for (const note of apkg.notes) {
      expect(stripTags(note.fields[0])).not.toBe('');
      expect(stripTags(note.fields[1])).not.toBe('');
    }
    expect(apkg.cards.every((card) => card.did !== 1)).toBe(true);
    expect(Object.values(apkg.decks).map((deck) => deck.name).sort()).toEqual(['Default', 'interview']);
  });

  it('asks 헤더 with JWT on the question side, answers 토큰 종류와 해시 알고리즘 정보, tagged JWT', () => {
    const note = apkg.notes.find((n) => stripTags(n.fields[0]) === '헤더');
    expect(note).toBeDefined();
    expect(stripTags(note!.fields[2])).toContain('JWT');
    expect(stripTags(note!.fields[1])).toBe('토큰 종류와 해시 알고리즘 정보');
    expect(note!.tags.trim().split(' ').some((tag) => tag.split('::').includes('JWT'))).toBe(true);
    // The Context field is on the question side of the card template.
    const model = apkg.models[String(note!.mid)] as unknown as { tmpls: { qfmt: string }[] };
    expect(model.tmpls[0].qfmt).toContain('{{Context}}');
  });

  it('asks 통신 단위 with 물리 계층 on the question side and answers 비트', () => {
    const note = apkg.notes.find((n) => stripTags(n.fields[0]) === '통신 단위' && stripTags(n.fields[2]).includes('물리 계층'));
    expect(note && stripTags(note.fields[1])).toBe('비트');
  });

  it('is read by anki-reader, a reader nobody here wrote', async () => {
    const { collection } = await readAnkiPackage(new Blob([readFileSync(join(dir, 'decks', 'notes.apkg'))]));
    const decks = Object.values(collection.getDecks());
    const interview = decks.find((deck) => deck.getName() === 'interview')!;
    const cards = Object.values(interview.getCards());
    expect(cards).toHaveLength(report.cards);
    expect(cards.map((card) => card.getFields().Front)).toContain('헤더');
    expect(Object.keys(decks.find((deck) => deck.getName() === 'Default')!.getCards())).toHaveLength(0);
  });

  it('writes a CSV holding the same notes and GUIDs as the .apkg', () => {
    const text = readFileSync(join(dir, 'decks', 'notes.csv'), 'utf8');
    const header = text.split('\n').filter((line) => line.startsWith('#'));
    expect(header).toContain('#separator:tab');
    expect(header).toContain('#html:true');
    const rows: string[][] = parse(text, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true });
    const guidColumn = Number(header.find((line) => line.startsWith('#guid column:'))!.split(':')[1]) - 1;
    expect(rows.map((row) => row[guidColumn]).sort()).toEqual(apkg.notes.map((note) => note.guid).sort());
  });
});
