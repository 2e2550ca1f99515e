/**
 * Cloze syntax in a note's text: `==text==` (numbered in order of appearance)
 * and Anki's own `{{c1::text}}` / `{{c1::text::hint}}`. Only `text` nodes are
 * read, so nothing inside code, math, raw HTML or a link's URL is ever taken
 * for a cloze. Markers must sit in the same parent (`==**TCP** 3-way==` works;
 * `**==TCP**==` does not).
 */
import type { Nodes, Parent, PhrasingContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import { walk } from '../../tree-walk.js';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Cloze } from '../../model.js';

export interface ClozeOptions {
  /** `==text==` is a cloze (true by default); obsidian-spaced-repetition notes bring their own patterns. */
  highlights?: boolean;
}

export interface ClozeParse<T> {
  nodes: T[];
  /** Whether the result holds at least one cloze. */
  found: boolean;
  diagnostics: Diagnostic[];
}

/** Clozes in one run of phrasing content (e.g. a paragraph's children). */
export function parseClozes(nodes: PhrasingContent[], file: string): ClozeParse<PhrasingContent> {
  return parseClozesInBlocks(nodes, file) as ClozeParse<PhrasingContent>;
}

/**
 * Clozes anywhere in a note (paragraphs, list items, table cells…), numbered
 * across the whole note, which is what Anki counts cards by.
 */
export function parseClozesInBlocks<T extends Nodes>(nodes: T[], file: string, options: ClozeOptions = {}): ClozeParse<T> {
  const diagnostics: Diagnostic[] = [];
  const result = parseList(nodes, { file, diagnostics, highlights: options.highlights ?? true }) as T[];
  const clozes = collectClozes(result);
  numberHighlights(clozes);
  diagnostics.push(...gapDiagnostics(clozes, file));
  return { nodes: result, found: clozes.length > 0, diagnostics };
}

// ---- tokens ----------------------------------------------------------------

interface Span {
  raw: string;
  start?: Point;
  end?: Point;
}

type Token =
  | { kind: 'node'; node: Nodes }
  | ({ kind: 'text' } & Span)
  /** `{{cN::` */
  | ({ kind: 'open'; number: number } & Span)
  /** `::` — only meaningful inside `{{cN::…}}` */
  | ({ kind: 'separator' } & Span)
  /** `}}` */
  | ({ kind: 'close' } & Span)
  /** `==`, which may open and/or close a highlight depending on what touches it */
  | ({ kind: 'mark'; canOpen: boolean; canClose: boolean } & Span)
  /** `====`: an empty highlight */
  | ({ kind: 'empty-mark' } & Span);

type Marker = Exclude<Token, { kind: 'node' } | { kind: 'text' }>;

const MARKERS = /\{\{c(\d+)::|\}\}|::|=+/g;

function tokenize(children: Nodes[], highlights: boolean): Token[] {
  const tokens: Token[] = [];
  children.forEach((child, index) => {
    if (child.type !== 'text') {
      tokens.push({ kind: 'node', node: child });
      return;
    }
    let last = 0;
    for (const match of child.value.matchAll(MARKERS)) {
      const at = match.index;
      const token = marker(match, child, at, children, index, highlights);
      if (!token) continue;
      if (at > last) tokens.push(textToken(child, last, at));
      tokens.push(token);
      last = at + match[0].length;
    }
    if (last < child.value.length) tokens.push(textToken(child, last, child.value.length));
  });
  return tokens;
}

function marker(match: RegExpMatchArray, node: Text, at: number, siblings: Nodes[], index: number, highlights: boolean): Marker | undefined {
  const raw = match[0];
  const span = { raw, start: pointAt(node, at), end: pointAt(node, at + raw.length) };
  if (match[1] !== undefined) return Number(match[1]) > 0 ? { kind: 'open', number: Number(match[1]), ...span } : undefined;
  if (raw === '}}') return { kind: 'close', ...span };
  if (raw === '::') return { kind: 'separator', ...span };
  if (!highlights) return undefined;
  if (raw === '====') return { kind: 'empty-mark', ...span };
  if (raw !== '==') return undefined; // `===`, `=====`: operators and rulers, not highlights
  // Like `**`: `==` opens when text follows it and closes when text precedes it, so `a == b` is no highlight.
  const before = at > 0 ? node.value[at - 1] : neighbourEdge(siblings[index - 1], 'end');
  const after = at + 2 < node.value.length ? node.value[at + 2] : neighbourEdge(siblings[index + 1], 'start');
  // `a==b` is an operator, never a marker. Only ASCII counts as a word here: `==TCP==는` closes before a Korean particle.
  if (isAsciiWord(before) && isAsciiWord(after)) return undefined;
  const touches = (char: string | undefined) => char !== undefined && !/\s/.test(char);
  return { kind: 'mark', canOpen: touches(after), canClose: touches(before), ...span };
}

