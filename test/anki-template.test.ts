/**
 * src/lib/write/anki/template.ts and cloze.ts against the examples of Anki's own
 * tests (rslib/src/template.rs and cloze.rs, `mod test`), then deckgen's note
 * types rendered the way Anki renders them.
 */
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { clozeFilter, clozeNumbers, revealCloze } from '../src/lib/write/anki/cloze.js';
import { NOTETYPES } from '../src/lib/write/anki/notetype.js';
import { fieldIsEmpty, renderCard } from '../src/lib/write/anki/template.js';

/** Anki's `strip_html`, enough for its tests' assertions. */
const text = (html: string) => decodeHTML(html.replace(/<[^>]*>/g, ''));

/** A one-template note type with fields F, B, E (" "), as template.rs `render_single` sets up; card 2. */
function single(qfmt: string): string {
  const notetype = { type: 0 as const, fields: ['F', 'B', 'E'], templates: [{ name: '1', qfmt: '', afmt: '' }, { name: '2', qfmt, afmt: '' }] };
  return renderCard(notetype, ['f', 'b', ' '], 1).question;
}

describe('Anki templates (template.rs tests)', () => {
  it('counts only whitespace, <br> and <div> as an empty field', () => {
    for (const empty of ['', ' ', '<BR>', '<div />', ' <div> <br> </div>\n']) expect(fieldIsEmpty(empty), empty).toBe(true);
    for (const filled of ['x', ' <div>x</div>\n', '\u00a0']) expect(fieldIsEmpty(filled), filled).toBe(false);
  });

  it('substitutes fields, sections and negated sections, nested', () => {
    expect(single('{{B}}A{{F}}')).toBe('bAf');
    expect(single('{{#E}}A{{/E}}')).toBe('');
    expect(single('{{^E}}1{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}{{/E}}')).toBe('12f');
    expect(single('{{ B }}')).toBe('b');
    expect(single('text }} more')).toBe('text }} more');
  });

  it('keeps comments as written, handlebars inside them untouched', () => {
    expect(single('{{^E}}1<!--{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}-->\u0123<!-- this is a comment -->{{/E}}\u0456')).toBe(
      '1<!--{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}-->\u0123<!-- this is a comment -->\u0456',
    );
    expect(single('<!--{{#mis}}{{/matched}}-->')).toBe('<!--{{#mis}}{{/matched}}-->');
  });

  it('knows its own card number as a section', () => {
    expect(single('{{^c2}}1{{#c1}}2{{/c1}}{{/c2}}')).toBe('');
    expect(single('{{^c1}}1{{#c2}}2{{/c2}}{{/c1}}')).toBe('12');
  });

  it('leaves text alone under a filter it does not know, and ignores excess colons', () => {
    expect(single('{{one:two:B}}')).toBe('b');
    expect(single('{{one::B}}')).toBe('b');
    expect(single('{{filter:}}')).toBe('');
  });

  it('throws on what Anki refuses: unknown fields, unmatched sections', () => {
    expect(() => single('{{X}}')).toThrow(/no field/);
    expect(() => single('{{#E}}}{{^M}}A{{/M}}{{/E}}}')).toThrow(/no field/);
    for (const broken of ['{{#mis}}{{/matched}}', '{{/matched}}', '{{#mis}}', '{{#mis}}<!--{{/matched}}-->']) {
      expect(() => single(broken), broken).toThrow(/deckgen bug/);
    }
  });

  it('puts the rendered question where the answer says {{FrontSide}}, and nothing on the question side', () => {
    const notetype = { type: 0 as const, fields: ['E', 'N'], templates: [{ name: '1', qfmt: '{{FrontSide}}{{N}}', afmt: '{{FrontSide}}!' }] };
    expect(renderCard(notetype, ['', 'N'], 0)).toEqual({ question: 'N', answer: 'N!', empty: false });
  });

  it('tells an empty card: a question showing no field', () => {
    const notetype = { type: 0 as const, fields: ['E', 'N'], templates: [{ name: '1', qfmt: 'test{{E}}', afmt: '' }] };
    expect(renderCard(notetype, ['', 'N'], 0).empty).toBe(true);
  });
});

