/**
 * Assembles the .apkg: a schema-11 `collection.anki2` built with sql.js, the
 * `media` map and the media entries, zipped with fflate
 * (../shared/docs/anki-format.md §1.1, checklist §9).
 *
 * Reproducible by construction: ids come from the notes, every `mod` from the
 * notes or constants, zip entries carry a fixed time. Nothing reads the clock.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { DeckPackage, MediaFile, NoteKind, PackagedNote } from '../../model.js';
import { assertWritable, inDueOrder } from '../anki/notes.js';
import { cardRows } from './card.js';
import { collectionRow, type CollectionRow } from './collection.js';
import { deckIds, decksJson, withParentDecks } from './deck.js';
import { IdAllocator } from '../../ids.js';
import { noteRow } from './note.js';
import { NOTETYPES, TEMPLATE_REVISIONS } from '../anki/notetype.js';
import { notetypeJson } from './notetype.js';
import { SCHEMA_11_SQL } from './schema.js';

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js compiles its WebAssembly once per process; later builds reuse it. */
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs().catch((error: unknown) => {
    sqlJs = undefined;
    throw error;
  });
  return sqlJs;
}

/**
 * What the collection is written from. Rows are made as they are inserted, never all at once: at 100k notes an
 * array of rows was a second copy of every field, held while sql.js grew its own.
 */
interface Collection {
  col: CollectionRow;
  /** The notes in new-card order, the order ids are handed out and rows inserted in. */
  ordered: PackagedNote[];
  deckIds: Map<string, number>;
}

/** Newest `mod` per deck, counting notes in its subdecks, so parent decks get one too. */
function deckMods(notes: readonly PackagedNote[]): Map<string, number> {
  const mods = new Map<string, number>();
  for (const note of notes) {
    const parts = note.deck.split('::');
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const name = parts.slice(0, depth).join('::');
      mods.set(name, Math.max(mods.get(name) ?? 0, note.mod));
    }
  }
  return mods;
}

function planCollection(notes: readonly PackagedNote[]): Collection {
  assertWritable(notes);
  // Ids are handed out in new-card order so "Created" follows the document.
  const ordered = inDueOrder(notes);
  const ids = deckIds(withParentDecks(notes.map((note) => note.deck)));
  const kinds = Object.keys(NOTETYPES) as NoteKind[];
  // A loop, not Math.max(...): spreading 100k+ notes overflows the argument limit.
  const newestNotetype = Math.max(...kinds.map((kind) => TEMPLATE_REVISIONS[kind].mod));
  const contentMod = notes.reduce((max, note) => Math.max(max, note.mod), newestNotetype);
  const models = Object.fromEntries(kinds.map((kind) => [NOTETYPES[kind].id, notetypeJson(kind)]));
  const mods = deckMods(notes);
  const decks = decksJson(ids, (name) => mods.get(name) ?? contentMod);
  return { col: collectionRow(contentMod, models, decks), ordered, deckIds: ids };
}

/** Every note's id, in `ordered`'s order: identify() fixes most (the lock keeps them); the others are placed around them. */
function noteIds(ordered: readonly PackagedNote[]): number[] {
  const allocator = new IdAllocator();
  for (const note of ordered) if (note.noteId !== undefined) allocator.reserve(note.noteId);
  return ordered.map((note) => note.noteId ?? allocator.take(note.created * 1000));
}

function writeCollection(db: Database, { col, ordered, deckIds: ids }: Collection): void {
  db.exec(SCHEMA_11_SQL);
  db.run(
    `update col set crt = ?, mod = ?, scm = ?, ver = 11, dty = 0, usn = 0, ls = 0,
       conf = ?, models = ?, decks = ?, dconf = ?, tags = '{}' where id = 1`,
    [col.crt, col.mod, col.scm, col.conf, col.models, col.decks, col.dconf],
  );
  db.exec('begin');
  const insertNote = db.prepare(`insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`);
  // Columns: id, nid, did, ord, mod, usn, type, queue (= type for new and review cards), due, ivl, factor, reps…
  const insertCard = db.prepare(`insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, '')`);
  try {
    const nids = noteIds(ordered);
    // All notes, then all cards: the order of inserts decides the database's pages, so it stays the same.
    ordered.forEach((note, i) => {
      const n = noteRow(note, nids[i]);
      insertNote.run([n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, n.csum]);
    });
    const cardIds = new IdAllocator();
    ordered.forEach((note, i) => {
      for (const c of cardRows(note, nids[i], ids.get(note.deck)!, cardIds)) {
        insertCard.run([c.id, c.nid, c.did, c.ord, c.mod, c.type, c.type, c.due, c.ivl, c.factor]);
      }
    });
    db.exec('commit');
  } finally {
    insertNote.free();
    insertCard.free();
  }
}

async function buildCollection(notes: readonly PackagedNote[]): Promise<Uint8Array> {
  const plan = planCollection(notes);
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    writeCollection(db, plan);
    return db.export();
  } finally {
    db.close();
  }
}

/** Media sorted by name, duplicates dropped; throws on names Anki would reject (the whole import fails). */
export function packageMedia(media: readonly MediaFile[]): MediaFile[] {
  const byName = new Map<string, MediaFile>();
  for (const file of media) {
    if (file.name === '' || file.name === '.' || file.name === '..' || /[/\\]/.test(file.name)) {
      throw new Error(`deckgen bug: media name ${JSON.stringify(file.name)} is not a bare file name`);
    }
    const known = byName.get(file.name);
    if (known && !sameBytes(known.data, file.data)) {
      throw new Error(`deckgen bug: two different media files named ${JSON.stringify(file.name)}`);
    }
    byName.set(file.name, known ?? file);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Every zip entry's time. fflate writes a Date's *local* fields, so the Date is
 * built from local fields at zip time (a Date made once would shift with TZ).
 * Noon, so no daylight-saving jump can skip the hour.
 */
function zipEntryTime(): Date {
  return new Date(2000, 0, 1, 12, 0, 0);
}

// Deflating already-compressed formats only costs time.
const STORED_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'mp3', 'm4a', 'ogg', 'opus', 'mp4', 'webm',
]);

function zipLevel(name: string): 0 | 6 {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return STORED_EXTENSIONS.has(extension) ? 0 : 6;
}

function zipPackage(collection: Uint8Array, media: readonly MediaFile[]): Uint8Array {
  const map: Record<string, string> = {};
  const entries: Zippable = { 'collection.anki2': collection };
  media.forEach((file, index) => {
    map[index] = file.name;
    entries[String(index)] = [file.data, { level: zipLevel(file.name) }];
  });
  entries.media = strToU8(JSON.stringify(map));
  return zipSync(entries, { level: 6, mtime: zipEntryTime() });
}

/**
 * The .apkg bytes for a package. Same DeckPackage ⇒ same bytes.
 * Throws only on input that a bug upstream produced (duplicate GUID, wrong field count, …).
 */
export async function buildApkg(pkg: DeckPackage): Promise<Uint8Array> {
  const media = packageMedia(pkg.media);
  const collection = await buildCollection(pkg.notes);
  return zipPackage(collection, media);
}
