/**
 * Issue 7: Obsidian syntax becomes good cards. Unit tests per construct
 * (parse → extract, render); the fixture vault is built end to end in
 * test/vault.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { tagLine } from '../src/lib/extract/tag-lines.js';
import { parseFile } from '../src/lib/parse/index.js';
import { findNoteFiles } from '../src/lib/read/index.js';
import { foldersToSkip, listVaultFiles, readVault } from '../src/lib/read/vault.js';
import { resolveEmbed } from '../src/lib/render/embed.js';
import { renderNote } from '../src/lib/render/index.js';
import { projectRoot } from './helpers/cli.js';
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
    expect(cards('## Paging\n#flashcards\n## Next\nSome prose.')).toEqual(['topic › Next => Some prose.']);
  });

  it('a bullet of only tags is metadata; the tag line of a paragraph goes, the rest stays', () => {
    const { notes } = extract('## E\n#mex #adhoc\nWhat shape does the array have?\n\n- #todo');
    expect(notes.map(cardText)).toEqual(['E => What shape does the array have?']);
    expect(notes[0].tags).toEqual(expect.arrayContaining(['mex', 'adhoc', 'todo']));
  });

  it('a tag line inside a quote or a callout tags its section too', () => {
    const { notes } = extract('## Paging\n> [!note] Terms\n> #flashcards\n> - Page : a block');
    expect(notes.map(cardText)).toEqual(['Paging › Terms › Page => a block']);
    expect(notes[0].tags).toContain('flashcards');
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
    expect(vaultCards('# Dense sets\n## Examples\n- ℚ in ℝ\n## Closure\nThe smallest closed superset.', 'Dense set.md')).toEqual([
      // An example's heading under the title is a part of the title's answer (rules/aside.ts isExampleSection).
      'Dense sets => Examples ℚ in ℝ',
      'Dense sets › Closure => The smallest closed superset.',
    ]);
    expect(vaultCards('## Dense set\n- A : B', 'Dense set.md')).toEqual(['Dense set › A => B']);
  });

  it('what stands before the first heading answers the title', () => {
    expect(vaultCards('A subset of X is dense when its closure is X.\n\n- a point\n\n## Examples\nProse.', 'Dense set.md')).toEqual([
      'Dense set => A subset of X is dense when its closure is X. a point',
      'Dense set › Examples => Prose.',
    ]);
    expect(vaultCards('A banner.\n\n# Dense sets\nProse.', 'Dense set.md')).toEqual(['Dense sets => Prose.']);
  });

  it('only in a vault: elsewhere a file name is not a title (notes/interview.md keeps its context)', () => {
    expect(cards('## Density\n- ℚ in ℝ', 'Dense set.md')).toEqual(['Density => ℚ in ℝ']);
    // A generic front is another matter anywhere (issue 8, rule no-topic): it is asked under the file's name.
    expect(cards('## Examples\n- ℚ in ℝ', 'Dense set.md')).toEqual(['Dense set › Examples => ℚ in ℝ']);
  });

  it('a note that links with [[wikilinks]] is a vault note wherever it is: its name is its title (the vault\'s .obsidian/ is often not committed)', () => {
    // obsidian-help's `Bases/레이아웃/목록 뷰.md`: the reader saw `설정 › 마커` and could not tell which view it was about.
    const markdown = '목록은 [[보기|뷰]]의 한 유형이에요.\n\n## 설정\n\n### 마커\n\n사용할 목록 마커 유형을 선택해요.';
    expect(cards(markdown, 'Bases/목록 뷰.md')).toEqual(['목록 뷰 => 목록은 뷰의 한 유형이에요.', '목록 뷰 › 설정 › 마커 => 사용할 목록 마커 유형을 선택해요.']);
    expect(cards(markdown, 'Bases/목록 뷰.md')).toEqual(vaultCards(markdown, 'Bases/목록 뷰.md'));
    // The same note without a wikilink keeps its headings as they are.
    expect(cards(markdown.replace('[[보기|뷰]]', '뷰'), 'Bases/목록 뷰.md')).toEqual(['설정 › 마커 => 사용할 목록 마커 유형을 선택해요.']);
  });
});

describe('wikilinks', () => {
  const parsed = (markdown: string) => parseFile({ absolutePath: '/n/a.md', displayPath: 'a.md', relativePath: 'a.md', text: markdown }).parsed!.tree;
  const links = (markdown: string) => {
    const found: { type: string; target: string; anchor?: string; alias?: string; text: string }[] = [];
    visit(parsed(markdown), (node) => {
      if (node.type === 'wikiLink' || node.type === 'embed') {
        found.push({ type: node.type, target: node.target, anchor: node.anchor, alias: node.alias, text: toString(node) });
      }
    });
    return found;
  };

  it.each([
    ['[[Process scheduling]]', { type: 'wikiLink', target: 'Process scheduling', anchor: undefined, alias: undefined, text: 'Process scheduling' }],
    ['[[Caching|cache notes]]', { type: 'wikiLink', target: 'Caching', anchor: undefined, alias: 'cache notes', text: 'cache notes' }],
    ['[[Matrices#Inverse|inverse]]', { type: 'wikiLink', target: 'Matrices', anchor: 'Inverse', alias: 'inverse', text: 'inverse' }],
    ['[[#Heading]]', { type: 'wikiLink', target: '', anchor: 'Heading', alias: undefined, text: 'Heading' }],
    ['[[Note#^block]]', { type: 'wikiLink', target: 'Note', anchor: '^block', alias: undefined, text: 'Note' }],
    ['[[cs/Paging.md]]', { type: 'wikiLink', target: 'cs/Paging.md', anchor: undefined, alias: undefined, text: 'Paging' }],
    ['![[Pasted image 20231010152914.png | 500]]', { type: 'embed', target: 'Pasted image 20231010152914.png', anchor: undefined, alias: '500', text: '' }],
    ['![[Other note#Heading]]', { type: 'embed', target: 'Other note', anchor: 'Heading', alias: undefined, text: 'Other note' }],
  ])('%s', (markdown, expected) => {
    expect(links(`Text ${markdown} text`)).toEqual([expected]);
  });

  it.each(['`[[code]]`', '[[ ]]', '[[a\nb]]', '[[]]', '[[|x]]', '\\[\\[escaped\\]\\]', '[single](x)'])('%j is not a wikilink', (markdown) => {
    expect(links(markdown)).toEqual([]);
  });

  it('wins over a link whose text would start with [, as in Obsidian: [[2단계 인증]](2FA)', () => {
    expect(links('Obsidian은 [[2단계 인증]](2FA)을 지원해요')).toEqual([{ type: 'wikiLink', target: '2단계 인증', anchor: undefined, alias: undefined, text: '2단계 인증' }]);
  });

  it('a link inside a table cell, with `|` or `\\|`, does not split the cell', () => {
    const tree = parsed('| term | see |\n| --- | --- |\n| cache | [[Caching|cache notes]] |\n| tlb | [[TLB\\|the TLB]] |\n| code | `[[a|b]]` |');
    const rows = (tree.children[0] as Table).children.map((row) => row.children.map((cell) => toString(cell)));
    expect(rows).toEqual([['term', 'see'], ['cache', 'cache notes'], ['tlb', 'the TLB'], ['code', '[[a|b]]']]);
  });

  it('keeps every position the user wrote', () => {
    const tree = parsed('| a | b |\n| - | - |\n| [[X|y]] | after |');
    const cell = (tree.children[0] as Table).children[1].children[1];
    expect(cell.position?.start).toMatchObject({ line: 3, column: 11 });
  });

  it('makes cards of its text; a bullet of only a wikilink names a concept, like plain text', () => {
    expect(cards('# Attention\n- [[Paging|Page]] : a fixed-size block\n\n## Ten stages\n1. [[Directed attention]]\n2. [[Continuous attention]]')).toEqual([
      'Attention › Page => a fixed-size block',
      'Attention › Ten stages => Directed attention Continuous attention',
    ]);
  });
});

describe('embeds are resolved the way Obsidian resolves them', () => {
  const files = ['Attachments/vm.png', 'Attachments/old/vm.png', 'cs/vm.png', 'cs/os/diagram.png', 'img/x.png', 'a/b/c/deep.png', 'z/deep.png'];
  it.each([
    ['Attachments/old/vm.png', 'cs/note.md', 'Attachments/old/vm.png'],
    ['diagram.png', 'cs/note.md', 'cs/os/diagram.png'],
    ['os/diagram.png', 'cs/note.md', 'cs/os/diagram.png'],
    ['vm.png', 'cs/note.md', 'cs/vm.png'],
    ['vm.png', 'other/note.md', 'cs/vm.png'],
    ['deep.png', 'note.md', 'z/deep.png'],
    ['VM.PNG', 'x/note.md', 'cs/vm.png'],
    ['missing.png', 'note.md', null],
    ['../outside.png', 'note.md', null],
  ])('%s from %s → %s', (target, note, expected) => {
    expect(resolveEmbed(target, `/vault/${note}`, '/vault', files)).toBe(expected);
  });
});

describe('comments and block ids', () => {
  it.each([
    ['inline', '# OS\n- Paging : fixed-size %%ask about TLBs%%blocks', ['OS › Paging => fixed-size blocks']],
    ['over lines of one paragraph', '# OS\nPaging splits %%a\nb%% memory.', ['OS => Paging splits memory.']],
    ['a block with bullets and a heading', '# OS\n- A : 1\n%%\n- draft : not yet\n\n## Hidden\n%%\n- B : 2', ['OS › A => 1', 'OS › B => 2']],
    ['a block inside a quote', '# OS\n> - A : 1\n> %%\n> - draft : no\n> %%\n> - B : 2', ['OS › A => 1', 'OS › B => 2']],
    ['never closed: to the end of the file, as in Obsidian', '# OS\n- A : 1\n\n%%\n- B : 2', ['OS › A => 1']],
    ['a paragraph of only a comment', '# OS\n%% later %%\n\n- A : 1', ['OS › A => 1']],
  ])('%s comments are removed before extraction', (_what, markdown, expected) => {
    expect(cards(markdown)).toEqual(expected);
  });

  it('keeps %% in code and math, and a %% that never closes in its paragraph', () => {
    expect(cards('# C\nWrite `printf("%%d")` or $a %% b$.\n\n50%% off')).toEqual(['C => Write printf("%%d") or a %% b. 50%% off']);
  });

  it('removes block ids from every field; a bullet or Q :: A line keeps its id as the explicit id', () => {
    const { notes } = extract('# OS\n- Page : a block ^page\n- plain bullet ^b1\n\nQ :: A ^qa\n\n## Table\n| a |\n| - |\n| b ^cell |\n\n^table-id\n\n## Prose\nA paragraph. ^p1');
    expect(notes.map(cardText)).toEqual(['OS › Page => a block', 'OS => Page : a block plain bullet', 'OS › Q => A', 'OS › Table => a b', 'OS › Prose => A paragraph.']);
    expect(notes.map((note) => note.explicitId)).toEqual(['page', undefined, 'qa', undefined, undefined]);
  });

  it('an id alone on the line after a quote (a lazy line) is removed too', () => {
    expect(cards('## Sync\n> See the status icons.\n^obsidian-sync-status')).toEqual(['Sync => See the status icons.']);
  });

  it('x^2 and ^ inside bold are text, not ids', () => {
    expect(cards('# M\n- Square : x^2 and **b ^c**')).toEqual(['M › Square => x^2 and b ^c']);
  });
});

describe('callouts', () => {
  const renderBack = (markdown: string) => {
    const [note] = extract(markdown).notes;
    return renderNote(note, { notesRoot: '/notes' }).rendered.fields[1];
  };

  it('a titled callout asks its title; the section around it stays one card', () => {
    expect(cards('## Memory\nBefore.\n\n> [!tip]- Thrashing\n> The system spends its time paging.\n\nAfter.')).toEqual([
      'Memory => Before. After.',
      'Memory › Thrashing => The system spends its time paging.',
    ]);
  });

  it('bullets in a callout follow the card rules, under its title', () => {
    expect(cards('## OS\n> [!note] Terms\n> - Page : a fixed-size block\n> - Frame : a physical page')).toEqual([
      'OS › Terms › Page => a fixed-size block',
      'OS › Terms › Frame => a physical page',
    ]);
    expect(cards('## OS\n> [!info]\n> - Page : a fixed-size block')).toEqual(['OS › Page => a fixed-size block']);
  });

  it('a callout that is only a sentence, or has no title, is a box in its section, titled by its type', () => {
    const html = renderBack('## Sync\nText.\n\n> [!warning]\n> Do not mix sync services.');
    expect(html).toBe(
      '<p>Text.</p>\n<div class="callout callout-warning"><div class="callout-title">Warning</div><div class="callout-body">\n<p>Do not mix sync services.</p>\n</div></div>',
    );
    expect(renderBack('## 샌드박스\n> [!note] 샌드박스 보관함은 모바일 기기에서는 사용할 수 없어요.')).toBe(
      '<div class="callout callout-note"><div class="callout-title">샌드박스 보관함은 모바일 기기에서는 사용할 수 없어요.</div></div>',
    );
  });

  it.each([
    ['[!FAQ]', 'callout-question'],
    ['[!caution]', 'callout-warning'],
    ['[!bogus]', 'callout-note'],
  ])('%s is styled as %s', (marker, className) => {
    expect(renderBack(`## X\n> ${marker}\n> body`)).toContain(`class="callout ${className}"`);
  });

  it('never shows the [!type] marker', () => {
    expect(renderBack('## X\n> [!example]+\n> e.g. this')).not.toContain('[!');
  });
});

describe('tasks', () => {
  it('make no cards, are in no answer, and a heading of only tasks makes no card', () => {
    expect(cards('## Segmentation\n- [ ] TODO: review segmentation\n- [x] read chapter 8\n\n## Paging\n- Page : a block\n- [ ] practise\n- plain point\n- Parent\n  - [ ] child task\n  - child fact')).toEqual([
      'Paging › Page => a block',
      'topic › Paging => Page : a block plain point',
      'Paging › Parent => child fact',
    ]);
  });
});

describe('syntax only Obsidian renders', () => {
  it('Dataview and other query blocks, and inline queries, are left out with an info naming them', () => {
    const { notes, diagnostics } = extract('## Queries\nOpen notes:\n\n```dataview\ntable file.path from #todo\n```\n\nThis note is `= this.file.name`.\n\n## Code\n```python\nprint(1)\n```');
    // `Code` names no topic: it is asked under the file's name (issue 8, rule no-topic). (`## Todo` would be a to-do list: todo-list.)
    expect(notes.map(cardText)).toEqual(['topic › Queries => Open notes: This note is .', 'topic › Code => print(1)']);
    expect(diagnostics.filter((d) => d.rule === 'obsidian-unsupported').map((d) => [d.line, d.severity, d.message])).toEqual([
      [4, 'info', 'This ```dataview block (a Dataview query) is only shown inside Obsidian; it was left out of the card'],
      [8, 'info', '`= this.file.name` (an inline Dataview query) is only shown inside Obsidian; it was left out of the card'],
    ]);
  });

  it('an Excalidraw drawing makes no cards, with an info', () => {
    const { notes, diagnostics } = extract('---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n# Excalidraw Data\n## Text Elements\nT1 ^wqJo5cH8\n', 'Excalidraw/Merkle.md');
    expect(notes).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.severity])).toEqual([['obsidian-unsupported', 'info']]);
  });
});

describe('front matter as Obsidian writes it', () => {
  it.each([
    ['tags:\n  - os/memory\n  - "#interview"', ['os::memory', 'interview']],
    ['tags: "#os/memory #interview"', ['os::memory', 'interview']],
    ['tags: os, interview', ['os', 'interview']],
    ['tags:', []],
    ['tags:\n  -\n  - os', ['os']],
    ['aliases: [Dense, dense sets]\ntags: [math]', ['math']],
    ['aliases: Dense', []],
  ])('%j', (yaml, tags) => {
    const { notes, diagnostics } = extract(`---\n${yaml}\n---\n# T\n- a : b`);
    expect(diagnostics).toEqual([]);
    expect(notes[0].tags).toEqual(['topic::T', ...tags]);
  });
});

describe('vault settings (.obsidian/)', () => {
  const vault = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-settings-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('is no vault without .obsidian/', () => {
    expect(readVault(vault({ 'a.md': '# A' }))).toEqual({ vault: null, diagnostics: [] });
  });

  it('skips the core and Templater templates folders and the attachments folder; notes elsewhere are read', () => {
    const dir = vault({
      '.obsidian/templates.json': '{"folder": "/Templates/"}',
      '.obsidian/plugins/templater-obsidian/data.json': '{"templates_folder": "meta/tpl"}',
      '.obsidian/app.json': '{"attachmentFolderPath": "./files"}',
      'Templates/Daily.md': '# {{title}}',
      'meta/tpl/Book.md': '# <% tp.file.title %>',
      'cs/files/pasted.md': 'x',
      'cs/Paging.md': '- Page : a block',
      '.trash/Old.md': '- a : b',
    });
    const { vault: settings, diagnostics } = readVault(dir);
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({ dailyNoteFolders: [], templateFolders: ['Templates', 'meta/tpl'], attachmentFolder: './files' });
    expect(findNoteFiles(dir, foldersToSkip(settings)).map((path) => relative(dir, path))).toEqual(['cs/Paging.md']);
  });

  it('a settings file that is not JSON is a warning and is ignored', () => {
    const dir = vault({ '.obsidian/templates.json': '{"folder": ', 'Templates/T.md': '# {{title}}' });
    const { vault: settings, diagnostics } = readVault(dir, dir);
    expect(settings?.templateFolders).toEqual([]);
    expect(diagnostics.map((d) => [d.file, d.severity, d.rule])).toEqual([['.obsidian/templates.json', 'warning', 'vault-settings-invalid']]);
  });
});

describe('sound markers', () => {
  it('only a bundled embed becomes [sound:…]; an embed named like a marker that is not a file is left out', () => {
    const [note] = extract('## S\n- Clip : listen ![[sound:y.mp3]] and [sound:z.mp3]').notes;
    const { rendered, diagnostics } = renderNote(note, { notesRoot: '/notes', vaultFiles: [] });
    expect(rendered.fields[1]).toBe('listen  and &#91;sound:z.mp3]');
    expect(diagnostics.map((d) => d.rule)).toEqual(['media-missing']);
  });
});

describe('embeds in a field that also holds raw HTML', () => {
  it('are bundled all the same (raw HTML is re-parsed around them)', () => {
    const root = join(projectRoot, 'test/fixtures/vault');
    const [note] = extract('## D\n- Diagram : <u>virtual</u> memory ![[vm-diagram.png|200]] and ![[talk.mp3]]', 'OS/D.md').notes;
    const { rendered, diagnostics } = renderNote({ ...note, absolutePath: join(root, 'OS/D.md') }, { notesRoot: root, vaultFiles: listVaultFiles(root) });
    expect(diagnostics).toEqual([]);
    expect(rendered.fields[1]).toMatch(/^<u>virtual<\/u> memory <img src="[0-9a-f]{16}\.png" alt="" width="200"> and \[sound:[0-9a-f]{16}\.mp3\]$/);
    expect(rendered.media).toHaveLength(2);
  });
});

/**
 * A card holds its own answer: what only points at other notes (the blind
 * review of the two vaults found these as junk) makes no card, with an info.
 * The examples are the rule modules' own (src/lib/extract/rules/…).
 */
