import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { globSync } from 'tinyglobby';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClozes } from '../src/lib/extract/rules/cloze.js';
import type { ExtractedNote, NoteKind } from '../src/lib/model.js';
import { renderNote } from '../src/lib/render/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const notesRoot = join(here, 'fixtures/rich/notes');
const richFile = join(notesRoot, 'rich.md');
const parser = remark().use(remarkGfm).use(remarkMath);

function parse(path: string): Root {
  return parser.parse(readFileSync(path, 'utf8'));
}

const rich = parse(richFile);

/** The blocks under `## name` in rich.md, as the parse stage produces them. */
function section(name: string, tree: Root = rich): RootContent[] {
  const start = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === name);
  if (start === -1) throw new Error(`no section ${name}`);
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading');
  return tree.children.slice(start + 1, end === -1 ? undefined : end);
}

function note(front: Nodes[], options: Partial<ExtractedNote> = {}): ExtractedNote {
  return {
    kind: 'basic' as NoteKind,
    rule: 'test',
    source: 'test/fixtures/rich/notes/rich.md',
    relativePath: 'rich.md',
    absolutePath: richFile,
    position: { line: 1, column: 1 },
    deck: 'Rich',
    context: [],
    headings: [],
    front,
    back: [],
    frontText: '',
    backText: '',
    tags: [],
    ...options,
  };
}

function render(name: string, options: Partial<ExtractedNote> = {}, root = notesRoot) {
  return renderNote(note(section(name), options), { notesRoot: root });
}

/** A cloze note the way the extract stage makes one: parseClozes over the paragraph's text. */
function renderCloze(name: string) {
  const [paragraph] = section(name);
  if (paragraph.type !== 'paragraph') throw new Error(`${name} is not a paragraph`);
  const parsed = parseClozes(paragraph.children, 'rich.md');
  expect(parsed.found).toBe(true);
  return renderNote(note(parsed.nodes, { kind: 'cloze' }), { notesRoot });
}

const sha16 = (data: Uint8Array) => createHash('sha1').update(data).digest('hex').slice(0, 16);

describe('math', () => {
  it('turns $…$ into MathJax inline delimiters, TeX untouched', () => {
    const { rendered } = render('inline math');
    expect(rendered.fields[0]).toBe('오일러 항등식: \\(e^{i\\pi} + 1 = 0\\)');
  });

  it('turns $$…$$ into a display block with the TeX intact except for escaped <', () => {
    const { rendered } = render('display math');
    expect(rendered.fields[0]).toBe('<div class="math">\\[\\sum_{i=1}^{n} x_i * y_i &lt; \\frac{a}{b}\\]</div>');
  });

  it('leaves _ and * alone and escapes <', () => {
    expect(render('math with operators').rendered.fields[0]).toBe('\\(a_1 * b_2 &lt; c\\)');
  });
});

describe('blocks and text', () => {
  it('keeps paragraphs when a field has several blocks', () => {
    const html = render('two blocks').rendered.fields[0];
    expect(html).toBe('<p>First paragraph with <strong>bold</strong>.</p>\n<ul>\n<li>a list item</li>\n<li>another one</li>\n</ul>');
  });

  it('keeps inline code and Korean text as they are', () => {
    expect(render('inline code').rendered.fields[0]).toBe('<code>std::vector</code> 는 동적 배열이다');
  });

  it('escapes <, > and & but never encodes Hangul', () => {
    const html = render('korean').rendered.fields[0];
    expect(html).toBe('TCP는 연결 지향 프로토콜이다 — "3-way handshake" &amp; 흐름 제어 &gt; 혼잡 제어?');
  });

  it('renders GFM tables', () => {
    const html = render('table').rendered.fields[0];
    expect(html).toContain('<th>계층</th>');
    expect(html).toContain('<td align="center"><code>TCP</code></td>');
  });

  it('fills Front, Back and an escaped Context, with ords for basic and reversed', () => {
    const [front, back] = [section('inline code'), section('inline math')];
    const basic = renderNote(note(front, { back, context: ['C++', 'STL & <vector>'] }), { notesRoot }).rendered;
    expect(basic.fields).toEqual([
      '<code>std::vector</code> 는 동적 배열이다',
      '오일러 항등식: \\(e^{i\\pi} + 1 = 0\\)',
      'C++ › STL &amp; &lt;vector&gt;',
      'rich.md',
    ]);
    expect(basic.ords).toEqual([0]);
    const reversed = renderNote(note(front, { kind: 'reversed' }), { notesRoot }).rendered;
    expect(reversed.fields[1]).toBe('');
    expect(reversed.fields[2]).toBe('');
    expect(reversed.ords).toEqual([0, 1]);
  });
});