const isAsciiWord = (char: string | undefined) => char !== undefined && /^\w$/.test(char);

/**
 * The character next to a marker at the edge of a text node. A non-text
 * sibling (`**TCP**`) counts as text, but not as a word: what touches the
 * marker in the source is `*` or a backtick.
 */
function neighbourEdge(sibling: Nodes | undefined, edge: 'start' | 'end'): string | undefined {
  if (!sibling) return undefined;
  if (sibling.type !== 'text') return '\uFFFC';
  return edge === 'start' ? sibling.value[0] : sibling.value[sibling.value.length - 1];
}

function textToken(node: Text, from: number, to: number): Token {
  return { kind: 'text', raw: node.value.slice(from, to), start: pointAt(node, from), end: pointAt(node, to) };
}

/**
 * Where a character of a text node is in the file. Exact when the text is the
 * source verbatim; with escapes or stripped indentation only the line is sure,
 * so no offset is claimed.
 */
function pointAt(node: Text, index: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, index);
  const newline = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  const endOffset = node.position?.end.offset;
  const verbatim = start.offset !== undefined && endOffset !== undefined && endOffset - start.offset === node.value.length;
  return {
    line: start.line + lines,
    column: newline === -1 ? start.column + index : index - newline,
    ...(verbatim ? { offset: start.offset! + index } : {}),
  };
}

// ---- parsing ---------------------------------------------------------------

interface Context {
  file: string;
  diagnostics: Diagnostic[];
  highlights: boolean;
}

function parseList(children: Nodes[], context: Context): Nodes[] {
  const { file, diagnostics } = context;
  const mapped = children.map((child) => parseInside(child, context));
  const inner = mapped.every((child, index) => child === children[index]) ? children : mapped;
  if (!inner.some((child) => child.type === 'text')) return inner;
  const tokens = tokenize(inner, context.highlights);
  const out: Nodes[] = [];
  let madeCloze = false;
  for (let index = 0; index < tokens.length; ) {
    const attempt = readCloze(tokens, index, file, diagnostics);
    if (attempt) {
      out.push(...attempt.nodes);
      madeCloze ||= attempt.nodes.some((node) => node.type === 'cloze');
      index = attempt.next;
      continue;
    }
    const token = tokens[index];
    reportStray(token, file, diagnostics);
    out.push(...literal([token]));
    index += 1;
  }
  // Untouched lists keep their original nodes (positions and all).
  return madeCloze ? mergeTexts(out) : inner;
}

function parseInside(node: Nodes, context: Context): Nodes {
  if (node.type === 'cloze' || !('children' in node)) return node;
  const children = parseList(node.children, context);
  return children === node.children ? node : ({ ...node, children } as Parent as Nodes);
}

function reportStray(token: Token, file: string, diagnostics: Diagnostic[]): void {
  if (token.kind === 'open') {
    diagnostics.push(warn(file, token.start, 'cloze-unbalanced', `\`${token.raw}\` has no closing \`}}\`; it was kept as text`));
  } else if (token.kind === 'mark' && (token.canOpen || token.canClose)) {
    diagnostics.push(warn(file, token.start, 'cloze-unbalanced', '`==` has no partner `==`; it was kept as text'));
  } else if (token.kind === 'empty-mark') {
    diagnostics.push(warn(file, token.start, 'cloze-empty', '`====` is an empty cloze; it was kept as text'));
  }
}

/** What a marker at `tokens[start]` became (a cloze, or text when it is empty), or nothing when it is stray. */
interface Read {
  nodes: Nodes[];
  next: number;
}

function readCloze(tokens: Token[], start: number, file: string, diagnostics: Diagnostic[]): Read | undefined {
  const open = tokens[start];
  if (open.kind === 'open') return readExplicit(open, tokens, start, file, diagnostics);
  if (open.kind === 'mark' && open.canOpen) return readHighlight(open, tokens, start);
  return undefined;
}

