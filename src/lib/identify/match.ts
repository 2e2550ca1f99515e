/**
 * Pairs this build's notes with the lock entries of the last build.
 *
 *   1. exact identity key (explicit id, or kind + deck + normalized question);
 *   2. among the leftovers, notes that kept their front and/or answer while
 *      their heading, file, deck or the other side changed (text indexes);
 *   3. among the leftovers, similar text (a typo fix, a reworded question, an
 *      edited answer), scored by character-bigram Dice coefficients (for the
 *      answer, estimated from the lock's signature of it: normalize.ts).
 *
 * Only leftovers are compared, grouped by kind, and the number of compared
 * pairs is capped (same file first, then same deck, then the rest), so a
 * large collection with a few edits stays fast.
 */
import type { NoteKind } from '../model.js';
import type { LockEntry } from './lock.js';
import { bigrams, dice, diceUpperBound, normalizeText, QUESTION_SEPARATOR, signatureSimilarity, type Bigrams } from './normalize.js';

/**
 * The normalized question: the context parts and the front (normalize.ts joinQuestion). Worked out from them when
 * needed rather than kept: a 100k build holds, caches and reloads every note's identity.
 */
export function identityQuestion(identity: Pick<NoteIdentity, 'context' | 'front'>): string {
  return identity.context === '' ? identity.front : `${identity.context}${QUESTION_SEPARATOR}${identity.front}`;
}

/** What identifies a note: its explicit id, else its kind, deck and normalized question. */
export function identityKey(identity: Pick<NoteIdentity, 'kind' | 'deck' | 'context' | 'front' | 'explicitId'>): string {
  return identity.explicitId !== undefined ? `id:${identity.explicitId}` : `${identity.kind}\t${identity.deck}\t${identityQuestion(identity)}`;
}

/** A pair at or above this similarity keeps the old GUID (and its review history). */
export const MATCH_THRESHOLD = 0.6;
/** Below MATCH_THRESHOLD but at least this: the plan warns that history stays with the old card. */
export const NEAR_MISS_THRESHOLD = 0.4;
/** Weight of the front+answer similarity; the rest is the context (heading path) similarity. */
export const CONTENT_WEIGHT = 0.8;
/** Added when ranking (not when thresholding) pairs from the same file, so an edit stays in its file. */
export const SAME_FILE_BONUS = 0.05;
/** Phase 2 (text indexes) only takes pairs this similar; weaker ones compete in phase 3. */
export const SURE_MATCH = 0.8;
/** Phase 2 ignores a text shared by more old notes than this. */
const INDEX_BUCKET = 50;
/** At most this many note/entry pairs are examined for similarity in one build. */
export const PAIR_BUDGET = 250_000;

/** What the matcher needs to know about one note of this build. */
export interface NoteIdentity {
  kind: NoteKind;
  deck: string;
  /** relativePath of the markdown file. */
  file: string;
  line: number;
  /** Normalized context parts joined by QUESTION_SEPARATOR. */
  context: string;
  /** Normalized front (cloze: text without cloze markers). */
  front: string;
  /** The question as the user wrote it (not normalized): what the change plan shows. */
  display: string;
  /** `display` cut to what the lock keeps (questionExcerpt): both sides of a comparison use it. */
  excerpt: string;
  /** signature() of the normalized answer: what the lock keeps of the answer, and what similarity compares. */
  answerSignature: string;
  /** keyHash(identityKey(…)): what the lock stores when the GUID is not `derivedGuid`. */
  keyHash: string;
  /** The GUID a note with this key gets when it is new (no counter): the lock omits the key of such an entry. */
  derivedGuid: string;
  explicitId?: string;
  fingerprint: string;
}

export interface Match {
  entry: number;
  how: 'exact' | 'similar';
  /** 1 for exact key matches. */
  similarity: number;
}

export interface NearMiss {
  entry: number;
  similarity: number;
}

export interface MatchResult {
  /** Per note (same order as the input): the lock entry it continues, or null for a new note. */
  matches: (Match | null)[];
  /** Per note: for a new note, the most similar lock entry that ends up removed (history risk), if any. */
  nearMisses: (NearMiss | null)[];
  /** True when PAIR_BUDGET stopped the comparison early (some notes may have been treated as new). */
  budgetExhausted: boolean;
}

export interface MatchOptions {
  threshold?: number;
  budget?: number;
}

