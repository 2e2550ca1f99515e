import { describe, expect, it } from 'vitest';
import { clozeSide } from '../src/lib/write/anki/cloze.js';

// Anki's rendering of `{{cloze:Text}}` (rslib/src/cloze.rs), which the TSV uses to show a cloze card's sides.
describe("Anki's cloze sides", () => {
  it('does what its doc comment promises', () => {
    const text = '{{c1::서명}}은 {{c2::HMAC::알고리즘}}로';
    expect(clozeSide(text, 2, 'question')).toBe('서명은 <span class="cloze">[알고리즘]</span>로');
    expect(clozeSide(text, 2, 'answer')).toBe('서명은 <span class="cloze">HMAC</span>로');
  });

  it('shows a gap without a hint as [...], and every cloze of the same number as a gap', () => {
    const text = '{{c1::Paris}} is the {{c2::capital}} of {{c1::France}}';
    expect(clozeSide(text, 1, 'question')).toBe('<span class="cloze">[...]</span> is the capital of <span class="cloze">[...]</span>');
    expect(clozeSide(text, 2, 'question')).toBe('Paris is the <span class="cloze">[...]</span> of France');
  });

  it('reads nested clozes and multi-number clozes as Anki does', () => {
    const nested = '{{c1::outer {{c2::inner}} end}}';
    expect(clozeSide(nested, 1, 'question')).toBe('<span class="cloze">[...]</span>');
    expect(clozeSide(nested, 2, 'question')).toBe('outer <span class="cloze">[...]</span> end');
    expect(clozeSide(nested, 2, 'answer')).toBe('outer <span class="cloze">inner</span> end');
    expect(clozeSide('{{c1,2::both}} x', 2, 'question')).toBe('<span class="cloze">[...]</span> x');
  });

  it('keeps HTML and stray markers as text: a `}}` outside a cloze, `{{c::` without a number', () => {
    expect(clozeSide('a }} b {{c::x}} <b>{{c1::y}}</b>', 1, 'answer')).toBe('a }} b {{c::x}} <b><span class="cloze">y</span></b>');
  });

  it("reads deckgen's protected cloze content (render/cloze.ts) with its first `::` as the hint", () => {
    // `std::vector` inside a cloze is written `std:&#58;vector`, so only the hint separator is a real `::`.
    expect(clozeSide('{{c1::std:&#58;vector::컨테이너}}', 1, 'question')).toBe('<span class="cloze">[컨테이너]</span>');
    expect(clozeSide('{{c1::std:&#58;vector::컨테이너}}', 1, 'answer')).toBe('<span class="cloze">std:&#58;vector</span>');
  });
});