describe('empty paragraphs', () => {
  it('leaves no <p></p> where a dropped image stood', () => {
    const { rendered, diagnostics } = render('dropped image between paragraphs');
    expect(diagnostics.map((d) => d.rule)).toEqual(['media-missing']);
    expect(rendered.fields[0]).toBe('<p>Before.</p>\n<p>After.</p>');
  });

  it('leaves no <p></p> around a block of raw HTML', () => {
    expect(render('html only').rendered.fields[0]).toBe('<div>only <b>HTML</b></div>');
  });

  it('removes them inside other blocks too, but keeps a paragraph holding only an element', () => {
    const tree = parser.parse('> ![](img/nope.png)\n>\n> kept\n\n- ![](https://example.com/a.png)\n\n  x');
    expect(renderNote(note(tree.children), { notesRoot }).rendered.fields[0]).toBe(
      '<blockquote>\n<p>kept</p>\n</blockquote>\n<ul>\n<li>\n<p><img src="https://example.com/a.png" alt=""></p>\n<p>x</p>\n</li>\n</ul>',
    );
  });
});

describe('footnotes', () => {
  it('shows a reference as its label in superscript: no link, no id', () => {
    // The extract stage hands over the paragraph only; the definition is not among the card's nodes.
    const [paragraph] = section('footnote');
    expect(renderNote(note([paragraph]), { notesRoot }).rendered.fields[0]).toBe('TCP<sup>1</sup> is reliable.');
  });

  it('shows a definition that is in the card where it stands, with the same label', () => {
    expect(render('footnote').rendered.fields[0]).toBe('<p>TCP<sup>1</sup> is reliable.</p>\n<p><sup>1</sup> Transmission Control Protocol.</p>');
  });
});

describe('ids and names', () => {
  it('carry the user-content- prefix exactly once, even when the note already wrote it', () => {
    expect(render('prefixed ids').rendered.fields[0]).toBe(
      '<a id="user-content-top" name="user-content-anchor">top</a>, <span id="user-content-x">y</span>',
    );
  });
});

describe('code', () => {
  it('highlights fenced python with hljs classes at build time', () => {
    const html = render('python').rendered.fields[0];
    expect(html).toMatch(/^<pre><code class="hljs language-python">/);
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-number">3.14</span>');
    expect(html).toContain(' &gt; ');
    expect(html).toMatch(/<\/code><\/pre>$/);
  });

  it('escapes but does not colour a language it does not know', () => {
    const html = render('unknown language').rendered.fields[0];
    expect(html).toContain('if a &lt; b &amp;&amp; c &gt; d { x }');
    expect(html).not.toContain('hljs-');
  });
});