/** One side of a comparison (a note or a lock entry), with bigrams computed on first use. */
interface Side extends Pick<NoteIdentity, 'kind' | 'deck' | 'file' | 'line' | 'context' | 'front' | 'fingerprint'> {
  /** The answer's signature (normalize.ts signature()). */
  answer: string;
  hasId: boolean;
  grams?: { context: Bigrams; front: Bigrams };
}

interface Pair {
  note: number;
  entry: number;
  similarity: number;
  sameFile: boolean;
}

/**
 * What similarity compares: the lock keeps an excerpt of the question as written and a signature of the
 * normalized answer, so the note side is cut the same way (identical for all but long questions).
 */
function comparable(question: string, answer: string): Pick<Side, 'context' | 'front' | 'answer'> {
  const parts = question.split(QUESTION_SEPARATOR).map(normalizeText).filter((part) => part !== '');
  const front = parts.pop() ?? '';
  return { context: parts.join(QUESTION_SEPARATOR), front, answer };
}

/** `line` is the note's place among the notes of its file: the lock keeps no line numbers, only this order. */
function noteSide(note: NoteIdentity, line: number): Side {
  return { ...note, ...comparable(note.excerpt, note.answerSignature), line, hasId: note.explicitId !== undefined };
}

function entrySide(entry: LockEntry, line: number): Side {
  const { kind, deck, file, fingerprint } = entry;
  return { kind, deck, file, fingerprint, line, ...comparable(entry.question, entry.answer), hasId: entry.id !== undefined };
}

/** Whether two lock questions (excerpts as written, or normalized ones of an old lock) ask the same thing. */
export function sameQuestion(a: string, b: string): boolean {
  const x = comparable(a, '');
  const y = comparable(b, '');
  return x.context === y.context && x.front === y.front;
}

/** Position of each item among the items of the same file, in the given order. */
function ordinalsInFile(items: readonly { file: string }[]): number[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = seen.get(item.file) ?? 0;
    seen.set(item.file, n + 1);
    return n;
  });
}

function grams(side: Side): NonNullable<Side['grams']> {
  side.grams ??= { context: bigrams(side.context), front: bigrams(side.front) };
  return side.grams;
}

function blend(front: number, answer: number, context: number, noAnswers: boolean): number {
  const content = noAnswers ? front : (front + answer) / 2;
  return CONTENT_WEIGHT * content + (1 - CONTENT_WEIGHT) * context;
}

/**
 * Similarity in [0, 1] of a note and an old note: 80 % what it asks and
 * answers (front and answer equally; front alone when neither has an answer,
 * as in most cloze notes), 20 % where it sits (context).
 */
function similarity(a: Side, b: Side): number {
  const ga = grams(a);
  const gb = grams(b);
  const noAnswers = a.answer === '' && b.answer === '';
  return blend(dice(ga.front, gb.front), signatureSimilarity(a.answer, b.answer), dice(ga.context, gb.context), noAnswers);
}

function similarityUpperBound(a: Side, b: Side): number {
  const ga = grams(a);
  const gb = grams(b);
  const noAnswers = a.answer === '' && b.answer === '';
  return blend(diceUpperBound(ga.front, gb.front), signatureSimilarity(a.answer, b.answer), 1, noAnswers);
}

/** Kinds never mix: a GUID reused under another note type is skipped by Anki as "conflicting". Two different explicit ids never match. */
function eligible(note: Side, entry: Side): boolean {
  return note.kind === entry.kind && !(note.hasId && entry.hasId);
}

export function matchNotes(notes: readonly NoteIdentity[], entries: readonly LockEntry[], options: MatchOptions = {}): MatchResult {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const noteLines = ordinalsInFile(notes);
  const entryLines = ordinalsInFile(entries);
  const state = new MatchState((i) => noteSide(notes[i], noteLines[i]), notes.length, (i) => entrySide(entries[i], entryLines[i]), entries.length, threshold);
  matchExactKeys(state, notes, entries);
  matchIndexed(state);
  const budgetExhausted = matchSimilarText(state, options.budget ?? PAIR_BUDGET);
  return { matches: state.matches, nearMisses: state.nearMisses(), budgetExhausted };
}

/**
 * The matching so far. A note's or entry's Side (its question split and normalized) is made when a phase first
 * looks at it: most notes match their entry by exact key in phase 1 and never need one.
 */
class MatchState {
  readonly matches: (Match | null)[];
  readonly taken: boolean[];
  /** Every scored pair at or above NEAR_MISS_THRESHOLD, for the near-miss report. */
  private readonly scored: Pair[] = [];
  private readonly noteSides: (Side | undefined)[];
  private readonly entrySides: (Side | undefined)[];

