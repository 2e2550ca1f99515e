/**
 * A card's HTML as Anki makes it from a note's fields, for tests that show
 * cards in a browser. Ported from Anki's source (ankitects/anki), not guessed:
 *
 * - the template language deckgen's note types use (`{{#F}}…{{/F}}`, `{{F}}`,
 *   `{{FrontSide}}`, `{{cloze:F}}`);
 * - the cloze filter, rslib/src/cloze.rs: a tokenizer over the raw field text
 *   (`{{c1,2::` opens, `}}` closes, the first `::` inside is the hint), nested
 *   clozes, and the `<span class="cloze" data-cloze="…" data-ordinal="…">`
 *   markup it writes;
 * - media and TTS markers, rslib/src/card_rendering/parser.rs (`[sound:…]`,
 *   `[anki:tts …]…[/anki:tts]` → `[anki:play:q:N]`) and qt/aqt/sound.py
 *   `av_refs_to_play_icons` (the player link with its `onclick`).
 */
import { encode } from 'entities';

export interface TemplateModel {
  type: number;
  flds: { name: string }[];
  tmpls: { qfmt: string; afmt: string }[];
}

export function fillTemplate(template: string, fields: Record<string, string>, ord: number, answer: boolean, frontSide = ''): string {
  let html = template;
  for (let before = ''; before !== html; ) {
    before = html;
    html = html.replace(/\{\{#([^}]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_all, name: string, inner: string) => (fields[name]?.trim() ? inner : ''));
  }
  html = html.replace(/\{\{([^#/}][^}]*)\}\}/g, (_all, key: string) => {
    if (key === 'FrontSide') return frontSide;
    if (key.startsWith('cloze:')) return revealCloze(fields[key.slice('cloze:'.length)] ?? '', ord + 1, !answer);
    if (!(key in fields)) throw new Error(`template uses {{${key}}}, which this helper does not know`);
    return fields[key];
  });
  return html;
}

/** Both sides of card `ord` of a note, as Anki's reviewer receives them (before MathJax). */
export function cardSides(model: TemplateModel, noteFields: string[], ord: number): { question: string; answer: string } {
  const fields = Object.fromEntries(model.flds.map((field, index) => [field.name, noteFields[index]]));
  const template = model.type === 1 ? model.tmpls[0] : model.tmpls[ord];
  const question = fillTemplate(template.qfmt, fields, ord, false);
  const answer = fillTemplate(template.afmt, fields, ord, true, question);
  return { question: playIcons(avTags(question, 'q')), answer: playIcons(avTags(answer, 'a')) };
}

// --- rslib/src/cloze.rs ---------------------------------------------------

type Token = { kind: 'open'; ordinals: number[] } | { kind: 'close' } | { kind: 'text'; text: string };
type Node = { kind: 'text'; text: string } | Cloze;
interface Cloze {
  kind: 'cloze';
  ordinals: number[];
  nodes: Node[];
  hint: string | null;
}

const OPEN = /^\{\{c([\d,]*)::/;

function openAt(text: string, at: number): { ordinals: number[]; length: number } | null {
  const match = OPEN.exec(text.slice(at, at + 64));
  if (!match) return null;
  const ordinals = [...new Set(match[1].split(',').filter(Boolean).map(Number))].sort((a, b) => a - b);
  return ordinals.length ? { ordinals, length: match[0].length } : null;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const open = openAt(text, at);
    if (open) {
      tokens.push({ kind: 'open', ordinals: open.ordinals });
      at += open.length;
      continue;
    }
    if (text.startsWith('}}', at)) {
      tokens.push({ kind: 'close' });
      at += 2;
      continue;
    }
    let end = at + 1;
    while (end < text.length && !text.startsWith('}}', end) && !openAt(text, end)) end += 1;
    tokens.push({ kind: 'text', text: text.slice(at, end) });
    at = end;
  }
  return tokens;
}

function parse(text: string): Node[] {
  const open: Cloze[] = [];
  const output: Node[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'open') {
      if (open.length < 10) open.push({ kind: 'cloze', ordinals: token.ordinals, nodes: [], hint: null });
    } else if (token.kind === 'text') {
      const cloze = open[open.length - 1];
      if (!cloze) {
        output.push({ kind: 'text', text: token.text });
        continue;
      }
      let value = token.text;
      const split = value.indexOf('::');
      if (!value.startsWith('image-occlusion:') && split >= 0) {
        cloze.hint = value.slice(split + 2);
        value = value.slice(0, split);
      }
      cloze.nodes.push({ kind: 'text', text: value });
    } else {
      const cloze = open.pop();
      if (!cloze) output.push({ kind: 'text', text: '}}' });
      else (open[open.length - 1]?.nodes ?? output).push(cloze);
    }
  }
  return output;
}

function reveal(cloze: Cloze, ord: number, question: boolean, found: { active: boolean }): string {
  const active = cloze.ordinals.includes(ord);
  found.active ||= active;
  const ordinals = cloze.ordinals.join(',');
  const inner = () => cloze.nodes.map((node) => (node.kind === 'text' ? node.text : reveal(node, ord, question, found))).join('');
  if (question && active) {
    return `<span class="cloze" data-cloze="${encode(inner())}" data-ordinal="${ordinals}">[${cloze.hint ?? '...'}]</span>`;
  }
  return `<span class="${active ? 'cloze' : 'cloze-inactive'}" data-ordinal="${ordinals}">${inner()}</span>`;
}

/** cloze.rs `reveal_cloze_text`: card `ord` (1-based, as in `{{c1::`), question or answer side. */
export function revealCloze(text: string, ord: number, question: boolean): string {
  const found = { active: false };
  const html = parse(text).map((node) => (node.kind === 'text' ? node.text : reveal(node, ord, question, found))).join('');
  return found.active ? html : '';
}

/** The cloze numbers Anki finds in a field (cloze.rs `cloze_numbers_in_string`). */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind !== 'cloze') continue;
      for (const ordinal of node.ordinals) if (ordinal !== 0) numbers.add(ordinal);
      walk(node.nodes);
    }
  };
  walk(parse(text));
  return [...numbers].sort((a, b) => a - b);
}

// --- rslib/src/card_rendering/parser.rs, qt/aqt/sound.py --------------------

const AV_TAG = /\[sound:[^\]]+\]|\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]/g;

function avTags(html: string, side: 'q' | 'a'): string {
  let index = 0;
  return html.replace(AV_TAG, () => `[anki:play:${side}:${index++}]`);
}

function playIcons(html: string): string {
  return html.replace(
    /\[anki:(play:(.):(\d+))\]/g,
    (_all, command: string) => `<a class="replay-button soundLink" href=# onclick="pycmd('${command}'); return false;" draggable="false">▶</a>`,
  );
}
