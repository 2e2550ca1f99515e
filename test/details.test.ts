/**
 * The details of issue 13 (and a few of issue 12), each through the real stages or the CLI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNote } from '../src/lib/render/index.js';
import { locate } from '../src/lib/render/media.js';
import { runCli, seedWorkspace, workspace } from './helpers/cli.js';
import { cardText, extract } from './helpers/extract.js';

/** Every note's fields as rendered, for markdown written as `notes/topic.md`. */
function fields(markdown: string): string[][] {
  return extract(markdown).notes.map((note) => renderNote(note, { notesRoot: '/notes' }).rendered.fields);
}

describe('display math written inline', () => {
  it('`$$…$$` inside a line is display math, `$…$` stays inline', () => {
    const [[front, back]] = fields('# 수학\n- 가우스 적분 : $$\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}$$');
    expect(front).toBe('가우스 적분');
    expect(back).toBe('\\[\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}\\]');
    const [[, inline]] = fields('# 수학\n- 항등식 : $e^{i\\pi} = -1$ 이다');
    expect(inline).toBe('\\(e^{i\\pi} = -1\\) 이다');
  });

  it('a paragraph that is only `$$…$$` on one line is display math too', () => {
    const [[, back]] = fields('# 이차 방정식\n\n$$x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}$$\n');
    expect(back).toBe('\\[x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}\\]');
  });
});

describe('math that a notes repository shows as a rendered image', () => {
  it('GitHub\'s render/math image becomes MathJax, its TeX taken from the URL', () => {
    const [[, back]] = fields('# ReLU\n\nReLU는 양수일 때 <img style="background: white;" src="https://render.githubusercontent.com/render/math?math=y%3Dx">인 선형 함수\n');
    expect(back).toBe('ReLU는 양수일 때 \\(y=x\\)인 선형 함수');
  });

  it('GitHub\'s display mode and the codecogs forms (`&space;`, size commands, markdown images) too', () => {
    const [[, back]] = fields([
      '# Formulas',
      '',
      '<img src="https://render.githubusercontent.com/render/math?math=e%5E%7Bi%20%5Cpi%7D%20%3D%20-1&mode=display">',
      '',
      '![quadratic](https://latex.codecogs.com/svg.latex?\\Large&space;x=\\frac{-b\\pm\\sqrt{b^2-4ac}}{2a})',
      '',
      '<img src="https://latex.codecogs.com/png.image?\\dpi{110}\\bg{white}a%5E2%2Bb%5E2" title="a^2+b^2" />',
    ].join('\n'));
    expect(back).toBe('<div class="math">\\[e^{i \\pi} = -1\\]</div>\n<p>\\(x=\\frac{-b\\pm\\sqrt{b^2-4ac}}{2a}\\)</p>\n<p>\\(a^2+b^2\\)</p>');
  });

  it('an ordinary remote image is left alone', () => {
    const [[, back]] = fields('# Logo\n\n![logo](https://example.com/render/math?math=x.png)\n');
    expect(back).toBe('<img src="https://example.com/render/math?math=x.png" alt="logo">');
  });
});

describe('footnotes', () => {
  it('the text of a footnote referenced on a card is at the end of its answer, small', () => {
    const [[front, back]] = fields('# Network\n- TCP[^1] : 연결형 프로토콜\n\n[^1]: Transmission Control Protocol.\n');
    expect(front).toBe('TCP<sup>1</sup>');
    expect(back).toBe('<p>연결형 프로토콜</p>\n<div class="footnotes">\n<p><sup>1</sup> Transmission Control Protocol.</p>\n</div>');
  });

  it('each footnote once, in the order of first reference, also from a section answer', () => {
    const [[, back]] = fields('# Notes\n\nTCP[^t] and UDP[^u], again TCP[^t].\n\n[^u]: User Datagram Protocol.\n[^t]: Transmission Control Protocol.\n');
    expect(back).toBe(
      '<p>TCP<sup>t</sup> and UDP<sup>u</sup>, again TCP<sup>t</sup>.</p>\n<div class="footnotes">\n<p><sup>t</sup> Transmission Control Protocol.</p>\n<p><sup>u</sup> User Datagram Protocol.</p>\n</div>',
    );
  });

  it('a reference with no definition stays a label', () => {
    const [[, back]] = fields('# Notes\n\nTCP[^missing] is reliable.\n');
    expect(back).toBe('TCP[^missing] is reliable.');
  });
});