describe('pointers to other notes', () => {
  const infos = (markdown: string, path?: string) =>
    extract(markdown, path)
      .diagnostics.filter((d) => d.severity === 'info')
      .map((d) => `${d.line} ${d.rule}: ${d.message}`);
  const renderedBacks = (markdown: string) =>
    extract(markdown).notes.map((note) => renderNote(note, { notesRoot: '/notes', vaultFiles: [] }));

  describe('embed-note (rules/note-embed.ts)', () => {
    it('a heading answered only by embeds of other notes makes no card', () => {
      const markdown = '## 보안\n![[보안 및 개인정보 보호#호스팅|Security and privacy]]\n![[보안 및 개인정보 보호#암호화|Security and privacy]]';
      expect(cards(markdown)).toEqual([]);
      expect(infos(markdown)).toEqual(['2 embed-note: "보안" only embeds other notes ("보안 및 개인정보 보호"), which make cards of their own; no card made from it']);
    });

    it('a paragraph of note embeds beside text is left out of the card; the text is the answer', () => {
      const [{ rendered, diagnostics }] = renderedBacks('## Sync for teams\nEvery collaborator needs an active subscription.\n\n![[Collaborate on a shared vault#Limits|Collaboration]]');
      expect(rendered.fields[1]).toBe('Every collaborator needs an active subscription.');
      expect(diagnostics.map((d) => `${d.line} ${d.rule}: ${d.message}`)).toEqual([
        '4 embed-note: `![[Collaborate on a shared vault|Collaboration]]` embeds another note, which makes cards of its own; it was left out of this card',
      ]);
    });

    it('an embed inside a sentence stays its name, like a link', () => {
      const [{ rendered }] = renderedBacks('## Memory\nRecall ![[Paging]] here.');
      expect(rendered.fields[1]).toBe('Recall Paging here.');
    });
  });

  describe('cross-reference (rules/cross-reference.ts)', () => {
    it.each([
      ['## 동기화\n기기 간 노트 동기화에 대한 정보는 [[기기 간 노트 동기화]]를 참조하세요.', '기기 간 노트 동기화에 대한 정보는 기기 간 노트 동기화를 참조하세요.'],
      ['## Sync\nFor syncing between devices, see [[Sync your notes]].', 'For syncing between devices, see Sync your notes.'],
      ['## FAQ\n일반적인 질문에 대한 답변은 [[자주 묻는 질문|Sync FAQ]]를 확인하세요.', '일반적인 질문에 대한 답변은 Sync FAQ를 확인하세요.'],
      ['## 리본\n[[리본]]에 대해 자세히 알아보세요.', '리본에 대해 자세히 알아보세요.'],
      ['## Interviews\nRead more about [how to behave in an interview](./cheatsheet.md).', 'Read more about how to behave in an interview.'],
      // A noun between the link and its particle; `refer to my […](…) here`; `Refer to the […](…) for …` (boost-devs, yangshun).
      ['## 부록\n[#1](#1) 답변을 참고해주세요.', '#1 답변을 참고해주세요.'],
      ['## Behavioral\nFor more tips on behavioral interview preparation, refer to my [full behavioral interview preparation guide](./behavioral-interview.md) here.', 'For more tips on behavioral interview preparation, refer to my full behavioral interview preparation guide here.'],
      ['## Behavioral\nRefer to the [top 30 most common behavioral questions](./behavioral-interview-questions.md) for Software Engineers', 'Refer to the top 30 most common behavioral questions for Software Engineers'],
      ['## 테마 개발\n원하는 테마를 찾을 수 없나요? [Publish 테마 만들기](https://docs.obsidian.md/Themes) 방법을 직접 배워보세요.', '원하는 테마를 찾을 수 없나요? Publish 테마 만들기 방법을 직접 배워보세요.'],
      // The author saying a link stands in for the explanation, the link beside it (JaeYeopHan).
      ['## TCP 3-way Handshake\n일부 그림이 포함되어야 하는 설명이므로 링크를 대신 첨부합니다.', '일부 그림이 포함되어야 하는 설명이므로 링크를 대신 첨부합니다.'],
    ])('%j makes no card', (markdown, text) => {
      expect(cards(markdown)).toEqual([]);
      expect(infos(markdown)).toEqual([`2 cross-reference: "${text.length > 60 ? `${[...text].slice(0, 59).join('')}…` : text}" only points to another note or page; left out of the answer`]);
    });

    it('a question that only leads to a pointer goes with it', () => {
      const markdown = '## Headless\nWant to sync without the desktop app? See [[Obsidian Headless]].';
      expect(cards(markdown)).toEqual([]);
      expect(infos(markdown)).toEqual(['2 cross-reference: "Want to sync without the desktop app? See Obsidian Headless." only points to another note or page; left out of the answer']);
    });

    it.each([
      ["## Markov's inequality\nSee [[Expected value]].\n\nPr[X ≥ v] ≤ E[X] / v", "topic › Markov's inequality => Pr[X ≥ v] ≤ E[X] / v"],
      ['## 그래프\n그래프는 노트 간의 연결을 보여줘요. [[그래프 뷰]]도 참조하세요.', 'topic › 그래프 => 그래프는 노트 간의 연결을 보여줘요.'],
      ['## Sync\nSync encrypts notes. For details, see [[Security]].', 'topic › Sync => Sync encrypts notes.'],
      ['## 제한 사항\n공동 작업자는 20명까지예요. [[팀을 위한 동기화]]에서 자세히 알아보기.', 'topic › 제한 사항 => 공동 작업자는 20명까지예요.'],
      ['## Bayes\nsee [[Conditional probability]]. If Pr[B] > 0 then Pr[A|B] = Pr[B|A] Pr[A] / Pr[B].', 'topic › Bayes => If Pr[B] > 0 then Pr[A|B] = Pr[B|A] Pr[A] / Pr[B].'],
      // A bullet that only points goes as such a sentence does (review s0045: boost-devs `4-python.md:99`, "a dangling
      // cross-reference to another question" at the end of an answer).
      ['## Probability\n- independent events multiply\n- see [[Bayes theorem]]', 'topic › Probability => independent events multiply'],
      ['## 특징\n- 인터프리터 언어이다.\n- 자세한 내용은 [Python an interpreted language. Explain.](#4) 참고', 'topic › 특징 => 인터프리터 언어이다.'],
      ['## 함수형 프로그래밍\n_아직 저도 잘 모르는 부분이라서 정말 간단한 내용만 정리하고 관련 링크를 첨부합니다._\n함수형 프로그래밍의 가장 큰 특징은 immutable data이다.', '함수형 프로그래밍 => 함수형 프로그래밍의 가장 큰 특징은 immutable data이다.'],
    ])('is taken off an answer that has more to say: %j', (markdown, expected) => {
      expect(cards(markdown)).toEqual([expected]);
    });

    it.each([
      ['a pointer between two sentences that say something', '## Sync\nSync encrypts notes. See [[Security]]. Keys never leave the device.', ['topic › Sync => Sync encrypts notes. See Security. Keys never leave the device.']],
      ['확인하세요 as an instruction', '## 속성\n설정에서 [[속성]]을 확인하세요.', ['topic › 속성 => 설정에서 속성을 확인하세요.']],
      ['a sentence without a link', '## Sync\nSee the status bar.', ['Sync => See the status bar.']],
      ['a sentence about what a link does', '## 링크\n노트 작성기는 추출된 텍스트를 대상 노트로의 링크로 대체해요. 설정에서 바꿀 수 있어요.', ['링크 => 노트 작성기는 추출된 텍스트를 대상 노트로의 링크로 대체해요. 설정에서 바꿀 수 있어요.']],
      ['a sentence that refers to a link and goes on to say something', '## Big-O\nRefer to [the table](./big-o.md) for sorting, where merge sort takes n log n.', ['Big-O => Refer to the table for sorting, where merge sort takes n log n.']],
    ])('keeps %s', (_what, markdown, expected) => {
      expect(cards(markdown)).toEqual(expected);
    });
  });

  describe('see-also (rules/see-also.ts)', () => {
    it.each([
      ['## 더 알아보기\n나만의 테마를 만들 준비가 되셨나요? [테마 빌드](https://docs.obsidian.md/Themes) 방법을 배우거나 [[CSS 스니펫]]을 만들어 보세요.', '더 알아보기'],
      ['## Next steps\n- Set up a custom domain: [[Custom domains]]\n- Learn about [[Site customization]]', 'Next steps'],
      ['## 관련 문서\n### 동기화\n- [[기기 간 노트 동기화]] : 기기 간에 노트를 맞춰요', '관련 문서'],
    ])('a signpost section makes no card, nor anything under it: %j', (markdown, heading) => {
      expect(cards(`# Themes\n- Theme : a CSS file that styles the app\n${markdown}\n## Install\n- Store : where themes are listed`)).toEqual([
        'Themes › Theme => a CSS file that styles the app',
        'Themes › Install › Store => where themes are listed',
      ]);
      expect(infos(markdown)).toEqual([`1 see-also: "${heading}" points to other notes and pages; no card made from it or what is under it`]);
    });

    it('the same heading over text without a link is an ordinary section', () => {
      expect(cards('## 다음 단계\n서버에 배포한다.')).toEqual(['다음 단계 => 서버에 배포한다.']);
    });
  });

  describe('restated-heading (rules/restated-heading.ts)', () => {
    it('a sentence that only says what kind of section this is makes no card; the sub-sections do', () => {
      const markdown = '## 고유 노트\n[[고유 노트 생성]] 관련 명령어예요.\n### `unique`\n고유 노트를 만들어요.';
      expect(cards(markdown)).toEqual(['topic › 고유 노트 › unique => 고유 노트를 만들어요.']);
      expect(infos(markdown)).toEqual(['2 restated-heading: "고유 노트" is answered only by a sentence that restates it ("고유 노트 생성 관련 명령어예요."); no card made']);
      expect(cards('## Bookmarks\nCommands related to [[bookmarks]].')).toEqual([]);
    });

    it('a definition that says its term again makes no card (review s0112: obsidian-help `표 뷰.md:52`, `표준편차` → "표준 편차.")', () => {
      const markdown = '## 내장 요약\n- **표준편차**: 표준 편차.\n- **합계**: 모든 값의 합계.';
      expect(cards(markdown)).toEqual(['내장 요약 › 합계 => 모든 값의 합계.']);
      expect(infos(markdown)).toEqual(['2 restated-heading: "표준편차" is answered by itself ("표준 편차."); no card made']);
    });

    it('…also over several sub-sections: their titles would be the section\'s index, not an answer (review s0045, `Obsidian CLI › 속성`)', () => {
      const markdown = '## 속성\n속성 관련 명령어예요.\n### `aliases`\n별칭을 나열해요.\n### `properties`\n속성을 나열해요.';
      expect(cards(markdown)).toEqual(['속성 › aliases => 별칭을 나열해요.', '속성 › properties => 속성을 나열해요.']);
      expect(infos(markdown)).toEqual(['2 restated-heading: "속성" is answered only by a sentence that restates it ("속성 관련 명령어예요."); no card made']);
    });

    it.each([
      ['## TCP\nTCP is a connection-oriented transport protocol.', ['TCP => TCP is a connection-oriented transport protocol.']],
      ['## Equivalence relation\nA relation that is [[Symmetric]], [[Reflexive]] and [[Transitive]].', ['topic › Equivalence relation => A relation that is Symmetric, Reflexive and Transitive.']],
      ['## Logo\n![logo](logo.png)', ['Logo => logo']],
      ['## 작업\n작업 관리 명령어예요.', ['작업 => 작업 관리 명령어예요.']],
    ])('keeps %j', (markdown, expected) => {
      expect(cards(markdown)).toEqual(expected);
    });
  });

  describe('index entries (rules/index-entry.ts)', () => {
    it.each([
      ['## 팀과 함께 Obsidian 사용하기\n- [[팀을 위한 게재]]\n    - 팀 보관함에서 데이터를 게재하는 방법.'],
      ['## 중요 자료\n아래는 공식 웹사이트의 관련 페이지로 연결되는 중요한 링크예요.\n- [제품 구매](https://obsidian.md/pricing)\n    - 상용 라이선스, Sync 또는 Publish 구매'],
      ['## 질문 및 조언\n커뮤니티 채널에 참여할 수 있어요:\n- [[샌드박스 보관함|샌드박스 보관함 살펴보기]]\n- [Discord 서버 참여하기](https://discord.gg/obsidianmd)'],
    ])('an entry of an index page, and the sentence introducing the entries, make no card: %j', (markdown) => {
      expect(cards(markdown)).toEqual([]);
    });

    it('cards written inside an entry are still cards; a lone [[TCP]] is a concept in its list', () => {
      expect(cards('## OS\n- [Paging](paging.md)\n    - Page : a fixed-size block')).toEqual(['OS › Page => a fixed-size block']);
      expect(cards('## Protocols\n- [[TCP]]\n- [[UDP]]')).toEqual(['topic › Protocols => TCP UDP']);
      expect(extract('## 질문\n- [[샌드박스 보관함]]\n- [포럼](https://forum.obsidian.md/)').diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['2 link-only', '3 link-only']);
    });
  });
});
