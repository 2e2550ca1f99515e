/**
 * Issue 7: Obsidian syntax becomes good cards. Unit tests per construct
 * (parse → extract, render); the fixture vault is built end to end in
 * test/vault.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tagLine } from '../src/lib/extract/tag-lines.js';
import { cardText, extract } from './helpers/extract.js';

const cards = (markdown: string, path?: string) => extract(markdown, path).notes.map(cardText);
const vaultCards = (markdown: string, path: string) => extract(markdown, path, { vault: true }).notes.map(cardText);

describe('tag lines', () => {
  it('a line of only tags is metadata: no card, no answer text', () => {
    const { notes } = extract('## Paging\n#flashcards\n\n- Page table : maps pages to frames\n- TLB : caches translations');
    expect(notes.map(cardText)).toEqual(['Paging › Page table => maps pages to frames', 'Paging › TLB => caches translations']);
    for (const note of notes) expect(note.tags).toContain('flashcards');
  });

  it('tags before the first heading tag the whole file; under a heading, its section and subsections', () => {
    const { notes } = extract('#os/memory #interview\n\n# OS\n## Paging\n- Page : a block\n\n#paging\n### TLB\n- TLB : a cache\n## Swap\n- Swap : disk space');
    const tags = Object.fromEntries(notes.map((note) => [note.frontText, note.tags]));
    for (const front of ['Page', 'TLB', 'Swap']) expect(tags[front]).toEqual(expect.arrayContaining(['os::memory', 'interview']));
    expect(tags.Page).toContain('paging');
    expect(tags.TLB).toContain('paging');
    expect(tags.Swap).not.toContain('paging');
  });

  it('a heading answered only by a tag line makes no card (not "Paging → #flashcards")', () => {
    expect(cards('## Paging\n#flashcards\n## Next\nSome prose.')).toEqual(['Next => Some prose.']);
  });

  it('a bullet of only tags is metadata; the tag line of a paragraph goes, the rest stays', () => {
    const { notes } = extract('## E\n#mex #adhoc\nWhat shape does the array have?\n\n- #todo');
    expect(notes.map(cardText)).toEqual(['E => What shape does the array have?']);
    expect(notes[0].tags).toEqual(expect.arrayContaining(['mex', 'adhoc', 'todo']));
  });

  it.each([
    ['#os/memory #interview', ['os::memory', 'interview']],
    ['  #한국어  ', ['한국어']],
    ['#tag and words', null],
    ['C# #1', null],
    ['', null],
  ])('tagLine(%j)', (text, expected) => {
    expect(tagLine(text ? [{ type: 'text', value: text }] : [])).toEqual(expected);
  });
});

describe('title context (vault)', () => {
  it('a file without a level-1 heading starts every context with its name', () => {
    expect(vaultCards('## Examples\n- the rationals in the reals\n- the dyadic numbers', 'math/Dense set.md')).toEqual([
      'Dense set › Examples => the rationals in the reals the dyadic numbers',
    ]);
  });

  it('a level-1 heading is the title; a first heading equal to the file name is not repeated', () => {
    expect(vaultCards('# Dense sets\n## Examples\n- ℚ in ℝ', 'Dense set.md')).toEqual(['Dense sets › Examples => ℚ in ℝ']);
    expect(vaultCards('## Dense set\n- A : B', 'Dense set.md')).toEqual(['Dense set › A => B']);
  });

  it('prose before the first heading stays a preamble; bullets there are asked under the title', () => {
    expect(vaultCards('A banner paragraph.\n\n- a point\n\n## Examples\nProse.', 'Dense set.md')).toEqual([
      'Dense set => a point',
      'Dense set › Examples => Prose.',
    ]);
  });

  it('only in a vault: elsewhere a file name is not a title (notes/interview.md keeps its context)', () => {
    expect(cards('## Examples\n- ℚ in ℝ', 'Dense set.md')).toEqual(['Examples => ℚ in ℝ']);
  });
});
