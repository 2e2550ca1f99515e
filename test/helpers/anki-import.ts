/**
 * Anki's .apkg note import rule, applied to packages read by anki-reader (a
 * reader nobody here wrote), to show what re-importing a new build does to a
 * collection that imported the previous ones.
 *
 * The rule (../shared/docs/anki-format.md §3.2 and §3.4, Anki's defaults):
 * notes are matched by GUID only; a GUID not in the collection is added; a
 * known GUID with the same notetype id is updated iff the incoming `mod` is
 * strictly newer, else skipped as up to date; with another notetype id it is
 * "conflicting" and skipped. Nothing is ever deleted, and existing cards keep
 * their deck.
 */
import { readAnkiPackage } from 'anki-reader';

export interface PackageNote {
  guid: string;
  /** Note id (Anki's "Created" time in ms). */
  id: number;
  /** Seconds. */
  mod: number;
  /** Notetype id. */
  mid: string;
  fields: string[];
  /** Deck name of each of the note's cards. */
  decks: string[];
}

/**
 * Reads every note of a package. anki-reader exposes decks (name) and their
 * cards (note id, notetype id, fields) but neither the note GUID nor the note
 * `mod`; those two come from SQL on anki-reader's own database handle
 * (`collection.getRawCollection()`), joined on the note id.
 */
export async function readPackageNotes(bytes: Uint8Array): Promise<Map<string, PackageNote>> {
  const { collection } = await readAnkiPackage(new Blob([new Uint8Array(bytes)])); // a copy: Blob wants an ArrayBuffer-backed view
  const byId = new Map<number, PackageNote>();
  for (const deck of Object.values(collection.getDecks())) {
    for (const card of Object.values(deck.getCards())) {
      const id = Number(card.getNoteId());
      const note = byId.get(id) ?? { guid: '', id, mod: 0, mid: card.getModelId(), fields: card.getOrderedFields(), decks: [] };
      note.decks.push(deck.getName());
      byId.set(id, note);
    }
  }
  const rows = collection.getRawCollection().exec('SELECT id, guid, mod FROM notes')[0]?.values ?? [];
  const byGuid = new Map<string, PackageNote>();
  for (const [id, guid, mod] of rows) {
    const note = byId.get(Number(id));
    if (!note) throw new Error(`note ${String(id)} has no card`);
    note.guid = String(guid);
    note.mod = Number(mod);
    byGuid.set(note.guid, note);
  }
  if (byGuid.size !== byId.size) throw new Error('two notes share a GUID, or a card points to no note');
  return byGuid;
}

/** A collection after some imports: one note per GUID. */
export type Collection = Map<string, PackageNote>;

export interface ImportLog {
  added: string[];
  updated: string[];
  /** Anki's "Notes skipped, as up-to-date copies are already in your collection". */
  upToDate: string[];
  conflicting: string[];
}

/** Imports a package into `collection` in place (Anki's default "Update notes: If newer"); returns GUIDs per outcome. */
export function importPackage(collection: Collection, incoming: Map<string, PackageNote>): ImportLog {
  const log: ImportLog = { added: [], updated: [], upToDate: [], conflicting: [] };
  for (const note of incoming.values()) {
    const existing = collection.get(note.guid);
    if (!existing) {
      // add_note keeps the incoming id unless a note has it (uniquify_note_id: +999 until free).
      let id = note.id;
      while ([...collection.values()].some((other) => other.id === id)) id += 999;
      collection.set(note.guid, { ...note, id, decks: [...note.decks] });
      log.added.push(note.guid);
    } else if (existing.mid !== note.mid) {
      log.conflicting.push(note.guid);
    } else if (existing.mod < note.mod) {
      // Fields, tags and mod replaced; cards (and so their decks and review history) untouched.
      collection.set(note.guid, { ...note, id: existing.id, decks: existing.decks });
      log.updated.push(note.guid);
    } else {
      log.upToDate.push(note.guid);
    }
  }
  return log;
}