  constructor(
    private readonly makeNote: (index: number) => Side,
    noteCount: number,
    private readonly makeEntry: (index: number) => Side,
    entryCount: number,
    readonly threshold: number,
  ) {
    this.matches = new Array<Match | null>(noteCount).fill(null);
    this.taken = new Array<boolean>(entryCount).fill(false);
    this.noteSides = new Array<Side | undefined>(noteCount);
    this.entrySides = new Array<Side | undefined>(entryCount);
  }

  note(index: number): Side {
    return (this.noteSides[index] ??= this.makeNote(index));
  }

  entry(index: number): Side {
    return (this.entrySides[index] ??= this.makeEntry(index));
  }

  openNotes(): number[] {
    return this.matches.flatMap((match, index) => (match === null ? [index] : []));
  }

  openEntries(): number[] {
    return this.taken.flatMap((taken, index) => (taken ? [] : [index]));
  }

  take(note: number, entry: number, how: Match['how'], score: number): void {
    this.matches[note] = { entry, how, similarity: score };
    this.taken[entry] = true;
  }

  /** Scores one pair; returns it when it could matter (match or near miss). */
  score(note: number, entry: number): Pair | null {
    const a = this.note(note);
    const b = this.entry(entry);
    if (similarityUpperBound(a, b) < NEAR_MISS_THRESHOLD) return null;
    const value = similarity(a, b);
    if (value < NEAR_MISS_THRESHOLD) return null;
    const pair = { note, entry, similarity: value, sameFile: a.file === b.file };
    this.scored.push(pair);
    return pair;
  }

  /** Best pairs first; ties broken by document order of the note, then lock order. */
  assignGreedy(pairs: Pair[]): void {
    const rank = (pair: Pair): number => pair.similarity + (pair.sameFile ? SAME_FILE_BONUS : 0);
    const ordered = pairs
      .filter((pair) => pair.similarity >= this.threshold)
      .sort((x, y) => rank(y) - rank(x) || x.note - y.note || x.entry - y.entry);
    for (const pair of ordered) {
      if (this.matches[pair.note] === null && !this.taken[pair.entry]) this.take(pair.note, pair.entry, 'similar', pair.similarity);
    }
  }

