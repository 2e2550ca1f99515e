/**
 * Anki's cloze rendering (rslib/src/cloze.rs), for outputs that show a cloze
 * card's two sides themselves instead of leaving it to Anki: the `{{cloze:Text}}`
 * filter on the field's raw HTML.
 *
 * As in Anki, `{{cN::text}}` and `{{cN::text::hint}}` (also `{{c1,2::…}}`) are
 * found in the raw string, clozes nest (up to 10 deep), the first `::` inside a
 * cloze starts its hint and `}}` closes the innermost open cloze. On the
 * question side of card N every cloze numbered N becomes its gap — `[...]`, or
 * `[hint]` — and the others show their text; on the answer side cloze N shows
 * its text, marked. deckgen's own cloze markup never has a stray `}}` or `::`
 * inside (render/cloze.ts), so this reads it exactly as Anki does.
 *
 * @example
 * clozeSide('{{c1::서명}}은 {{c2::HMAC::알고리즘}}로', 2, 'question')
 * // → '서명은 <span class="cloze">[알고리즘]</span>로'
 * clozeSide('{{c1::서명}}은 {{c2::HMAC::알고리즘}}로', 2, 'answer')
 * // → '서명은 <span class="cloze">HMAC</span>로'
 */

interface Cloze {
  numbers: number[];
  nodes: Node[];
  hint?: string;
}
type Node = string | Cloze;

// Anki ignores clozes nested deeper than this (`open_clozes.len() < 10`).
const MAX_OPEN = 10;
const TOKEN = /\{\{c([\d,]+)::|\}\}/g;

/** The field as Anki's tokenizer and parser see it: text runs and (nested) clozes. */
function parse(html: string): Node[] {
  const output: Node[] = [];
  const open: Cloze[] = [];
  const text = (run: string) => {
    if (!run) return;
    const cloze = open[open.length - 1];
    if (!cloze) return void output.push(run);
    const hintAt = run.indexOf('::');
    if (hintAt >= 0) {
      cloze.hint = run.slice(hintAt + 2);
      run = run.slice(0, hintAt);
    }
    cloze.nodes.push(run);
  };
  let last = 0;
  for (const match of html.matchAll(TOKEN)) {
    const numbers = match[1] === undefined ? null : clozeNumbers(match[1]);
    // `{{c,::` has no number: Anki reads it as text.
    if (match[1] !== undefined && numbers!.length === 0) continue;
    text(html.slice(last, match.index));
    last = match.index + match[0].length;
    if (numbers) {
      // Beyond the limit Anki drops the opener, and the next `}}` closes an outer cloze.
      if (open.length < MAX_OPEN) open.push({ numbers, nodes: [] });
    } else {
      const closed = open.pop();
      if (closed) (open[open.length - 1]?.nodes ?? output).push(closed);
      else text('}}');
    }
  }
  text(html.slice(last));
  // Clozes left open at the end are dropped with their text, as in Anki.
  return output;
}

function clozeNumbers(list: string): number[] {
  const numbers = list.split(',').filter((part) => part !== '').map(Number);
  return [...new Set(numbers.filter(Number.isInteger))].sort((a, b) => a - b);
}

function shown(nodes: Node[], number: number, side: 'question' | 'answer'): string {
  return nodes.map((node) => (typeof node === 'string' ? node : clozeHtml(node, number, side))).join('');
}

function clozeHtml(cloze: Cloze, number: number, side: 'question' | 'answer'): string {
  if (!cloze.numbers.includes(number)) return shown(cloze.nodes, number, side);
  if (side === 'question') return `<span class="cloze">[${cloze.hint ?? '...'}]</span>`;
  return `<span class="cloze">${shown(cloze.nodes, number, side)}</span>`;
}

/** One side of cloze card `number` (Anki's ord + 1), as HTML. */
export function clozeSide(html: string, number: number, side: 'question' | 'answer'): string {
  return shown(parse(html), number, side);
}
