/**
 * Issue 10 item 7: every note's Source field (notes file › headings, no line
 * number), shown on the back, a link into Obsidian in a vault — read back from
 * the written .apkg (SQL, and anki-reader for the fields), not from internals.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { sourceField } from '../src/lib/render/source.js';
import { readPackageNotes } from './helpers/anki-import.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { cardSides } from './helpers/anki-card.js';
import { runCli, seedWorkspace, workspace } from './helpers/cli.js';

const epoch = (seconds: number) => ({ SOURCE_DATE_EPOCH: String(seconds) });
const text = (html: string) => toText(fromHtml(html, { fragment: true }));

/** The one `<a>` of a Source field, parsed as a browser would. */
function link(html: string): { href: string; text: string } {
  const tree = fromHtml(html, { fragment: true });
  expect(tree.children).toHaveLength(1);
  const a = tree.children[0] as Element;
  expect(a.tagName).toBe('a');
  return { href: String(a.properties.href), text: toText(a) };
}

describe('the Source field', () => {
  it('does what its doc comment promises', () => {
    expect(sourceField('interview.md', ['JWT', '구조'], null)).toBe('interview.md › JWT › 구조');
    expect(sourceField('OS/Memory.md', ['Paging'], { name: 'My Vault', notesFolder: '' })).toBe(
      '<a href="obsidian://open?vault=My%20Vault&amp;file=OS%2FMemory.md%23Paging">OS/Memory.md › Paging</a>',
    );
  });

  it('gives every note of the seed its file and headings, identical in anki-reader, and shows it on the back only', async () => {
    const dir = seedWorkspace();
    expect(runCli([], dir).status).toBe(0);
    const bytes = readFileSync(join(dir, 'decks/notes.apkg'));
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    for (const model of Object.values(apkg.models)) expect(model.flds.map((field) => field.name)).toContain('Source');
    for (const note of apkg.notes) {
      expect(note.fields).toHaveLength(4);
      expect(note.fields[3]).toMatch(/^interview\.md › (프로젝트에서 사용했었던|컴퓨터 공학) › /);
      expect(note.fields[3]).not.toMatch(/:\d|line/);
    }
    const header = apkg.notes.find((note) => note.fields[0] === '헤더')!;
    expect(header.fields[3]).toBe('interview.md › 프로젝트에서 사용했었던 › JWT');
    // A reader nobody here wrote sees the same fields.
    const read = await readPackageNotes(bytes);
    expect(read.get(header.guid)!.fields).toEqual(header.fields);
    // Anki's template language: the Source is on the answer side, not the question.
    const model = apkg.models[String(header.mid)] as unknown as Parameters<typeof cardSides>[0];
    const sides = cardSides(model, header.fields, 0);
    expect(sides.question).not.toContain('interview.md');
    expect(sides.answer).toContain('<div class="source">interview.md › 프로젝트에서 사용했었던 › JWT</div>');
  });

  it('keeps every other note\'s Source, mod and GUID when a bullet is inserted at the top of the file', async () => {
    const dir = seedWorkspace();
    expect(runCli([], dir, epoch(1_800_000_000)).status).toBe(0);
    const before = await readApkg(join(dir, 'decks/notes.apkg'));
    const file = join(dir, 'notes/interview.md');
    writeFileSync(file, `- 새 질문 : 맨 위에 넣은 답\n\n${readFileSync(file, 'utf8')}`);
    expect(runCli([], dir, epoch(1_800_000_100)).status).toBe(0);
    const after = await readApkg(join(dir, 'decks/notes.apkg'));
    expect(after.notes).toHaveLength(before.notes.length + 1);
    const old = new Map(before.notes.map((note) => [note.guid, note]));
    const added = after.notes.filter((note) => !old.has(note.guid));
    expect(added.map((note) => [note.fields[0], note.fields[3], note.mod])).toEqual([['새 질문', 'interview.md', 1_800_000_100]]);
    for (const note of after.notes.filter((candidate) => old.has(candidate.guid))) {
      expect([note.fields[3], note.mod]).toEqual([old.get(note.guid)!.fields[3], old.get(note.guid)!.mod]);
    }
  });

  it('in an Obsidian vault links to the note at its heading, escaped and encoded, without touching GUIDs', async () => {
    const name = 'A <b> & "c"';
    const files = { 'Deep/Q & <A> "x".md': '# Top {{c1::no}}\n\n## Sub & a<b "q"\n\n- 질문 : 답\n' };
    const plain = workspace(files);
    expect(runCli([], plain).status).toBe(0);
    const outside = await readApkg(join(plain, 'decks/notes.apkg'));

    const dir = workspace(files);
    // The notes folder inside a vault whose name needs escaping in HTML and encoding in the URI.
    mkdirSync(join(dir, name, '.obsidian'), { recursive: true });
    renameSync(join(dir, 'notes'), join(dir, name, 'notes'));
    expect(runCli(['--notes', `${name}/notes`, '--out', 'decks'], dir).status).toBe(0);
    const inVault: ApkgContents = await readApkg(join(dir, 'decks/notes.apkg'));

    const [note] = inVault.notes;
    expect(text(outside.notes[0].fields[3])).toBe('Deep/Q & <A> "x".md › Top {{c1::no}} › Sub & a<b "q"');
    const { href, text: shown } = link(note.fields[3]);
    expect(shown).toBe('Deep/Q & <A> "x".md › Top {{c1::no}} › Sub & a<b "q"');
    expect(href).toBe(
      `obsidian://open?vault=${encodeURIComponent(name)}&file=${encodeURIComponent('notes/Deep/Q & <A> "x".md#Top {{c1::no}}#Sub & a<b "q"')}`,
    );
    expect(href).toMatch(/^obsidian:\/\/open\?vault=A%20%3Cb%3E%20%26%20%22c%22&file=notes%2FDeep%2F/);
    // Nothing in the raw field Anki could read as a cloze, a tag of the user's, or the end of the attribute.
    expect(note.fields[3]).not.toMatch(/\{\{|<(?!\/?a\b)/);
    expect(inVault.notes.map((n) => n.guid)).toEqual(outside.notes.map((n) => n.guid));
    expect(inVault.notes.map((n) => n.fields.slice(0, 3))).toEqual(outside.notes.map((n) => n.fields.slice(0, 3)));
  });
});
