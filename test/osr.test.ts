/**
 * Notes written for obsidian-spaced-repetition (OSR). The cases are the team's
 * own, written from OSR's documentation and the inputs of its test suite
 * (tests/unit/parser.test.ts, tests/unit/note-question-parser.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { cardText, extract } from './helpers/extract.js';

const cards = (markdown: string, path?: string) => extract(markdown, path).notes.map(cardText);

describe('shapes OSR users write, handled the same in every note', () => {
  it('a `?` card whose answer starts with a code block keeps the code as the answer', () => {
    const { notes, diagnostics } = extract("# Python\n\nHow do you print in Python?\n?\n```python\nprint('Hello World!')\n\n\nprint('Howdy?')\n```\n");
    expect(notes.map(cardText)).toEqual(["Python › How do you print in Python? => print('Hello World!') print('Howdy?')"]);
    expect(notes[0].back).toMatchObject([{ type: 'code', lang: 'python', value: "print('Hello World!')\n\n\nprint('Howdy?')" }]);
    expect(diagnostics).toEqual([]);
  });

  it('a `?` card whose answer is a list keeps the list, and stops at the blank line', () => {
    const { notes } = extract('# T\n\nLayers of TCP/IP?\n?\n- link\n- internet\n\nNot part of the card.\n');
    expect(notes.map(cardText)).toEqual(['T › Layers of TCP/IP? => link internet', 'T => Not part of the card.']);
    expect(notes[0].back.map((node) => node.type)).toEqual(['list']);
  });

  it('a `?` card with text and then a list below the `?` keeps both', () => {
    const { notes } = extract('# T\n\nQ\n?\nTwo things:\n- a\n- b\n');
    expect(notes.map(cardText)).toEqual(['T › Q => Two things: a b']);
    expect(notes[0].back.map((node) => node.type)).toEqual(['paragraph', 'list']);
  });

  it('a cloze paragraph keeps all its lines, one note per paragraph', () => {
    const text = 'some text before\n\na deletion on\nsuch ==wow==\n\nmany text\nsuch surprise ==wow== more ==text==\nsome text after\n\nHmm\n';
    const notes = extract(`# T\n\n${text}`).notes.filter((note) => note.kind === 'cloze');
    expect(notes.map((note) => note.frontText)).toEqual(['a deletion on such wow', 'many text such surprise wow more text some text after']);
    expect(notes.map((note) => note.position.line)).toEqual([5, 8]);
  });

  it('numbers the clozes of a paragraph across its lines', () => {
    const [note] = extract('Lorem ipsum dolor ==sit amet==, consectetur ==adipiscing== elit.\nDuis magna arcu, eleifend rhoncus ==euismod non,==\nlaoreet vitae enim.\n').notes;
    const numbers: number[] = [];
    JSON.stringify(note.front, (key, value) => (value?.type === 'cloze' && numbers.push(value.number), value));
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('a highlight does not run over a line break', () => {
    const { notes, diagnostics } = extract('# T\n\nlorem ipsum ==p\ndolor won==\n');
    expect(notes.filter((note) => note.kind === 'cloze')).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['cloze-unbalanced', 'cloze-unbalanced']);
  });

  it('an HTML comment around a card that holds its own <!--SR:…--> comment hides all of it', () => {
    expect(cards('# T\n\n<!--\nQuestion\n?\nAnswer <!--SR:!2021-08-11,4,270-->\n-->\n\nAfter :: yes\n')).toEqual(['T › After => yes']);
    expect(cards('# T\n\n<!--\nQuestion\n?\nAnswer <!--SR:!2021-08-11,4,270-->\n\n<!--cloze ==deletion== test-->-->\n\na :: b\n')).toEqual(['T › a => b']);
  });

  it('comments on their own lines still hide only themselves', () => {
    expect(cards('# T\n\nsomething something\n\n<!--cloze {{curly}} test-->\n\na :: b\n')).toEqual(['T => something something', 'T › a => b']);
  });
});

describe('`Q::A` without spaces, outside OSR notes', () => {
  it.each([
    ['std::vector 는 동적 배열이다'],
    ['use std::vector for arrays'],
    ['- std::vector 는 동적 배열이다'],
    ['- use std::vector for arrays'],
  ])('%j is prose: a name inside a sentence makes no split and no warning', (line) => {
    const { notes, diagnostics } = extract(`# C++\n\n${line}\n`);
    expect(notes.map((note) => note.rule)).toEqual([line.startsWith('-') ? 'list' : 'section']);
    expect(notes[0].backText).toBe(line.replace(/^- /, ''));
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ['What is HTTP?::HyperText Transfer Protocol', 'T › What is HTTP? => HyperText Transfer Protocol'],
    ['사과::apple', 'T › 사과 => apple'],
    ['- 사과::apple', 'T › 사과 => apple'],
  ])('%j cannot be a name in code, so it is a card', (line, expected) => {
    expect(cards(`# T\n\n${line}\n`)).toEqual([expected]);
  });

  it.each([['Question::Answer'], ['Q1::A1'], ['Capital of France::Paris'], ['- Q1:::A1'], ['std::vector']])(
    '%j could be a name or a card: no card, and a warning that says why and what to write',
    (line) => {
      const { notes, diagnostics } = extract(`# T\n\n${line}\n`);
      expect(notes.filter((note) => note.rule === 'explicit')).toEqual([]);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ rule: 'explicit-unspaced', severity: 'warning', line: 3, file: 'notes/topic.md' });
      expect(diagnostics[0].message).toContain(`\`${line.replace(/^- /, '')}\` was not made a card`);
      expect(diagnostics[0].message).toContain('Write `Q :: A` for a card');
    },
  );

  it('inline code is never looked at', () => {
    const { notes, diagnostics } = extract('# T\n\n`Inlineq::InlineA`\n\n```\nCodeblockq::CodeblockA\n```\n');
    expect(notes.filter((note) => note.rule === 'explicit')).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});