describe('Anki clozes (cloze.rs tests)', () => {
  it('finds the cloze numbers of a field', () => {
    expect(clozeNumbers('test')).toEqual([]);
    expect(clozeNumbers('{{c2::te}}{{c1::s}}t{{')).toEqual([1, 2]);
    expect(clozeNumbers('{{c0::te}}s{{c2::t}}s')).toEqual([2]);
    expect(clozeNumbers('{{c2::te{{c1::s}}}}t{{')).toEqual([1, 2]);
    expect(clozeNumbers('öaöaöööaö')).toEqual([]);
    expect(clozeNumbers('{{c1,2,3::multi}}')).toEqual([1, 2, 3]);
    expect(clozeNumbers('{{c::x}} {{c,::y}} {{c99999::z}}')).toEqual([]);
  });

  it('hides nested clozes as Anki does', () => {
    expect(text(revealCloze('foo {{c1::bar {{c2::baz}}}}', 1, true))).toBe('foo [...]');
    expect(text(revealCloze('foo {{c1::bar {{c2::baz}}}}', 1, false))).toBe('foo bar baz');
    expect(text(revealCloze('foo {{c1::bar {{c2::baz}}::qux}}', 2, true))).toBe('foo bar [...]');
    expect(text(revealCloze('foo {{c1::bar {{c2::baz}}::qux}}', 1, true))).toBe('foo [qux]');
    expect(text(revealCloze('foo {{c1::bar {{c2::baz}}::qux}}', 1, false))).toBe('foo bar baz');
  });

  it('writes Anki’s markup', () => {
    const asked = revealCloze('foo {{c1::bar {{c2::baz}}}}', 1, true);
    const [, hidden] = /data-cloze="([^"]*)"/.exec(asked)!;
    expect(asked.replace(hidden, 'X')).toBe('foo <span class="cloze" data-cloze="X" data-ordinal="1">[...]</span>');
    expect(decodeHTML(hidden)).toBe('bar <span class="cloze-inactive" data-ordinal="2">baz</span>');
    expect(revealCloze('foo {{c1::bar {{c2::baz}}}}', 1, false)).toBe(
      'foo <span class="cloze" data-ordinal="1">bar <span class="cloze-inactive" data-ordinal="2">baz</span></span>',
    );
    expect(revealCloze('foo {{c1::bar {{c2::baz}}::qux}}', 2, true)).toBe(
      'foo <span class="cloze-inactive" data-ordinal="1">bar <span class="cloze" data-cloze="baz" data-ordinal="2">[...]</span></span>',
    );
  });

  it('asks every card a shared cloze belongs to', () => {
    const field = '{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}';
    expect(text(revealCloze(field, 1, true))).toBe('[...] word and [...] vs second');
    expect(text(revealCloze(field, 2, true))).toBe('[...] word and first vs [...]');
    expect(text(revealCloze(field, 1, false))).toBe('shared word and first vs second');
  });

  it('shows nothing of a field without the card’s cloze', () => {
    expect(revealCloze('{{c2::only two}}', 1, true)).toBe('');
  });

  it('strips tags between MathJax delimiters, keeping escaped brackets', () => {
    expect(clozeFilter('{{c1::\\(<foo>&lt;&gt;</foo>\\)}}', 1, false)).toBe('<span class="cloze" data-ordinal="1">\\(&lt;&gt;\\)</span>');
  });
});

describe("deckgen's note types rendered as Anki renders them", () => {
  it('Basic: the answer repeats the question above the line', () => {
    const { question, answer } = renderCard(NOTETYPES.basic, ['헤더', '토큰 종류', 'JWT › 구조', 'interview.md › JWT'], 0);
    expect(question).toBe('\n<div class="context">JWT › 구조</div>\n<div class="front">헤더</div>\n');
    expect(answer).toBe(`${question}\n\n<hr id=answer>\n\n<div class="back">토큰 종류</div>\n\n<div class="source">interview.md › JWT</div>\n`);
  });

  it('Basic: no breadcrumb or source block without a context or source', () => {
    const { question, answer } = renderCard(NOTETYPES.basic, ['Q', 'A', '', ''], 0);
    expect(question).toBe('\n\n<div class="front">Q</div>\n');
    expect(answer.endsWith('<div class="back">A</div>\n')).toBe(true);
  });

  it('reversed: the second card asks the back', () => {
    const { question, answer } = renderCard(NOTETYPES.reversed, ['Capital of France', 'Paris', '', ''], 1);
    expect(question).toContain('<div class="back">Paris</div>');
    expect(answer).toMatch(/<hr id=answer>\n\n<div class="front">Capital of France<\/div>\n$/);
  });

  it('Cloze: [...] on the front, the highlighted text on the back, one card per number', () => {
    const fields = ['{{c1::HTTP}} 는 {{c2::TCP}} 위에서 동작한다', '', '', ''];
    const second = renderCard(NOTETYPES.cloze, fields, 1);
    expect(text(second.question).trim()).toBe('HTTP 는 [...] 위에서 동작한다');
    expect(second.answer).toContain('<span class="cloze" data-ordinal="2">TCP</span>');
    expect(second.answer).not.toContain('<hr id=answer>');
    expect(renderCard(NOTETYPES.cloze, fields, 2).empty).toBe(true);
    expect(renderCard(NOTETYPES.cloze, [fields[0], 'extra', '', ''], 0).answer).toContain('<hr id=answer>\n<div class="back">extra</div>');
  });
});