describe('classes stripped by the sanitizer', () => {
  it('leave no empty class attribute', () => {
    const [[, back]] = fields('# HTML\n\n<p class="lead">Lead</p>\n\n<span class="x y">t</span> and <code class="foo">c</code>\n');
    expect(back).not.toContain('class=""');
    expect(back).toBe('<p>Lead</p>\n<p><span>t</span> and <code>c</code></p>');
  });
});

describe('a build clock older than the lock', () => {
  const build = (dir: string, seconds: number, args: string[] = []) => runCli([...args, '--json'], dir, { SOURCE_DATE_EPOCH: String(seconds) });
  const rules = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { rule: string; severity: string; file: string; message: string }[] }).diagnostics;

  it('warns, in --dry-run and in a build, when SOURCE_DATE_EPOCH is behind the newest change in the lock', () => {
    const dir = seedWorkspace();
    expect(build(dir, 1_800_000_000).status).toBe(0);
    for (const args of [['--dry-run'], []]) {
      const older = rules(build(dir, 1_700_000_000, args).stdout).filter((d) => d.rule === 'build-time-older');
      expect(older).toHaveLength(1);
      expect(older[0]).toMatchObject({ severity: 'warning', file: 'notes/deckgen.lock.json' });
      expect(older[0].message).toContain('2023-11-14T22:13:20Z');
      expect(older[0].message).toContain('2027-01-15T08:00:00Z');
    }
  });

  it('says nothing when the clock moves forward or stays', () => {
    const dir = seedWorkspace();
    expect(build(dir, 1_800_000_000).status).toBe(0);
    expect(rules(build(dir, 1_800_000_000, ['--dry-run']).stdout).map((d) => d.rule)).not.toContain('build-time-older');
    expect(rules(build(dir, 1_800_000_100, ['--dry-run']).stdout).map((d) => d.rule)).not.toContain('build-time-older');
  });
});

describe('invisible characters in deck names and tags', () => {
  it('are removed from the deck and the tags, with a warning at the front matter line', () => {
    const { notes, diagnostics } = extract('---\ndeck: "면접\u202e::네트\u200b워크"\ntags: ["os\u2066", "plain"]\n---\n# A\n- 헤더 : 정보\n');
    expect(notes[0].deck).toBe('면접::네트워크');
    expect(notes[0].tags).toEqual(['topic::A', 'os', 'plain']);
    const found = diagnostics.filter((d) => d.rule === 'invisible-characters');
    expect(found.map((d) => [d.severity, d.line, d.message.match(/U\+[0-9A-F]{4}/g)])).toEqual([
      ['warning', 2, ['U+202E', 'U+200B']],
      ['warning', 3, ['U+2066']],
    ]);
  });

  it('a file name names the deck: cleaned, with a warning for the file', () => {
    const { notes, diagnostics } = extract('# A\n- 헤더 : 정보\n', 'cs/net\u200dwork.md');
    expect(notes[0].deck).toBe('cs::network');
    expect(diagnostics.filter((d) => d.rule === 'invisible-characters').map((d) => [d.line, d.message])).toEqual([
      [null, 'The file path, which names the deck, holds invisible characters (U+200D) that can make it look like another; they were removed'],
    ]);
  });

  it('ordinary names draw no warning', () => {
    expect(extract('---\ndeck: 면접::네트워크\ntags: [os]\n---\n# A\n- 헤더 : 정보\n').diagnostics).toEqual([]);
  });
});

describe('tags and the text around them', () => {
  const only = (markdown: string) => extract(markdown).notes.map((note) => ({ card: cardText(note), tags: note.tags }));

  it('an escaped \\#literal (or &#35;literal) is text, not a tag', () => {
    expect(only('# A\n- \\#literal is text, #real is a tag\n- &#35;also text')).toEqual([
      { card: 'A => #literal is text, is a tag #also text', tags: ['topic::A', 'real'] },
    ]);
    const [[, back]] = fields('# A\n- \\#literal 은 글자\n- #real');
    expect(back).toBe('<ul>\n<li>#literal 은 글자</li>\n</ul>');
  });

  it('a tag removed from the end of a heading leaves no space on the front', () => {
    const [[front]] = fields('# Paging #os\n\n페이지 단위로 나눈다.\n');
    expect(front).toBe('Paging');
  });

  it('a blank front-matter tag is no tag at all (not `_`)', () => {
    expect(only('---\ntags: ["  ", ok]\n---\n# A\n- a : b')[0].tags).toEqual(['topic::A', 'ok']);
  });

  it('tags that were the whole term leave a card with no question: empty-side, not a list item `  : x`', () => {
    const dir = workspace({ 'topic.md': '# A\n- #t1 #t2 : x\n- y\n' });
    const report = JSON.parse(runCli(['--json'], dir).stdout) as { notes: number; diagnostics: { rule: string; line: number }[] };
    expect(report.diagnostics.map((d) => [d.rule, d.line])).toEqual([['empty-side', 2]]);
    expect(report.notes).toBe(1); // the list card `A` → y
  });
});

