/**
 * Anki's card templates, ported from rslib/src/template.rs (ankitects/anki):
 * a note's fields put into a note type's question and answer templates the
 * way Anki renders a card, so a preview shows what Anki will show.
 *
 * The language: `{{Field}}`, `{{filter:Field}}` (filters apply right to left),
 * `{{#Field}}…{{/Field}}` (shown when the field is not empty — whitespace,
 * `<br>` and `<div>` alone count as empty), `{{^Field}}…{{/Field}}` (when it
 * is), `{{#c1}}` on cloze cards, `{{FrontSide}}` (the rendered question, on
 * the answer side) and `<!-- comments -->`, kept as they are. Of the
 * filters, `cloze` is Anki's (anki/cloze.ts); any other filter leaves the
 * text as it is, as Anki does with a filter it does not know. deckgen's note
 * types use no other filter, nor Anki's special fields (`{{Tags}}`,
 * `{{Deck}}`…) or the legacy `{{=<% %>=}}` syntax, so those are not ported.
 *
 * A template Anki would refuse (an unclosed `{{#…}}`, an unknown field) is a
 * bug in deckgen's note types: it throws.
 */
import { clozeFilter, clozeNumbers } from './cloze.js';
import type { Notetype } from './notetype.js';

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'replacement'; key: string; filters: string[] }
  | { kind: 'conditional'; key: string; negated: boolean; children: TemplateNode[] };

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'replacement'; inner: string }
  | { kind: 'open'; key: string; negated: boolean }
  | { kind: 'close'; key: string };

/** A handlebar `{{…}}` (up to the first `}}`) or a whole comment, as template.rs `next_token` finds them. */
const TOKEN = /\{\{([\s\S]*?)\}\}|<!--[\s\S]*?-->/g;

function* tokenize(template: string): Generator<Token> {
  let at = 0;
  for (const match of template.matchAll(TOKEN)) {
    if (match.index > at) yield { kind: 'text', text: template.slice(at, match.index) };
    at = match.index + match[0].length;
    // A comment is text: rendered as written, its handlebars untouched.
    yield match[1] === undefined ? { kind: 'text', text: match[0] } : classify(match[1]);
  }
  if (at < template.length) yield { kind: 'text', text: template.slice(at) };
}

