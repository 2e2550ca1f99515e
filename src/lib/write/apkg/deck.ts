/**
 * `col.decks` (../shared/docs/anki-format.md §2.4, §3.3). Anki matches decks by
 * name and ignores the ids, but the ids must be unique in the package and
 * should not change between builds, so they are hashed from the name.
 */
import { createHash } from 'node:crypto';

/** Anki's Default deck. Present (as genanki writes it) but never holds a card. */
export const DEFAULT_DECK_ID = 1;

/**
 * Whether a deck of ours is named like Anki's Default deck. Anki compares deck
 * names case-insensitively (anki-format.md §3.3), so "default" is the same deck.
 */
export function isDefaultDeckName(name: string): boolean {
  return name.toLowerCase() === 'default';
}

const ID_FLOOR = 2 ** 30;
const ID_SPAN = 2 ** 30;

/** Every deck name used, plus all parents (`a::b::c` needs `a` and `a::b`), sorted. */
export function withParentDecks(names: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const name of names) {
    const parts = name.split('::');
    if (parts.some((part) => part.trim() === '')) {
      throw new Error(`deckgen bug: deck name ${JSON.stringify(name)} has an empty part`);
    }
    for (let depth = 1; depth <= parts.length; depth += 1) all.add(parts.slice(0, depth).join('::'));
  }
  return [...all].sort();
}

function hashedDeckId(name: string): number {
  const digest = createHash('sha1').update(`deckgen deck\0${name}`, 'utf8').digest();
  return ID_FLOOR + (digest.readUInt32BE(0) % ID_SPAN);
}

/**
 * Deck id per name, in [1<<30, 1<<31) like genanki's. A hash collision moves
 * the later name (in sorted order) to the next free id, so the result depends
 * only on the set of names.
 */
export function deckIds(sortedNames: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>([DEFAULT_DECK_ID]);
  for (const name of sortedNames) {
    let id = hashedDeckId(name);
    while (taken.has(id)) id = ID_FLOOR + ((id - ID_FLOOR + 1) % ID_SPAN);
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

/** genanki's Default deck, verbatim (apkg_col.py). */
function defaultDeckJson(): Record<string, unknown> {
  return {
    collapsed: false,
    conf: 1,
    desc: '',
    dyn: 0,
    extendNew: 10,
    extendRev: 50,
    id: DEFAULT_DECK_ID,
    lrnToday: [0, 0],
    mod: 1_425_279_151,
    name: 'Default',
    newToday: [0, 0],
    revToday: [0, 0],
    timeToday: [0, 0],
    usn: 0,
  };
}

/** genanki's `Deck.to_json` shape, with the "today" counters zeroed. */
function deckJson(id: number, name: string, mod: number): Record<string, unknown> {
  return {
    collapsed: false,
    conf: 1,
    desc: '',
    dyn: 0,
    extendNew: 0,
    extendRev: 50,
    id,
    lrnToday: [0, 0],
    mod,
    name,
    newToday: [0, 0],
    revToday: [0, 0],
    timeToday: [0, 0],
    usn: -1,
  };
}

/**
 * Deck 1 plus ours. When the notes use a deck named Default (front matter
 * `deck: Default`), deck 1 is left out: deck names must be unique, and ours
 * carries the cards. Anki never imports deck 1 without scheduling, and matches
 * ours to the user's own Default deck by name (anki-format.md §2.4, §3.3), so
 * the cards land in it — while no card ever has did 1.
 * @param modOf seconds: the deck's `mod`, derived from its notes so builds are reproducible.
 */
export function decksJson(ids: ReadonlyMap<string, number>, modOf: (name: string) => number): Record<string, unknown> {
  const ownDefault = [...ids.keys()].some(isDefaultDeckName);
  const decks: Record<string, unknown> = ownDefault ? {} : { [DEFAULT_DECK_ID]: defaultDeckJson() };
  for (const [name, id] of ids) decks[id] = deckJson(id, name, modOf(name));
  return decks;
}