describe('images', () => {
  const diagram = readFileSync(join(notesRoot, 'img/diagram.png'));
  const diagramName = `${sha16(diagram)}.png`;

  it('bundles a local image under its content hash and rewrites src', () => {
    const { rendered, diagnostics } = render('local image');
    expect(diagnostics).toEqual([]);
    expect(rendered.media).toHaveLength(1);
    expect(rendered.media[0].name).toBe(diagramName);
    expect(rendered.media[0].name).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(Buffer.from(rendered.media[0].data).equals(diagram)).toBe(true);
    expect(rendered.fields[0]).toBe(`See <img src="${diagramName}" alt="a red square" title="diagram">.`);
  });

  it('URL-decodes the path and lower-cases the extension', () => {
    const { rendered, diagnostics } = render('encoded image');
    const bytes = readFileSync(join(notesRoot, 'img/my img.PNG'));
    expect(diagnostics).toEqual([]);
    expect(rendered.media.map((file) => file.name)).toEqual([`${sha16(bytes)}.png`]);
    expect(rendered.fields[0]).toBe(`<img src="${sha16(bytes)}.png" alt="blue">`);
  });

  it('bundles images written as raw HTML too', () => {
    const { rendered, diagnostics } = render('raw image');
    expect(diagnostics).toEqual([]);
    expect(rendered.media.map((file) => file.name)).toEqual([diagramName]);
    expect(rendered.fields[0]).toBe(`<img src="${diagramName}" alt="raw">`);
  });

  it('ships one file for one image used twice', () => {
    const { rendered } = render('same image twice');
    expect(rendered.media.map((file) => file.name)).toEqual([diagramName]);
    expect(rendered.fields[0].split(diagramName)).toHaveLength(3);
  });

  it('refuses a path outside the notes folder: error at the image, nothing bundled', () => {
    const { rendered, diagnostics } = render('outside image');
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'media-outside-notes', file: 'test/fixtures/rich/notes/rich.md', line: 65, column: 1 }),
    ]);
    expect(rendered.media).toEqual([]);
    expect(rendered.fields[0]).not.toContain('<img');
    expect(rendered.fields[0]).not.toContain('secret.txt');
  });

  describe('through a symlink', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-render-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a link inside the notes that points outside them', () => {
      const notes = join(dir, 'notes');
      cpSync(notesRoot, notes, { recursive: true });
      writeFileSync(join(dir, 'private.png'), 'private bytes');
      symlinkSync(join(dir, 'private.png'), join(notes, 'img/link.png'));
      const tree = parser.parse('![x](img/link.png)');
      const { rendered, diagnostics } = renderNote(note(tree.children, { absolutePath: join(notes, 'rich.md') }), { notesRoot: notes });
      expect(diagnostics.map((d) => [d.severity, d.rule, d.line])).toEqual([['error', 'media-outside-notes', 1]]);
      expect(rendered.media).toEqual([]);
    });
  });

  it('warns about a missing image and keeps its alt text', () => {
    const { rendered, diagnostics } = render('missing image');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'media-missing', line: 69, column: 7 })]);
    expect(rendered.media).toEqual([]);
    expect(rendered.fields[0]).toBe('Here: gone');
  });

  it('leaves remote images alone', () => {
    const { rendered, diagnostics } = render('remote image');
    expect(diagnostics).toEqual([]);
    expect(rendered.media).toEqual([]);
    expect(rendered.fields[0]).toBe('<img src="https://example.com/pic.png" alt="remote">');
  });

  it('drops data: images with a warning', () => {
    const { rendered, diagnostics } = render('data image');
    expect(diagnostics.map((d) => d.rule)).toEqual(['media-unsupported']);
    expect(rendered.fields[0]).not.toContain('data:');
  });
});

describe('sanitizing', () => {
  const { rendered, diagnostics } = render('hostile html');
  const html = rendered.fields[0];

  it('removes scripts, handlers, javascript: links, iframes and styles', () => {
    expect(diagnostics).toEqual([]);
    for (const bad of ['<script', 'alert(', 'onerror', 'onclick', 'javascript:', '<iframe', 'evil.example', '<style', 'display: none']) {
      expect(html).not.toContain(bad);
    }
  });

  it('keeps ordinary formatting, safe links and the (bundled) image', () => {
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<a>click</a>');
    expect(html).toContain('<a href="https://example.com">site</a>');
    expect(html).toContain(`<img src="${rendered.media[0].name}">`);
    expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, line<br>break');
  });
});

describe('clozes', () => {
  it('renders ==TCP== as {{c1::TCP}}', () => {
    const { rendered } = renderCloze('cloze highlight');
    expect(rendered.fields).toEqual(['{{c1::TCP}} 는 연결 지향이다', '', '', 'rich.md']);
    expect(rendered.ords).toEqual([0]);
  });

  it('keeps explicit numbers and hints; ords are number - 1', () => {
    const { rendered } = renderCloze('cloze explicit');
    expect(rendered.fields[0]).toBe('{{c1::a}} {{c2::b::hint}}');
    expect(rendered.ords).toEqual([0, 1]);
  });

  it('splits }} inside math so the cloze still ends where it should', () => {
    const { rendered } = renderCloze('cloze with math');
    expect(rendered.fields[0]).toBe('{{c1::\\(x^{a^{b} }\\)}} is a tower');
  });

  it('keeps cloze syntax in code from reaching Anki, and :: inside a cloze from becoming a hint', () => {
    const { rendered } = renderCloze('cloze in code');
    expect(rendered.fields[0]).toBe('<code>&#123;{c1::not a cloze}}</code> and {{c1::std:&#58;vector}}');
    expect(rendered.ords).toEqual([0]);
  });
});

