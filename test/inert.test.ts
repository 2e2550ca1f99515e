/**
 * Issue 12, "script in cards": each example of the review as a field deckgen
 * writes, read the way Anki reads it (src/lib/write/anki/cloze.ts ports cloze.rs).
 * test/inert-cards.test.ts shows the same notes in a browser.
 */
import { describe, expect, it } from 'vitest';
import { extractNotes } from '../src/lib/extract/index.js';
import { parseFile } from '../src/lib/parse/index.js';
import { renderNote } from '../src/lib/render/index.js';
import { clozeNumbers, revealCloze } from '../src/lib/write/anki/cloze.js';

const notesRoot = '/nonexistent-notes';

/** Every note of a one-file folder, rendered: fields and the diagnostics of extraction and rendering. */
function build(markdown: string) {
  const source = { absolutePath: `${notesRoot}/a.md`, displayPath: 'notes/a.md', relativePath: 'a.md', text: markdown };
  const { parsed } = parseFile(source);
  const extracted = extractNotes(parsed!);
  const rendered = extracted.notes.map((note) => renderNote(note, { notesRoot }));
  return {
    notes: rendered.map(({ rendered: note }) => note),
    diagnostics: rendered.flatMap(({ diagnostics }) => diagnostics).map((d) => [d.rule, d.line]),
  };
}

const only = (markdown: string) => {
  const { notes, diagnostics } = build(markdown);
  expect(notes).toHaveLength(1);
  return { fields: notes[0].fields, ords: notes[0].ords, diagnostics };
};

describe('cloze syntax the user wrote', () => {
  it('cannot form a cloze inside an attribute (the review example)', () => {
    const { fields, ords } = only('- ==Bern== is a city ![{{c1::<img src=x onerror=alert(1)>}}](https://example.com/a.png)');
    expect(fields[0]).toContain('alt="&#123;{c1::');
    // Anki finds only deckgen's cloze, and the answer side keeps the attribute whole.
    expect(clozeNumbers(fields[0])).toEqual([1]);
    expect(ords).toEqual([0]);
    expect(revealCloze(fields[0], 1, false)).toBe(
      '<span class="cloze" data-ordinal="1">Bern</span> is a city <img src="https://example.com/a.png" alt="&#123;{c1::<img src=x onerror=alert(1)>}}">',
    );
  });

  it('cannot form a cloze from text split across nodes, nor in a basic note', () => {
    const { fields } = only('- ==Rome== split {[{c1::x}}](#same-page)');
    expect(clozeNumbers(fields[0])).toEqual([1]);
    expect(fields[0]).toContain('&#123;{c1::x}}');
    expect(only('- Basic : `{{c1::x}}` and {{c0::y}}').fields[1]).toBe('<code>&#123;{c1::x}}</code> and &#123;{c0::y}}');
  });

  it('cannot end a cloze early from inside it, at its edges included', () => {
    const { fields } = only('- ==x}== then <abbr title="a}}b">c</abbr> and ==`}}`==');
    expect(revealCloze(fields[0], 1, false)).toContain('<span class="cloze" data-ordinal="1">x&#125;</span>');
    expect(revealCloze(fields[0], 2, false)).toContain('<span class="cloze" data-ordinal="2"><code>} }</code></span>');
    expect(clozeNumbers(fields[0])).toEqual([1, 2]);
  });
});

describe('Anki markers in text', () => {
  it('escapes [sound:], [anki:tts] and [anki:play] in text, code and attributes', () => {
    // `![[…]]` is an Obsidian embed (parse/wikilink.ts), so the marker in an image's alt text follows a word.
    const { fields } = only('- Sound : [sound:x.mp3] `[anki:play:q:0]` [anki:tts lang=en_US]hi[/anki:tts] ![a [sound:y.mp3]](https://e.com/b.png)');
    expect(fields[1]).not.toMatch(/\[sound:|\[anki:|\[\/anki:/);
    expect(fields[1]).toBe(
      '&#91;sound:x.mp3] <code>&#91;anki:play:q:0]</code> &#91;anki:tts lang=en_US]hi&#91;/anki:tts] <img src="https://e.com/b.png" alt="a &#91;sound:y.mp3]">',
    );
  });
});

describe('MathJax commands', () => {
  it('takes out \\href to javascript: with a diagnostic, keeping the link text (the review example)', () => {
    const { fields, diagnostics } = only('- Q : $\\href{javascript:alert(document.domain)}{click me}$');
    expect(fields[1]).toBe('\\({click me}\\)');
    expect(diagnostics).toEqual([['math-command-refused', 1]]);
  });

  it('keeps \\href and \\url to http(s)', () => {
    const { fields, diagnostics } = only('- Q : $\\href{https://example.com}{x} + \\url{http://example.com}$');
    expect(fields[1]).toBe('\\(\\href{https://example.com}{x} + \\url{http://example.com}\\)');
    expect(diagnostics).toEqual([]);
  });

  it('takes out \\style, \\class, \\cssId, \\require and \\unicode, keeping what they applied to', () => {
    const { fields, diagnostics } = only('- Q : $\\style{color:red}{a} + \\class {big}{b} + \\cssId{qa}c + \\require{html} + \\unicode[Arial]{x41}$');
    expect(fields[1]).toBe('\\({a} + {b} + {c} + {} + {}\\)');
    expect(diagnostics).toEqual(Array(5).fill(['math-command-refused', 1]));
  });

  it('checks math written as text and display math, and leaves TeX in code alone', () => {
    const { fields, diagnostics } = only('- Q : \\\\(\\href{javascript:x}{t}\\\\) `\\(\\style{a}{b}\\)`\n\n  $$\n  \\class{x}{y}\n  $$');
    expect(fields[1]).toContain('\\({t}\\)');
    expect(fields[1]).toContain('<code>\\(\\style{a}{b}\\)</code>');
    expect(fields[1]).toContain('\\[{y}\\]');
    expect(diagnostics).toHaveLength(2);
  });

  it('breaks a formula assembled across elements that holds a refused command', () => {
    const { fields, diagnostics } = only('- Q : \\\\(<b>\\href{javascript:x}</b>{t}\\\\)');
    // `<b>…</b>` is bold like `**…**` (parse/inline-html.ts): the formula still runs across an element.
    expect(fields[1]).toBe('\\&#40;<strong>\\href{javascript:x}</strong>{t}\\)');
    expect(diagnostics).toEqual([['math-command-refused', 1]]);
  });
});

describe('URL attributes', () => {
  it('drops a srcset that is not all http(s), with a diagnostic', () => {
    const { fields, diagnostics } = only(
      '- Q : <picture><source srcset="javascript:alert(1)"><source srcset="../secret.png 1x"><source srcset="https://e.com/a.png 1x, https://e.com/b.png 2x"><img src="https://e.com/c.png"></picture>',
    );
    expect(fields[1]).toBe(
      '<picture><source><source><source srcset="https://e.com/a.png 1x, https://e.com/b.png 2x"><img src="https://e.com/c.png"></picture>',
    );
    expect(diagnostics).toEqual([['media-unsupported', 1], ['media-unsupported', 1]]);
  });
});