  nearMisses(): (NearMiss | null)[] {
    const best = new Array<NearMiss | null>(this.matches.length).fill(null);
    for (const pair of this.scored) {
      if (this.matches[pair.note] !== null || this.taken[pair.entry]) continue;
      const current = best[pair.note];
      if (current === null || pair.similarity > current.similarity) best[pair.note] = { entry: pair.entry, similarity: pair.similarity };
    }
    return best;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T, index: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item, index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}

/**
 * Phase 1. Usually one note and one entry per key. When a key repeats (the same
 * question twice in a deck), pair within the key by content, then by distance
 * in the file, so deleting the first copy does not hand its GUID to the second.
 */
function matchExactKeys(state: MatchState, notes: readonly NoteIdentity[], entries: readonly LockEntry[]): void {
  // An entry without a key has the GUID its key derives; the others keep the key's hash.
  const entriesByKey = groupBy(entries, (entry) => entry.key ?? `guid:${entry.guid}`);
  for (const noteIndexes of groupBy(notes, identityKey).values()) {
    const { keyHash, derivedGuid } = notes[noteIndexes[0]];
    const entryIndexes = [...(entriesByKey.get(`guid:${derivedGuid}`) ?? []), ...(entriesByKey.get(keyHash) ?? [])].sort((a, b) => a - b);
    if (noteIndexes.length === 1 && entryIndexes.length === 1) {
      if (notes[noteIndexes[0]].kind === entries[entryIndexes[0]].kind) state.take(noteIndexes[0], entryIndexes[0], 'exact', 1);
      continue;
    }
    if (noteIndexes.length * entryIndexes.length > PAIR_BUDGET / 10) {
      // Hundreds of copies of one question: pair them in order rather than compare every copy with every other.
      pairInOrder(state, noteIndexes, entryIndexes, notes, entries);
      continue;
    }
    const pairs = noteIndexes.flatMap((note) =>
      entryIndexes.filter((entry) => notes[note].kind === entries[entry].kind).map((entry) => ({ note, entry })),
    );
    const detail = (pair: { note: number; entry: number }) => {
      const a = state.note(pair.note);
      const b = state.entry(pair.entry);
      return {
        ...pair,
        sameContent: a.fingerprint === b.fingerprint ? 1 : 0,
        answer: pairs.length === 1 ? 1 : signatureSimilarity(a.answer, b.answer),
        distance: a.file === b.file ? Math.abs(a.line - b.line) : Number.MAX_SAFE_INTEGER,
      };
    };
    const ordered = pairs
      .map(detail)
      .sort((x, y) => y.sameContent - x.sameContent || y.answer - x.answer || x.distance - y.distance || x.note - y.note || x.entry - y.entry);
    for (const pair of ordered) {
      if (state.matches[pair.note] === null && !state.taken[pair.entry]) state.take(pair.note, pair.entry, 'exact', 1);
    }
  }
}

function pairInOrder(state: MatchState, noteIndexes: number[], entryIndexes: number[], notes: readonly NoteIdentity[], entries: readonly LockEntry[]): void {
  const open = [...entryIndexes];
  for (const note of noteIndexes) {
    const at = open.findIndex((entry) => entries[entry].kind === notes[note].kind);
    if (at >= 0) state.take(note, open.splice(at, 1)[0], 'exact', 1);
  }
}

/**
 * Phase 2, linear via text indexes: notes that kept their front, their answer,
 * or both (a renamed heading, file or deck; a reworded question; a rewritten
 * answer). Only clear matches are taken here, so a closer pair found by the
 * scan of phase 3 is not pre-empted; a text shared by more than INDEX_BUCKET
 * old notes (a generic front like "장점") identifies nothing and is skipped.
 */
function matchIndexed(state: MatchState): void {
  const open = state.openEntries();
  const indexes: ((side: Side) => string | null)[] = [
    (side) => `${side.kind}\u0000${side.front}\u0000${side.answer}`,
    (side) => (side.front === '' ? null : `${side.kind}\u0000${side.front}`),
    (side) => (side.answer === '' ? null : `${side.kind}\u0000${side.answer}`),
  ];
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  for (const keyOf of indexes) {
    const buckets = groupBy(open, (entry) => keyOf(state.entry(entry)) ?? '');
    for (const note of state.openNotes()) {
      const key = keyOf(state.note(note));
      const bucket = key === null ? undefined : buckets.get(key);
      if (!bucket || bucket.length > INDEX_BUCKET) continue;
      for (const position of bucket) {
        const entry = open[position];
        const id = `${note}:${entry}`;
        if (seen.has(id) || !eligible(state.note(note), state.entry(entry))) continue;
        seen.add(id);
        const pair = state.score(note, entry);
        if (pair && pair.similarity >= SURE_MATCH) pairs.push(pair);
      }
    }
  }
  state.assignGreedy(pairs);
}

/**
 * Phase 3: similar text. Pairs are examined in tiers (same file, same deck,
 * anything of the same kind) until the budget is spent; returns whether it was.
 */
function matchSimilarText(state: MatchState, budget: number): boolean {
  const notes = state.openNotes();
  const entries = state.openEntries();
  if (notes.length === 0 || entries.length === 0) return false;
  const groupOpen = (keyOf: (entry: Side) => string): Map<string, number[]> => {
    const groups = new Map<string, number[]>();
    for (const entry of entries) {
      const key = keyOf(state.entry(entry));
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    return groups;
  };
  const fileGroups = groupOpen((entry) => `${entry.kind}\u0000${entry.file}`);
  const deckGroups = groupOpen((entry) => `${entry.kind}\u0000${entry.deck}`);
  const kindGroups = groupOpen((entry) => entry.kind);

  const tiers: ((note: Side) => { candidates: number[]; accept: (entry: Side) => boolean })[] = [
    (note) => ({ candidates: fileGroups.get(`${note.kind}\u0000${note.file}`) ?? [], accept: () => true }),
    (note) => ({ candidates: deckGroups.get(`${note.kind}\u0000${note.deck}`) ?? [], accept: (entry) => entry.file !== note.file }),
    (note) => ({ candidates: kindGroups.get(note.kind) ?? [], accept: (entry) => entry.file !== note.file && entry.deck !== note.deck }),
  ];

  const pairs: Pair[] = [];
  let examined = 0;
  for (const tier of tiers) {
    for (const note of notes) {
      const side = state.note(note);
      const { candidates, accept } = tier(side);
      for (const entry of candidates) {
        const other = state.entry(entry);
        if (!accept(other) || !eligible(side, other)) continue;
        if (examined++ >= budget) {
          state.assignGreedy(pairs);
          return true;
        }
        const pair = state.score(note, entry);
        if (pair) pairs.push(pair);
      }
    }
  }
  state.assignGreedy(pairs);
  return false;
}
