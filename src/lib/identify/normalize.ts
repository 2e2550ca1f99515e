/**
 * Text normalization for note identity. Everything here feeds GUIDs, so a
 * change to these rules changes GUIDs of notes that have no lock entry yet:
 * treat them as frozen once released.
 */

import { CONTEXT_SEPARATOR } from '../model.js';

/** Joins context parts and the front inside a normalized question, like a card's breadcrumb. */
export const QUESTION_SEPARATOR = CONTEXT_SEPARATOR;

/**
 * Emphasis markers do not change what a note asks. `_` only counts as a marker
 * at a word edge, so `snake_case` keeps its underscore.
 */
function stripEmphasis(text: string): string {
  return text
    .replace(/[*`]+|~~|==/g, '')
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '');
}

/**
 * Normalizes one piece of text (a context part, a front, an answer): NFC, no
 * emphasis markers, Latin letters lower-cased (other scripts untouched, so
 * Korean and case-sensitive scripts are not folded), whitespace collapsed.
 * `›` becomes `>` so QUESTION_SEPARATOR splits a question unambiguously.
 */
export function normalizeText(text: string): string {
  return stripEmphasis(text.normalize('NFC'))
    .replace(/›/g, '>')
    .replace(/\p{Script=Latin}+/gu, (latin) => latin.toLowerCase())
    .replace(/\s+/g, ' ')
    .trim();
}

/** Deck names are kept as written (Anki shows them), only NFC and trimmed whitespace. */
export function normalizeDeck(deck: string): string {
  return deck.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** `context1 › context2 › front`; empty context parts are dropped. */
export function joinQuestion(context: readonly string[], front: string): string {
  return [...context.filter((part) => part !== ''), front].join(QUESTION_SEPARATOR);
}

/** Character bigrams with multiplicity; padded with spaces so one- and two-letter words still count. */
export interface Bigrams {
  counts: Map<string, number>;
  size: number;
}

export function bigrams(text: string): Bigrams {
  const counts = new Map<string, number>();
  if (text === '') return { counts, size: 0 };
  const chars = Array.from(` ${text} `);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return { counts, size: chars.length - 1 };
}

/** Sørensen–Dice coefficient on bigram multisets: 1 = same text, 0 = nothing shared. Two empty texts are equal. */
export function dice(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, count] of small.counts) shared += Math.min(count, large.counts.get(pair) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/** The best dice() could be given only the sizes: lets the matcher skip hopeless pairs cheaply. */
export function diceUpperBound(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  return (2 * Math.min(a.size, b.size)) / (a.size + b.size);
}
