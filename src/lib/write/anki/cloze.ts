/**
 * Anki's cloze filter, ported from rslib/src/cloze.rs (ankitects/anki): how a
 * `{{cloze:Text}}` field shows on card N — with Anki's own markup for the
 * preview (revealCloze), and with a plain one for the outputs that show a
 * cloze card's sides to other apps (clozeSide, the TSV). The tokenizer runs over the raw
 * field text (`{{c1,2::` opens, `}}` closes, the first `::` inside a cloze
 * starts its hint), clozes nest up to 10 deep, and each cloze becomes
 *
 *   question, asked:   <span class="cloze" data-cloze="…" data-ordinal="1">[hint or ...]</span>
 *   answer, asked:     <span class="cloze" data-ordinal="1">text</span>
 *   not asked:         <span class="cloze-inactive" data-ordinal="2">text</span>
 *
 * A field with no cloze of card N shows nothing. Image occlusion (a cloze
 * starting `image-occlusion:`) is not drawn: deckgen never writes one; its
 * text is only kept from being split at `::`, as in Anki.
 */
import { escapeAttribute } from 'entities';

type Node = string | Cloze;

interface Cloze {
  ordinals: number[];
  nodes: Node[];
  hint: string | null;
}

/** `{{c` + comma-separated numbers + `::`; `}}` closes. At one position an opening wins, as in cloze.rs. */
const MARKER = /\{\{c([\d,]*)::|\}\}/g;
const MAX_OPEN = 10;

/** The numbers of an opening marker, deduplicated and sorted; numbers that are not u16 are dropped (Rust's `parse`). */
function ordinalsOf(written: string): number[] {
  const numbers = written.split(',').filter((part) => part !== '').map(Number).filter((n) => n <= 0xffff);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

type Token = { kind: 'open'; ordinals: number[] } | { kind: 'close' } | { kind: 'text'; text: string };

function* tokenize(text: string): Generator<Token> {
  let at = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const ordinals = match[1] === undefined ? null : ordinalsOf(match[1]);
    if (ordinals !== null && ordinals.length === 0) {
      // `{{c::` or `{{c,::` opens nothing: it is text, and a marker may start on its next character.
      MARKER.lastIndex = match.index + 1;
      continue;
    }
    if (match.index > at) yield { kind: 'text', text: text.slice(at, match.index) };
    yield ordinals === null ? { kind: 'close' } : { kind: 'open', ordinals };
    at = MARKER.lastIndex;
  }
  if (at < text.length) yield { kind: 'text', text: text.slice(at) };
}

/** cloze.rs `parse_text_with_clozes`. */
function parse(text: string): Node[] {
  const open: Cloze[] = [];
  const output: Node[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'open') {
      if (open.length < MAX_OPEN) open.push({ ordinals: token.ordinals, nodes: [], hint: null });
    } else if (token.kind === 'text') {
      const cloze = open.at(-1);
      if (!cloze) {
        output.push(token.text);
        continue;
      }
      let value = token.text;
      const split = value.indexOf('::');
      if (!value.startsWith('image-occlusion:') && split >= 0) {
        cloze.hint = value.slice(split + 2);
        value = value.slice(0, split);
      }
      cloze.nodes.push(value);
    } else {
      const cloze = open.pop();
      if (!cloze) output.push('}}');
      else (open.at(-1)?.nodes ?? output).push(cloze);
    }
  }
  return output;
}

function reveal(cloze: Cloze, ord: number, question: boolean, found: { active: boolean }): string {
  const active = cloze.ordinals.includes(ord);
  found.active ||= active;
  const ordinals = cloze.ordinals.join(',');
  const inner = cloze.nodes.map((node) => (typeof node === 'string' ? node : reveal(node, ord, question, found))).join('');
  if (question && active) {
    return `<span class="cloze" data-cloze="${escapeAttribute(inner)}" data-ordinal="${ordinals}">[${cloze.hint ?? '...'}]</span>`;
  }
  return `<span class="${active ? 'cloze' : 'cloze-inactive'}" data-ordinal="${ordinals}">${inner}</span>`;
}

/** cloze.rs `reveal_cloze_text`: the field on card `ord` (1-based, as in `{{c1::`), question or answer side. */
export function revealCloze(text: string, ord: number, question: boolean): string {
  const found = { active: false };
  const html = parse(text)
    .map((node) => (typeof node === 'string' ? node : reveal(node, ord, question, found)))
    .join('');
  return found.active ? html : '';
}

/** The cloze numbers Anki finds in a field (cloze.rs `cloze_numbers_in_string`); 0 is never a card. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      for (const ordinal of node.ordinals) if (ordinal !== 0) numbers.add(ordinal);
      walk(node.nodes);
    }
  };
  walk(parse(text));
  return [...numbers].sort((a, b) => a - b);
}

// Anki's HTML pattern (rslib/src/text.rs) and MATHJAX pattern (cloze.rs).
const HTML = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;
const MATHJAX = /(\\[([])(.*?)(\\[\])])/gis;

/**
 * cloze.rs `cloze_filter`: the revealed text, with tags taken out from between
 * MathJax delimiters (a cloze inside a formula leaves its span there).
 */
export function clozeFilter(text: string, ord: number, question: boolean): string {
  return revealCloze(text, ord, question).replace(MATHJAX, (_all, open: string, inner: string, close: string) => `${open}${inner.replace(HTML, '')}${close}`);
}

/**
 * One side of cloze card `number` (Anki's ord + 1), for outputs that show a
 * cloze card's two sides themselves instead of leaving it to Anki: read as
 * Anki reads the field, the asked clozes marked `<span class="cloze">`, the
 * others shown as their text. deckgen's own cloze markup never has a stray
 * `}}` or `::` inside (render/cloze.ts), so this reads it exactly as Anki does.
 *
 * @example
 * clozeSide('{{c1::서명}}은 {{c2::HMAC::알고리즘}}로', 2, 'question')
 * // → '서명은 <span class="cloze">[알고리즘]</span>로'
 * clozeSide('{{c1::서명}}은 {{c2::HMAC::알고리즘}}로', 2, 'answer')
 * // → '서명은 <span class="cloze">HMAC</span>로'
 */
export function clozeSide(html: string, number: number, side: 'question' | 'answer'): string {
  const shown = (nodes: Node[]): string => nodes.map((node) => (typeof node === 'string' ? node : plain(node))).join('');
  const plain = (cloze: Cloze): string => {
    if (!cloze.ordinals.includes(number)) return shown(cloze.nodes);
    return `<span class="cloze">${side === 'question' ? `[${cloze.hint ?? '...'}]` : shown(cloze.nodes)}</span>`;
  };
  return shown(parse(html));
}