/** template.rs `classify_handle`. */
function classify(handle: string): Token {
  const start = handle.replace(/^\{+/, '').trim();
  if (Buffer.byteLength(start) < 2) return { kind: 'replacement', inner: start };
  const rest = start.slice(1).trimStart();
  if (start.startsWith('#')) return { kind: 'open', key: rest, negated: false };
  if (start.startsWith('^')) return { kind: 'open', key: rest, negated: true };
  if (start.startsWith('/')) return { kind: 'close', key: rest };
  return { kind: 'replacement', inner: start };
}

/** template.rs `parse_inner`. */
function parse(tokens: Iterator<Token>, open: string | null): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value;
    if (token.kind === 'text') nodes.push(token);
    else if (token.kind === 'replacement') {
      const [key, ...filters] = token.inner.split(':').reverse();
      nodes.push({ kind: 'replacement', key, filters });
    } else if (token.kind === 'open') {
      nodes.push({ kind: 'conditional', key: token.key, negated: token.negated, children: parse(tokens, token.key) });
    } else if (token.key === open) return nodes;
    else throw new Error(`deckgen bug: template closes {{/${token.key}}} while ${open === null ? 'nothing' : `{{#${open}}}`} is open`);
  }
  if (open !== null) throw new Error(`deckgen bug: template leaves {{#${open}}} open`);
  return nodes;
}

const parsed = new Map<string, TemplateNode[]>();

function parseTemplate(template: string): TemplateNode[] {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = parse(tokenize(template), null);
    parsed.set(template, nodes);
  }
  return nodes;
}

/** template.rs `field_is_empty`: only ASCII whitespace (`[[:space:]]`) and empty `<br>`/`<div>` tags. */
export function fieldIsEmpty(text: string): boolean {
  return /^(?:[ \t\n\v\f\r]|<\/?(?:br|div) ?\/?>)*$/i.test(text);
}

interface RenderContext {
  fields: ReadonlyMap<string, string>;
  /** 0-based card ordinal (template index; cloze number − 1). */
  ord: number;
  /** The rendered question, on the answer side; null while the question renders. */
  frontSide: string | null;
}

function render(nodes: readonly TemplateNode[], context: RenderContext): string {
  let html = '';
  for (const node of nodes) {
    if (node.kind === 'text') html += node.text;
    else if (node.kind === 'replacement') html += replacement(node.key, node.filters, context);
    else {
      const shown = conditionHolds(node.key, context) !== node.negated;
      // Rendered either way, so a mistake inside a hidden section still throws, as in Anki.
      const inner = render(node.children, context);
      if (shown) html += inner;
    }
  }
  return html;
}

function replacement(key: string, filters: readonly string[], context: RenderContext): string {
  if (key === 'FrontSide') return context.frontSide ?? '';
  // `{{filter:}}`: a filter that makes its own text; none of Anki's built-in ones here.
  if (key === '' && filters.length > 0) return '';
  const text = context.fields.get(key);
  if (text === undefined) throw new Error(`deckgen bug: template uses {{${key}}}, which is no field`);
  // Anki's order: `{{a:b:Field}}` applies b, then a.
  return filters.reduce((value, filter) => (filter === 'cloze' ? clozeFilter(value, context.ord + 1, context.frontSide === null) : value), text);
}

/** template.rs `evaluate_conditional`: a field, or a card number `c1`… (only its own card's is a field). */
function conditionHolds(key: string, context: RenderContext): boolean {
  const value = context.fields.get(key);
  if (value !== undefined) return !fieldIsEmpty(value);
  if (/^c\d+$/.test(key)) return false;
  throw new Error(`deckgen bug: template tests {{#${key}}}, which is no field`);
}

export interface RenderedCard {
  question: string;
  answer: string;
  /** Anki would show this card as empty: its question renders no field (cloze: no cloze of its number). */
  empty: boolean;
}

/**
 * template.rs `render_card`: card `ord` of a note with these fields (in the
 * note type's field order). Cloze note types have one template for every
 * card; the others one template per card.
 */
export function renderCard(notetype: Pick<Notetype, 'type' | 'fields' | 'templates'>, fields: readonly string[], ord: number): RenderedCard {
  const template = notetype.type === 1 ? notetype.templates[0] : notetype.templates[ord];
  if (!template) throw new Error(`deckgen bug: no template for card ${ord}`);
  const byName = new Map(notetype.fields.map((name, index) => [name, fields[index] ?? '']));
  // notetype/render.rs: the card's own number is a field `c1`, `c2`… holding "1", unless a field has that name.
  if (!byName.has(`c${ord + 1}`)) byName.set(`c${ord + 1}`, '1');
  const context: RenderContext = { fields: byName, ord, frontSide: null };
  const questionNodes = parseTemplate(template.qfmt);
  const question = render(questionNodes, context);
  const empty = notetype.type === 1 ? !fields.some((field) => clozeNumbers(field).includes(ord + 1)) : !rendersAField(questionNodes, context);
  const answer = render(parseTemplate(template.afmt), { ...context, frontSide: question });
  return { question, answer, empty };
}

/** template.rs `template_is_empty`, negated: some non-empty field would be shown. */
function rendersAField(nodes: readonly TemplateNode[], context: RenderContext): boolean {
  return nodes.some((node) => {
    if (node.kind === 'text') return false;
    const value = context.fields.get(node.key);
    const filled = value !== undefined && !fieldIsEmpty(value);
    if (node.kind === 'replacement') return filled;
    return (node.negated ? !filled : filled) && rendersAField(node.children, context);
  });
}
