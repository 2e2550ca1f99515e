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

/** Slots of an answer signature: each a 3-bit MinHash of the text's bigrams, two to a base64url character. */
export const SIGNATURE_SLOTS = 24;
const SLOT_BITS = 3;
const SIGNATURE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** One seed per slot, fixed forever like the hash: signatures in committed locks depend on them. */
const SEEDS = Array.from({ length: SIGNATURE_SLOTS }, (_, slot) => mix(0x9e3779b9 + slot));

/** murmur3's 32-bit finalizer: spreads every input bit over the output. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units: a fast, stable 32-bit hash of one bigram. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A short similarity signature of a normalized text (`''` for an empty one): b-bit MinHash (Li & König,
 * 2010) of its set of character bigrams, SIGNATURE_SLOTS slots of 3 bits in 12 characters. Two texts agree
 * in a slot with probability J + (1 − J)/8, J the Jaccard similarity of their bigram sets, so
 * signatureSimilarity estimates how alike they are without the text. Frozen once released, like the GUIDs.
 */
export function signature(text: string): string {
  if (text === '') return '';
  const hashes = [...bigrams(text).counts.keys()].map(fnv);
  const slots = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const hash of hashes) min = Math.min(min, mix(hash ^ seed));
    return min & ((1 << SLOT_BITS) - 1);
  });
  let out = '';
  for (let i = 0; i < slots.length; i += 2) out += SIGNATURE_ALPHABET[(slots[i] << SLOT_BITS) | slots[i + 1]];
  return out;
}

/**
 * Estimated Dice coefficient (as dice() gives on bigram sets) of the texts behind two signatures: 1 for
 * equal signatures, about 0 for unrelated texts (standard error about 0.1). Two empty texts are equal.
 */
export function signatureSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 1 : 0;
  if (a === b) return 1;
  const mask = (1 << SLOT_BITS) - 1;
  let agree = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = SIGNATURE_ALPHABET.indexOf(a[i]);
    const y = SIGNATURE_ALPHABET.indexOf(b[i]);
    if (x >> SLOT_BITS === y >> SLOT_BITS) agree++;
    if ((x & mask) === (y & mask)) agree++;
  }
  const chance = 1 / (1 << SLOT_BITS);
  const jaccard = Math.max(0, (agree / SIGNATURE_SLOTS - chance) / (1 - chance));
  return (2 * jaccard) / (1 + jaccard);
}