describe('a .markdown note', () => {
  it('is named without its extension, like a .md note: deck and tag', () => {
    const [note] = extract('# A\n- a : b\n', 'cs/net.markdown').notes;
    expect([note.deck, note.tags]).toEqual(['cs::net', ['cs::net::A']]);
  });
});

describe('card rules (issue 13 items 8, 9)', () => {
  it('`- What is X? ::` is a card with no answer: empty-side, not a list item', () => {
    const dir = workspace({ 'topic.md': '# A\n- What is X? ::\n- other\n' });
    const report = JSON.parse(runCli(['--json'], dir).stdout) as { notes: number; diagnostics: { rule: string; line: number; message: string }[] };
    expect(report.diagnostics.map((d) => [d.rule, d.line])).toEqual([['empty-side', 2]]);
    expect(report.notes).toBe(1);
  });

  it('status codes, ports and years are terms when the definition has words', () => {
    expect(extract('# HTTP\n- 200 : OK\n- 404 : Not Found\n- 443 : HTTPS\n- 1995 - Java 발표\n').notes.map(cardText)).toEqual([
      'HTTP › 200 => OK',
      'HTTP › 404 => Not Found',
      'HTTP › 443 => HTTPS',
      'HTTP › 1995 => Java 발표',
    ]);
  });

  it('a step number or a time is not a term', () => {
    expect(extract('# A\n- 1 - 설치한다\n- 2 - 실행한다\n- 10 : 30\n').notes.map(cardText)).toEqual(['A => 1 - 설치한다 2 - 실행한다 10 : 30']);
  });
});

describe('references written the Obsidian way', () => {
  it('a [[wikilink]] bullet with a description under it is an index entry; a lone one is a concept', () => {
    const index = '# 팀\n- [[팀을 위한 동기화]]\n\t- 팀 전체의 데이터를 동기화하는 방법.\n- [[팀을 위한 게재]]\n\t- 팀 보관함에서 데이터를 게재하는 방법.\n';
    expect(extract(index).notes.map(cardText)).toEqual([]);
    expect(extract('# 단계\n1. [[Directed attention]]\n2. [[Continuous attention]]\n').notes.map(cardText)).toEqual(['단계 => Directed attention Continuous attention']);
  });
});

describe('an image many notes show', () => {
  it('is read once per process, and again when it changes on disk', () => {
    const dir = workspace({ 'img/logo.png': Buffer.from('first'), 'a.md': '' });
    const notesRoot = join(dir, 'notes');
    const context = { notesRoot, noteFile: join(notesRoot, 'a.md'), source: 'notes/a.md', fallback: { line: 1, column: 1 }, media: new Map(), lookups: new Map(), diagnostics: [] };
    const first = locate('img/logo.png', context);
    const again = locate('./img/logo.png', context);
    expect(first.kind === 'file' && again.kind === 'file' && again.data === first.data).toBe(true);
    writeFileSync(join(notesRoot, 'img/logo.png'), 'second, longer');
    const changed = locate('img/logo.png', context);
    expect(changed.kind === 'file' && Buffer.from(changed.data).toString()).toBe('second, longer');
  });
});

describe('front matter details (issue 12)', () => {
  it('may be closed with `...`, as YAML allows', () => {
    const { notes, diagnostics } = extract('---\ndeck: x\n...\n# A\n- a : b\n');
    expect(diagnostics).toEqual([]);
    expect(notes.map((note) => [note.deck, cardText(note), note.position.line])).toEqual([['x', 'A › a => b', 5]]);
  });

  it('`deck: "::::"` names no deck: an error, not the deck `deckgen`', () => {
    const { notes, diagnostics } = extract('---\ndeck: "::::"\n---\n# A\n- a : b\n');
    expect(notes).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['front-matter-invalid', 'error', 1]]);
    expect(diagnostics[0].message).toContain('names no deck');
  });
});
