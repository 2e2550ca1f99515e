/** Reads a generated .apkg back the way Anki does: unzip, open collection.anki2 with SQLite. */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';

export interface ApkgNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  fields: string[];
}

export interface ApkgContents {
  entries: Record<string, Uint8Array>;
  db: Database;
  notes: ApkgNote[];
  cards: { id: number; nid: number; did: number; ord: number; due: number }[];
  decks: Record<string, { id: number; name: string }>;
  models: Record<string, { id: number; name: string; flds: { name: string }[]; mod: number }>;
  media: Record<string, string>;
}

export async function readApkg(path: string): Promise<ApkgContents> {
  const entries = unzipSync(readFileSync(path));
  const SQL = await initSqlJs();
  const db = new SQL.Database(entries['collection.anki2']);
  const rows = <T>(sql: string) => {
    const result = db.exec(sql)[0];
    if (!result) return [] as T[];
    return result.values.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])) as T);
  };
  const notes = rows<{ id: number; guid: string; mid: number; mod: number; tags: string; flds: string }>(
    'SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id',
  ).map(({ flds, ...note }) => ({ ...note, fields: flds.split('\x1f') }));
  const cards = rows<ApkgContents['cards'][number]>('SELECT id, nid, did, ord, due FROM cards ORDER BY id');
  const col = rows<{ decks: string; models: string }>('SELECT decks, models FROM col')[0];
  const media = JSON.parse(new TextDecoder().decode(entries.media)) as Record<string, string>;
  return { entries, db, notes, cards, decks: JSON.parse(col.decks), models: JSON.parse(col.models), media };
}
