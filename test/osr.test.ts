/**
 * Notes written for obsidian-spaced-repetition (OSR). The cases are the team's
 * own, written from OSR's documentation and the inputs of its test suite
 * (tests/unit/parser.test.ts, tests/unit/note-question-parser.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, workspace } from './helpers/cli.js';
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
    ['std::vector 는?::답', 'T › std::vector 는? => 답'],
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

/** Cards of a note as `kind deck: front => back`, reading notes tagged #flashcards as OSR does. */
const osrCards = (markdown: string) => extract(markdown).notes.map((note) => `${note.kind} ${note.deck}: ${note.frontText} => ${note.backText}`);

describe('OSR notes (tagged #flashcards): single-line cards', () => {
  it.each([
    ['Question::Answer', ['basic flashcards: Question => Answer']],
    ['Question::Answer\n<!--SR:!2021-08-11,4,270-->', ['basic flashcards: Question => Answer']],
    ['Question::Answer <!--SR:!2021-08-11,4,270-->', ['basic flashcards: Question => Answer']],
    ['Question::Answer\n> [!sr|card-metadata] \n> <!--SR:!2021-08-11,4,270-->', ['basic flashcards: Question => Answer']],
    ['Some text before\nQuestion ::Answer', ['basic flashcards: Question => Answer']],
    ['#Title\n\nQ1::A1\nQ2:: A2', ['basic flashcards: Q1 => A1', 'basic flashcards: Q2 => A2']],
    ['Question:::Answer', ['reversed flashcards: Question => Answer']],
    ['#Title\n\nQ1:::A1\nQ2::: A2', ['reversed flashcards: Q1 => A1', 'reversed flashcards: Q2 => A2']],
    ['- Q1::A1\n- Q2:::A2', ['basic flashcards: Q1 => A1', 'reversed flashcards: Q2 => A2']],
    ['In computer-science, a *heap* is::a tree-based data-structure', ['basic flashcards: In computer-science, a heap is => a tree-based data-structure']],
    ['my question containing `some::code` in it::and the answer', ['basic flashcards: my question containing some::code in it => and the answer']],
    ['std::vector 는 동적 배열이다', ['basic flashcards: std => vector 는 동적 배열이다']],
  ])('%j', (body, expected) => {
    expect(osrCards(`#flashcards\n${body}\n`)).toEqual(expected);
  });

  it('takes the topic, schedule and block id off the card text (the example of sides.ts)', () => {
    const [note] = extract('#flashcards/science Q5::A5 <!--SR:!2023-09-02,4,270--> ^d7cee0\n').notes;
    expect(note).toMatchObject({ deck: 'flashcards::science', frontText: 'Q5', backText: 'A5', explicitId: 'd7cee0', review: { 0: { due: '2023-09-02', interval: 4, factor: 2700 } } });
  });

  it('keeps a block id as the card id and the bullet out of the question', () => {
    const [note] = extract('#flashcards\n- A::B ^d7cee0\n').notes;
    expect(note).toMatchObject({ rule: 'osr', explicitId: 'd7cee0', frontText: 'A', backText: 'B', position: { line: 2, column: 1 } });
    expect(note.front.map((node) => node.type)).toEqual(['text']);
  });

  it('makes no card of code', () => {
    expect(osrCards('#flashcards\nQuestion::Answer\n\n```\nCodeblockq::CodeblockA\n```\n\n`Inlineq::InlineA`\n')).toEqual(['basic flashcards: Question => Answer']);
  });

  it('makes no card of anything else: headings, prose and bullets are not OSR cards', () => {
    expect(osrCards('#flashcards\n# HTTP\n\nHTTP is stateless.\n\n- GET\n- POST\n\nMethod count::9\n')).toEqual(['basic flashcards: Method count => 9']);
  });

  it('shows the note\'s name and the headings above a card as its context, as OSR does', () => {
    const [note] = extract('#flashcards\n# Network\n## TCP\nHandshake steps::3\n', 'cs/Computer networks.md').notes;
    expect(cardText(note)).toBe('Computer networks › Network › TCP › Handshake steps => 3');
    expect(extract('#flashcards\n# TCP\nHandshake steps::3\n', 'TCP.md').notes[0].context).toEqual(['TCP']);
  });
});