const corpus = resolve(here, '../../shared/corpora/boost-devs__ai-tech-interview');

describe.skipIf(!existsSync(corpus))('corpus ../shared/corpora/boost-devs__ai-tech-interview (skipped when ../shared is not beside the clone)', () => {
  const files = globSync('**/*.md', { cwd: corpus, absolute: true }).sort();

  it('bundles every local image that exists and puts every formula in MathJax delimiters', () => {
    expect(files.length).toBeGreaterThan(5);
    let images = 0;
    let formulas = 0;
    const bundled = new Set<string>();
    for (const file of files) {
      const tree = parse(file);
      const source = file.slice(corpus.length + 1);
      const base = { source, absolutePath: file, relativePath: source };
      const pictures: Nodes[] = [];
      visit(tree, (node) => {
        if (node.type === 'image' || (node.type === 'html' && /<img\b/i.test(node.value))) pictures.push(node);
        if (node.type !== 'math' && node.type !== 'inlineMath') return;
        formulas += 1;
        const html = renderNote(note([node], base), { notesRoot: corpus }).rendered.fields[0];
        // Escaped, and `{{` broken for Anki's cloze parser (MathJax reads the decoded text, so the TeX is unchanged).
        const tex = node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{(?=\{)/g, '&#123;');
        expect(html).toBe(node.type === 'math' ? `<div class="math">\\[${tex}\\]</div>` : `\\(${tex}\\)`);
      });
      for (const picture of pictures) {
        const { rendered, diagnostics } = renderNote(note([picture], base), { notesRoot: corpus });
        const url = picture.type === 'image' ? picture.url : (/src="([^"]*)"/.exec((picture as { value: string }).value)?.[1] ?? '');
        const local = url !== '' && !/^https?:/.test(url);
        const path = resolve(dirname(file), decodeURI(url));
        if (local) images += 1;
        if (local && existsSync(path)) {
          expect(diagnostics).toEqual([]);
          expect(rendered.media).toHaveLength(1);
          expect(Buffer.from(rendered.media[0].data).equals(readFileSync(path))).toBe(true);
          expect(rendered.fields[0]).toContain(`src="${rendered.media[0].name}"`);
          bundled.add(rendered.media[0].name);
        } else if (local || url === '') {
          // Genuinely missing: the corpus snapshot left some large images out; `<img src="">` has none at all.
          expect(diagnostics.map((d) => [d.severity, d.rule])).toEqual([['warning', 'media-missing']]);
          expect(rendered.media).toEqual([]);
        } else if (url.startsWith('https://render.githubusercontent.com/render/math?')) {
          // A formula GitHub rendered as an image is MathJax again (the corpus has two).
          expect(rendered.fields[0]).toBe(`\\(${new URL(url).searchParams.get('math')}\\)`);
        } else {
          expect(diagnostics).toEqual([]);
          expect(rendered.fields[0]).toContain(url.replace(/&/g, '&amp;'));
        }
      }
    }
    // SOURCE.txt of the snapshot: 146 local image references, 86 distinct files copied.
    expect(images).toBe(146);
    expect(bundled.size).toBe(86);
    expect(formulas).toBeGreaterThan(250);
  });
});

describe('links', () => {
  const renderText = (markdown: string) => renderNote(note(parser.parse(markdown).children), { notesRoot }).rendered.fields[0];

  it('keeps only the text of a link to a heading on the same page, which goes nowhere on a card', () => {
    expect(renderText('[TCP 연결](#tcp-연결) 참고')).toBe('TCP 연결 참고');
  });

  it('keeps only the text of a link to another note', () => {
    expect(renderText('[OSI](./network.md#osi) 와 [TCP](../tcp.md)')).toBe('OSI 와 TCP');
  });

  it('keeps other links', () => {
    expect(renderText('[RFC](https://www.rfc-editor.org/rfc/rfc9110)')).toBe('<a href="https://www.rfc-editor.org/rfc/rfc9110">RFC</a>');
  });
});
