/**
 * The single `col` row (../shared/docs/anki-format.md §2.2, §2.5). Everything
 * here is either a constant or derived from the package content, so the same
 * notes always give the same bytes.
 */
import { NOTETYPES } from '../anki/notetype.js';

/**
 * `col.crt`, seconds: genanki's value, 2014-09-19 11:00 UTC. Anki counts
 * scheduling days from it: a review card's due day (card.ts) is a number of
 * days from this date, which is 2014-09-19 in every time zone from UTC-11 to
 * UTC+12 (in UTC+13 and UTC+14 carried-over reviews come due a day late, in
 * UTC-12 a day early).
 */
export const COLLECTION_CREATED = 1_411_124_400;

/** `col.conf`: genanki's known-good object (apkg_col.py), current note type = deckgen Basic. */
export function collectionConf(): Record<string, unknown> {
  return {
    activeDecks: [1],
    addToCur: true,
    collapseTime: 1200,
    curDeck: 1,
    curModel: String(NOTETYPES.basic.id),
    dueCounts: true,
    estTimes: true,
    newBury: true,
    newSpread: 0,
    nextPos: 1,
    sortBackwards: false,
    sortType: 'noteFld',
    timeLim: 0,
  };
}

/**
 * `col.dconf`: genanki's options group "1", verbatim (apkg_col.py). Anki only
 * reads it when the user ticks "Import any deck presets"; it must still parse.
 */
export function deckConfigs(): Record<string, unknown> {
  return {
    1: {
      autoplay: true,
      id: 1,
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
      maxTaken: 60,
      mod: 0,
      name: 'Default',
      new: {
        bury: true,
        delays: [1, 10],
        initialFactor: 2500,
        ints: [1, 4, 7],
        order: 1,
        perDay: 20,
        separate: true,
      },
      replayq: true,
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 100 },
      timer: 0,
      usn: 0,
    },
  };
}

export interface CollectionRow {
  crt: number;
  /** Milliseconds. */
  mod: number;
  /** Milliseconds. */
  scm: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
}

/**
 * @param contentMod seconds: the newest note or note type `mod`, standing in for
 *   "when this collection last changed" without reading the clock.
 */
export function collectionRow(
  contentMod: number,
  models: Record<string, unknown>,
  decks: Record<string, unknown>,
): CollectionRow {
  return {
    crt: COLLECTION_CREATED,
    mod: contentMod * 1000,
    scm: contentMod * 1000,
    conf: JSON.stringify(collectionConf()),
    models: JSON.stringify(models),
    decks: JSON.stringify(decks),
    dconf: JSON.stringify(deckConfigs()),
  };
}