describe('OSR notes: multi-line cards', () => {
  it.each([
    ['Question\n?\nAnswer', ['basic flashcards: Question => Answer']],
    ['Question\n? \nAnswer', ['basic flashcards: Question => Answer']],
    ['Question line 1\nQuestion line 2\n?\nAnswer', ['basic flashcards: Question line 1 Question line 2 => Answer']],
    ['Question\n?\nAnswer line 1\nAnswer line 2', ['basic flashcards: Question => Answer line 1 Answer line 2']],
    ['#Title\n\nLine0\nQ1\n?\nA1\nAnswerExtra\n\nQ2\n?\nA2', ['basic flashcards: Line0 Q1 => A1 AnswerExtra', 'basic flashcards: Q2 => A2']],
    ['Question\n??\nAnswer', ['reversed flashcards: Question => Answer']],
    ['Multiline question\n ?\nMultiline answer\n\nMultiline question2\n ??\nMultiline answer2', ['basic flashcards: Multiline question => Multiline answer', 'reversed flashcards: Multiline question2 => Multiline answer2']],
    ['?\nA1\n\nQ2\n?\nA2', ['basic flashcards: Q2 => A2']],
  ])('%j', (body, expected) => {
    expect(osrCards(`#flashcards\n\n${body}\n`)).toEqual(expected);
  });

  it('a tag on the line above is the topic, not part of the question', () => {
    expect(osrCards('#flashcards/tag-on-previous-line\nQuestion\n?\nAnswer\n')).toEqual(['basic flashcards::tag-on-previous-line: Question => Answer']);
  });

  it('an answer starting with a code block keeps the whole block, blank lines and all', () => {
    const [note] = extract("#flashcards\n\nHow do you ... Python?\n?\n```python\nprint('Hello World!')\n\n\nprint('Howdy?')\n\nlambda x: x[0]\n```\n").notes;
    expect(note.frontText).toBe('How do you ... Python?');
    expect(note.back).toMatchObject([{ type: 'code', lang: 'python', value: "print('Hello World!')\n\n\nprint('Howdy?')\n\nlambda x: x[0]" }]);
  });

  it('an answer starting with a list keeps the list', () => {
    const [note] = extract('#flashcards\n\nLayers?\n?\n- link\n- internet\n').notes;
    expect(note.back.map((node) => node.type)).toEqual(['list']);
    expect(note.backText).toBe('link internet');
  });

  it('a question in bold keeps its formatting', () => {
    const [note] = extract('---\ntags:\n  - flashcards\n  - data-structure\n---\n**What is a Heap?**\n?\nIn computer-science, a *heap* is a tree-based data-structure.\n').notes;
    expect(note.front.map((node) => node.type)).toEqual(['strong']);
    expect(note).toMatchObject({ frontText: 'What is a Heap?', deck: 'flashcards', position: { line: 6 } });
  });
});