function readExplicit(
  open: Extract<Token, { kind: 'open' }>,
  tokens: Token[],
  start: number,
  file: string,
  diagnostics: Diagnostic[],
): Read | undefined {
  const close = tokens.findIndex((token, index) => index > start && (token.kind === 'close' || token.kind === 'open'));
  // Another `{{cN::` before any `}}`: this one is the unclosed one.
  if (close === -1 || tokens[close].kind === 'open') return undefined;
  const inside = tokens.slice(start + 1, close);
  const separator = inside.findIndex((token) => token.kind === 'separator');
  const content = separator === -1 ? inside : inside.slice(0, separator);
  const children = literal(content);
  if (isBlank(children)) {
    diagnostics.push(warn(file, open.start, 'cloze-empty', `\`${open.raw}}}\` is an empty cloze; it was kept as text`));
    // Kept as text: the render stage escapes `{{` in cloze notes, so Anki never sees it as syntax.
    return { nodes: literal(tokens.slice(start, close + 1)), next: close + 1 };
  }
  const hint = separator === -1 ? '' : toString(literal(inside.slice(separator + 1))).trim();
  return { nodes: [makeCloze(open.number, children, hint, open, tokens[close] as Span)], next: close + 1 };
}

function readHighlight(open: Extract<Token, { kind: 'mark' }>, tokens: Token[], start: number): Read | undefined {
  const close = tokens.findIndex((token, index) => index > start && token.kind === 'mark' && token.canClose);
  // A highlight never spans a hard line break: each line of a cloze paragraph has its own markers.
  const lineEnd = tokens.findIndex((token, index) => index > start && token.kind === 'node' && token.node.type === 'break');
  if (close === -1 || (lineEnd !== -1 && lineEnd < close)) return undefined;
  const children = literal(tokens.slice(start + 1, close));
  if (isBlank(children)) return undefined;
  // 0 = not numbered yet; numbers are handed out once the whole note has been read.
  return { nodes: [makeCloze(0, children, '', open, tokens[close] as Span)], next: close + 1 };
}

function makeCloze(number: number, children: PhrasingContent[], hint: string, open: Span, close: Span): Cloze {
  const cloze: Cloze = { type: 'cloze', number, children };
  if (hint) cloze.hint = hint;
  if (open.start && close.end) cloze.position = { start: open.start, end: close.end };
  return cloze;
}

/** Tokens back to nodes: markers that ended up unused are plain text again. */
function literal(tokens: Token[]): PhrasingContent[] {
  return mergeTexts(
    tokens.map((token): Nodes => {
      if (token.kind === 'node') return token.node;
      const text: Text = { type: 'text', value: token.raw };
      if (token.start && token.end) text.position = { start: token.start, end: token.end };
      return text;
    }),
  ) as PhrasingContent[];
}

function mergeTexts(nodes: Nodes[]): Nodes[] {
  const merged: Nodes[] = [];
  for (const node of nodes) {
    const previous = merged[merged.length - 1];
    if (node.type === 'text' && previous?.type === 'text') {
      const position = previous.position && node.position ? { start: previous.position.start, end: node.position.end } : undefined;
      merged[merged.length - 1] = { type: 'text', value: previous.value + node.value, ...(position ? { position } : {}) };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

function isBlank(nodes: PhrasingContent[]): boolean {
  return nodes.every((node) => node.type === 'text' && !node.value.trim());
}

// ---- numbering -------------------------------------------------------------

function collectClozes(nodes: Nodes[]): Cloze[] {
  const clozes: Cloze[] = [];
  for (const node of nodes) {
    walk(node, (cloze) => {
      if (cloze.type === 'cloze') clozes.push(cloze);
    });
  }
  return clozes;
}

/** `==…==` clozes take the numbers explicit `{{cN::}}` clozes leave free, in order of appearance. */
function numberHighlights(clozes: Cloze[]): void {
  const used = new Set(clozes.map((cloze) => cloze.number).filter((number) => number > 0));
  let next = 1;
  for (const cloze of clozes) {
    if (cloze.number !== 0) continue;
    while (used.has(next)) next += 1;
    cloze.number = next;
    used.add(next);
  }
}

/** Anki makes one card per number; a skipped number is usually a typo or a deleted cloze. */
function gapDiagnostics(clozes: Cloze[], file: string): Diagnostic[] {
  const numbers = [...new Set(clozes.map((cloze) => cloze.number))].sort((a, b) => a - b);
  const diagnostics: Diagnostic[] = [];
  let expected = 1;
  for (const number of numbers) {
    if (number > expected) {
      const first = clozes.find((cloze) => cloze.number === number);
      const missing = number - expected === 1 ? `c${expected}` : `c${expected}–c${number - 1}`;
      diagnostics.push(warn(file, first?.position?.start, 'cloze-gap', `Cloze numbers skip ${missing}: this note has c${number} but no ${missing}`));
    }
    expected = number + 1;
  }
  return diagnostics;
}

function warn(file: string, place: Point | undefined, rule: string, message: string): Diagnostic {
  return diagnostic(file, place ? { line: place.line, column: place.column } : null, 'warning', rule, message);
}