describe('OSR notes: clozes', () => {
  const clozes = (markdown: string) =>
    extract(markdown).notes.map((note) => {
      const parts: string[] = [];
      JSON.stringify(note.front, (key, value) => (value?.type === 'cloze' && parts.push(`c${value.number}:${value.children.map((c: { value?: string }) => c.value ?? '').join('')}${value.hint ? `[${value.hint}]` : ''}`), value));
      return `${note.frontText} | ${parts.join(' ')}`;
    });

  it.each([
    ['cloze ==deletion== test', ['cloze deletion test | c1:deletion']],
    ['cloze ==deletion== test\n<!--SR:!2021-08-11,4,270-->', ['cloze deletion test | c1:deletion']],
    ['==this== is a ==deletion==', ['this is a deletion | c1:this c2:deletion']],
    ['Brazilians speak ==Portuguese;;language==', ['Brazilians speak Portuguese | c1:Portuguese[language]']],
    ['==1;;Paris== is the ==1;;capital== of ==2;;France==', ['Paris is the capital of France | c1:Paris c1:capital c2:France']],
    ['some text before\n\na deletion on\nsuch ==wow==\n\nmany text\nsuch surprise ==wow== more ==text==\nsome text after\n\nHmm', ['a deletion on such wow | c1:wow', 'many text such surprise wow more text some text after | c1:wow c2:text']],
    ['this has some ==`inline`== code', ['this has some inline code | c1:inline']],
  ])('%j', (body, expected) => {
    expect(clozes(`#flashcards\n\n${body}\n`)).toEqual(expected);
  });

  it.each([['srdf =='], ['lorem ipsum ==p\ndolor won=='], ['lorem ipsum ==dolor won='], ['cloze **deletion** test'], ['cloze {{deletion}} test']])(
    '%j is no cloze with the default pattern',
    (body) => {
      expect(extract(`#flashcards\n\n${body}\n`).notes).toEqual([]);
    },
  );

  it('a highlight that is no cloze in a grouped note stays text, not a deckgen cloze', () => {
    expect(clozes('#flashcards\n\na ==x== and ==1;;y==\n')).toEqual(['a ==x== and y | c1:y']);
  });

  it('a cloze paragraph keeps its lines and its formatting', () => {
    const [note] = extract('#flashcards\n# Lorem\n\nLorem ipsum dolor ==sit amet==, consectetur ==adipiscing== elit.\nDuis magna arcu, eleifend rhoncus ==euismod non,==\nlaoreet vitae enim.\n').notes;
    expect(note).toMatchObject({ kind: 'cloze', context: ['topic', 'Lorem'], position: { line: 4 } });
    expect(note.frontText).toBe('Lorem ipsum dolor sit amet, consectetur adipiscing elit. Duis magna arcu, eleifend rhoncus euismod non, laoreet vitae enim.');
  });
});

describe('OSR notes: tags and decks', () => {
  it('a tag starting the card line is its deck and tag, not question text', () => {
    const [note] = extract('#flashcards/science Question ::Answer\n').notes;
    expect(note).toMatchObject({ deck: 'flashcards::science', frontText: 'Question', backText: 'Answer' });
    expect(note.tags).toContain('flashcards::science');
  });

  it('a tag-only line is the topic of the cards below it, and makes no card', () => {
    const notes = extract('#flashcards/test\nQ1::A1\n#flashcards/examination Q2::A2\nQ3::This has the "flashcards/test" topic\n').notes;
    expect(notes.map((note) => `${note.deck}: ${note.frontText}`)).toEqual(['flashcards::test: Q1', 'flashcards::examination: Q2', 'flashcards::test: Q3']);
  });

  it('the last tag line above a card wins; before the first one, the first one', () => {
    const notes = extract('Q1::A1\n#flashcards/test\nQ2::A2\n#flashcards/examination\nQ3::A3\n').notes;
    expect(notes.map((note) => note.deck)).toEqual(['flashcards::test', 'flashcards::test', 'flashcards::examination']);
  });

  it('front matter tags are the topic of every card; other tags are only tags', () => {
    const notes = extract('---\nsr-due: 2024-01-17\ntags:\n  - flashcards/aws\n  - cloud\n---\nQ1::A1\nQ2::A2\n').notes;
    expect(notes.map((note) => note.deck)).toEqual(['flashcards::aws', 'flashcards::aws']);
    expect(notes[0].tags).toEqual(expect.arrayContaining(['flashcards::aws', 'cloud']));
  });

  it('two topics on one line: the first is the deck (a note has one deck in Anki), both are tags', () => {
    const [note] = extract('#flashcards/science #flashcards/poetry\nA::B\n').notes;
    expect(note.deck).toBe('flashcards::science');
    expect(note.tags).toEqual(expect.arrayContaining(['flashcards::science', 'flashcards::poetry']));
  });

  it('a tag at the end of the card line is a tag, not answer text', () => {
    const [note] = extract("What year did Aegon's Conquest start?::2BC #flashcards\n").notes;
    expect(note).toMatchObject({ deck: 'flashcards', frontText: "What year did Aegon's Conquest start?", backText: '2BC' });
  });

  it('front matter deck: wins over the tags', () => {
    expect(extract('---\ndeck: Biology\n---\n#flashcards/science\nA::B\n').notes.map((note) => note.deck)).toEqual(['Biology']);
  });

  it('a note tagged #flashcards with no card in OSR syntax is a deckgen note (the tag is just a tag)', () => {
    const { notes } = extract('## Paging\n#flashcards\n\n- Page table : maps pages to frames\n');
    expect(notes.map((note) => `${note.rule} ${cardText(note)}`)).toEqual(['definition Paging › Page table => maps pages to frames']);
  });

  it('a note without a flashcard tag is not an OSR note: deckgen\'s own rules apply', () => {
    const untagged = extract('# T\n\nA::B\n');
    expect(untagged.notes.map((note) => note.rule)).toEqual(['section']);
    expect(untagged.diagnostics.map((d) => d.rule)).toEqual(['explicit-unspaced']);
    expect(extract('# T\n\nA :: B\n').notes.map((note) => note.rule)).toEqual(['explicit']);
  });
});

describe('OSR notes: comments and the end marker', () => {
  it.each([
    ['<!--question::answer test-->'],
    ['<!--\nQuestion\n?\nAnswer <!--SR:!2021-08-11,4,270-->\n-->'],
    ['<!--\nQuestion\n?\nAnswer <!--SR:!2021-08-11,4,270-->\n\n<!--cloze ==deletion== test-->-->'],
    ['<!--cloze ==deletion== test-->'],
  ])('%j makes no card', (body) => {
    expect(extract(`#flashcards\n\n${body}\n`).notes).toEqual([]);
  });

  it('cards after a comment are found', () => {
    expect(osrCards('#flashcards\n\nsomething something\n\n<!--cloze ==curly== test-->\n\na::b\n')).toEqual(['basic flashcards: a => b']);
    expect(osrCards('#flashcards\n\n<!--\nQ\n?\nA <!--SR:!2021-08-11,4,270-->\n-->\n\nc::d\n')).toEqual(['basic flashcards: c => d']);
  });
});

describe('an Obsidian vault with OSR installed, through the CLI', () => {
  /** A vault as `notes/` with OSR's folder (and its data.json when `settings` is given); returns the CSV rows and the report. */
  function buildVault(files: Record<string, string>, settings?: Record<string, unknown> | string, args: string[] = []) {
    const plugin = '.obsidian/plugins/obsidian-spaced-repetition';
    const dir = workspace({ ...files, [`${plugin}/manifest.json`]: '{"id":"obsidian-spaced-repetition"}' });
    if (settings !== undefined) writeFileSync(join(dir, 'notes', plugin, 'data.json'), typeof settings === 'string' ? settings : JSON.stringify({ settings, buryDate: '', buryList: [] }));
    const result = runCli(['--format', 'csv', '--json', ...args], dir);
    const report = JSON.parse(result.stdout);
    const csv = existsSync(join(dir, 'decks', 'notes.csv')) ? readFileSync(join(dir, 'decks', 'notes.csv'), 'utf8') : '';
    const rows: string[][] = csv ? parse(csv.split('\n').filter((line) => !line.startsWith('#')).join('\n'), { delimiter: '\t', relax_quotes: true }) : [];
    return { rows: rows.map(([, type, deck, front, back]) => `${type.replace('deckgen ', '')} ${deck}: ${front} => ${back}`), report, status: result.status };
  }

  it('follows the separators, cloze patterns and end marker of data.json', () => {
    const { rows, report, status } = buildVault(
      {
        'cards.md': [
          '#flashcards/custom',
          'Qn 1?:>Answer.',
          '',
          'Qn 2?<:>Answer.',
          '',
          'Question 1',
          ';>',
          'Answer line 1',
          '',
          'Answer after a blank line',
          '---',
          'cloze **deletion** test',
          '---',
          'Not a card: Q::A',
        ].join('\n'),
      },
      {
        singleLineCardSeparator: ':>',
        singleLineReversedCardSeparator: '<:>',
        multilineCardSeparator: ';>',
        multilineReversedCardSeparator: '<;>',
        multilineCardEndMarker: '---',
        clozePatterns: ['**[123;;]answer[;;hint]**'],
      },
    );
    expect(status).toBe(0);
    expect(report.diagnostics).toEqual([]);
    expect(rows).toEqual([
      'Basic flashcards::custom: Qn 1? => Answer.',
      'Basic (and reversed) flashcards::custom: Qn 2? => Answer.',
      'Basic flashcards::custom: Question 1 => <p>Answer line 1</p> <p>Answer after a blank line</p>',
      'Cloze flashcards::custom: cloze {{c1::deletion}} test => ',
    ]);
  });

  it('a vault note without a flashcard tag makes no card, and says so', () => {
    const { rows, report } = buildVault({ 'tagged.md': '#flashcards\nA::B\n', 'untagged.md': '# Notes\n\nC::D\n\n- a bullet list\n- of things\n' });
    expect(rows).toEqual(['Basic flashcards: A => B']);
    expect(report.diagnostics).toMatchObject([{ file: 'notes/untagged.md', line: 3, severity: 'info', rule: 'osr-untagged' }]);
    expect(report.diagnostics[0].message).toContain('1 card in obsidian-spaced-repetition syntax but no #flashcards tag');
  });

  it('reads the flashcard tags, ignored tags and folder decks of data.json', () => {
    const { rows, report } = buildVault(
      { 'bio/cells.md': '#study\nCell::unit of life\n', 'skip.md': '#study #draft\nA::B\n', 'plain.md': '#flashcards\nC::D\n' },
      { flashcardTags: ['#study'], flashcardTagsToIgnore: ['#draft'], convertFoldersToDecks: true },
    );
    expect(rows).toEqual(['Basic bio: Cell => unit of life']);
    expect(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual(['notes/plain.md osr-untagged', 'notes/skip.md osr-ignored']);
  });

  it('settings saved by old OSR versions (no clozePatterns) are upgraded as OSR does', () => {
    const { rows } = buildVault({ 'a.md': '#flashcards\ncloze {{curly}} and **bold** and ==high==\n' }, { convertHighlightsToClozes: false, convertBoldTextToClozes: true, convertCurlyBracketsToClozes: true });
    expect(rows).toEqual(['Cloze flashcards: cloze {{c2::curly}} and {{c1::bold}} and ==high== => ']);
  });

  it('a data.json that cannot be used is reported and the defaults apply', () => {
    const broken = buildVault({ 'a.md': '#flashcards\nA::B\n' }, '{ not json');
    expect(broken.rows).toEqual(['Basic flashcards: A => B']);
    expect(broken.report.diagnostics).toMatchObject([{ rule: 'osr-settings', severity: 'warning', file: 'notes/.obsidian/plugins/obsidian-spaced-repetition/data.json' }]);
    const wrong = buildVault({ 'a.md': '#flashcards\nA::B\n' }, { singleLineCardSeparator: 3, clozePatterns: ['no pattern here'] });
    expect(wrong.rows).toEqual(['Basic flashcards: A => B']);
    expect(wrong.report.diagnostics.map((d: { message: string }) => d.message)).toEqual([
      "`singleLineCardSeparator` in obsidian-spaced-repetition's settings must be a text; its default is used",
      expect.stringContaining('Cloze pattern `no pattern here` is not one obsidian-spaced-repetition can use'),
    ]);
  });

  it('--no-osr reads tagged notes with deckgen\'s own rules; --osr reads every note as OSR does', () => {
    const dir = workspace({ 'a.md': '#flashcards\n# T\n\nA :: B\n\n- x\n- y\n', 'b.md': 'C::D\n' });
    const csvRows = (args: string[]) => {
      runCli(['--format', 'csv', ...args], dir);
      return readFileSync(join(dir, 'decks', 'notes.csv'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).length;
    };
    expect(csvRows([])).toBe(1);
    expect(csvRows(['--no-osr'])).toBe(2);
    expect(csvRows(['--osr'])).toBe(1);
  });
});

const study = join(projectRoot, '../shared/corpora/viniciusth__study');

describe.skipIf(!existsSync(study))('a real vault written for OSR (../shared/corpora/viniciusth__study)', () => {
  it.each([
    ['papers-blogs-algorithms-random/Merkle Tree.md', 'flashcards::cryptography', ['What data needs to be stored by client & server when using a merkle tree?', 'What values must be returned by a server so a client can verify the validity of the received data? i.e. what is a merkle proof?']],
    ['books/Introduction to Modern Cryptography/Basic Probability.md', 'flashcards::probability', ['What does Pr[X | Y] mean?', 'How do you derive a formula for Pr[X|Y]? Hint: use Pr[X \\land Y].']],
  ])('%s gives the cards OSR gives, in the deck its tag names', (path, deck, fronts) => {
    const { notes, diagnostics } = extract(readFileSync(join(study, path), 'utf8'), path);
    expect(notes.map((note) => note.frontText)).toEqual(fronts);
    expect(notes.every((note) => note.deck === deck && note.backText.length > 0)).toBe(true);
    expect(diagnostics).toEqual([]);
  });
});

describe('OSR review state carried into the package', () => {
  it('reads the schedule comments of each card, in OSR\'s card order', () => {
    const notes = extract(
      [
        '#flashcards',
        'A::B',
        '<!--SR:!2023-09-03,1,230-->',
        'C:::D <!--SR:!2000-01-01,1,250!2024-01-17,16,278-->',
        '==1;;Paris== is the capital of ==2;;France==',
        '<!--SR:!fsrs,2023-09-06T00:10:00.000Z,0,0.4,5.5,1,1,0,1,2023-09-06T00:00:00.000Z!17-01-2024,4,270-->',
        '',
        'E::F',
      ].join('\n'),
    ).notes;
    expect(notes.map((note) => note.review)).toEqual([
      { 0: { due: '2023-09-03', interval: 1, factor: 2300 } },
      { 1: { due: '2024-01-17', interval: 16, factor: 2780 } },
      { 1: { due: '2024-01-17', interval: 4, factor: 2700 } },
      undefined,
    ]);
  });

  it('writes reviewed cards as review cards due on their date, the others as new cards', async () => {
    const dir = workspace({ 'a.md': '#flashcards\nA::B\n<!--SR:!2023-09-03,1,230-->\n\nC:::D <!--SR:!2000-01-01,1,250!2024-01-17,16,278-->\n\nNew::card\n' });
    expect(runCli(['--format', 'apkg'], dir).status).toBe(0);
    const SQL = await initSqlJs();
    const unzipped = unzipSync(readFileSync(join(dir, 'decks', 'notes.apkg')));
    const db = new SQL.Database(unzipped['collection.anki2']);
    const [crt] = db.exec('select crt from col')[0].values[0] as number[];
    const rows = db.exec('select n.sfld, c.ord, c.type, c.queue, c.due, c.ivl, c.factor from cards c join notes n on n.id = c.nid order by n.sfld, c.ord')[0].values;
    const date = (day: number) => new Date((Math.floor(crt / 86_400) + day) * 86_400_000).toISOString().slice(0, 10);
    expect(rows.map(([front, ord, type, queue, due, ivl, factor]) => (type === 2 ? `${front}/${ord} review ${queue} ${date(due as number)} ${ivl} ${factor}` : `${front}/${ord} new ${queue}`))).toEqual([
      'A/0 review 2 2023-09-03 1 2300',
      'C/0 new 0',
      'C/1 review 2 2024-01-17 16 2780',
      'New/0 new 0',
    ]);
    db.close();
  });

  it('a package without carried reviews is unchanged: every card new, due at its position', async () => {
    const dir = workspace({ 'a.md': '# T\n\n- a : b\n- c : d\n' });
    runCli(['--format', 'apkg'], dir);
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(readFileSync(join(dir, 'decks', 'notes.apkg')))['collection.anki2']);
    expect(db.exec('select type, queue, due, ivl, factor from cards order by due')[0].values).toEqual([[0, 0, 1, 0, 0], [0, 0, 2, 0, 0]]);
    db.close();
  });
});
