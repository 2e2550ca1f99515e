import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { readAnkiPackage } from 'anki-reader';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTE_FIELDS, type DeckPackage, type NoteKind, type PackagedNote } from '../src/lib/model.js';
import { NOTETYPES, notetypeName, TEMPLATE_REVISIONS, templateFingerprint } from '../src/lib/write/anki/notetype.js';
import { buildApkg } from '../src/lib/write/apkg/index.js';
import { stripHtmlPreservingMedia } from '../src/lib/write/apkg/note.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const CREATED = 1_780_000_000;

function fixture(): DeckPackage {
  const basic: PackagedNote = {
    guid: 'a#1;,|x',
    kind: 'basic',
    deck: 'interview::JWT',
    fields: [
      'JWT의 <b>구조</b>는?',
      '<b>Header</b>.Payload.Signature<br><img src="3f2a9c.png"><pre><code>line1\nline2</code></pre>',
      'Interview › JWT',
      'interview.md › JWT',
    ],
    tags: ['interview::jwt', 'security'],
    ords: [0],
    mod: 1_790_000_000,
    created: CREATED,
    due: 1,
  };
  const reversed: PackagedNote = {
    guid: 'rev:2',
    kind: 'reversed',
    deck: 'cs',
    fields: ['<code>a &lt; b</code>', '<p>비교\x07 연산자</p>\n<p>다음 줄</p>', '', 'interview.md'],
    tags: [],
    ords: [0, 1],
    mod: 1_790_000_100,
    // Same second as the basic note: its ids must be bumped, not reused.
    created: CREATED,
    due: 2,
  };
  const cloze: PackagedNote = {
    guid: 'cloze`3',
    kind: 'cloze',
    deck: 'interview::JWT',
    fields: ['{{c1::서명}}은 {{c2::HMAC}}로 만든다', '', 'JWT', 'interview.md › JWT'],
    tags: ['cloze'],
    ords: [1, 0],
    mod: 1_790_000_200,
    created: CREATED + 50,
    due: 3,
  };
  const image = { name: '3f2a9c.png', data: PNG };
  // Listed out of due order and with a duplicate image: the writer sorts and dedupes.
  return { notes: [cloze, basic, reversed], media: [image, { ...image }] };
}

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
let apkg: Uint8Array;
let entries: Record<string, Uint8Array>;
let db: Database;

function rows(sql: string): Record<string, SqlValue>[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])));
}

function colJson(column: 'conf' | 'models' | 'decks' | 'dconf'): Record<string, Record<string, unknown>> {
  return JSON.parse(String(rows(`select ${column} from col`)[0][column]));
}

beforeAll(async () => {
  SQL = await initSqlJs();
  apkg = await buildApkg(fixture());
  entries = unzipSync(apkg);
  db = new SQL.Database(entries['collection.anki2']);
});

describe('apkg container', () => {
  it('holds collection.anki2, the media map and one entry per media file, no meta', () => {
    expect(Object.keys(entries).sort()).toEqual(['0', 'collection.anki2', 'media']);
    expect(JSON.parse(strFromU8(entries.media))).toEqual({ 0: '3f2a9c.png' });
    expect(entries['0']).toEqual(PNG);
  });

  it('writes an empty media map when there is no media', async () => {
    const bytes = await buildApkg({ ...fixture(), media: [] });
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(files.media)).toBe('{}');
  });

  it('is byte-identical when built twice, including the SQLite file', async () => {
    const again = await buildApkg(fixture());
    expect(again).toEqual(apkg);
    expect(unzipSync(again)['collection.anki2']).toEqual(entries['collection.anki2']);
  });

  it('does not depend on the clock or the time zone', async () => {
    const zone = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-05-05T12:34:57Z'));
      process.env.TZ = 'Asia/Seoul';
      const later = await buildApkg(fixture());
      process.env.TZ = 'America/Los_Angeles';
      const elsewhere = await buildApkg(fixture());
      expect(later).toEqual(apkg);
      expect(elsewhere).toEqual(apkg);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('changes when a note changes', async () => {
    const pkg = fixture();
    pkg.notes[0] = { ...pkg.notes[0], fields: ['{{c1::x}}', '', '', ''], mod: pkg.notes[0].mod + 1 };
    expect(await buildApkg(pkg)).not.toEqual(apkg);
  });
});

describe('collection.anki2', () => {
  it('has exactly the five schema-11 tables and seven indexes', () => {
    const objects = rows(`select type, name from sqlite_master where name not like 'sqlite_%' order by type, name`);
    expect(objects.filter((o) => o.type === 'table').map((o) => o.name)).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    expect(objects.filter((o) => o.type === 'index').map((o) => o.name)).toEqual([
      'ix_cards_nid',
      'ix_cards_sched',
      'ix_cards_usn',
      'ix_notes_csum',
      'ix_notes_usn',
      'ix_revlog_cid',
      'ix_revlog_usn',
    ]);
  });

  it('has one col row: version 11, crt in seconds, mod/scm in ms derived from the content', () => {
    const col = rows('select * from col');
    expect(col).toHaveLength(1);
    const [row] = col;
    expect(row).toMatchObject({ id: 1, ver: 11, dty: 0, usn: 0, ls: 0, tags: '{}' });
    expect(row.crt).toBe(1_411_124_400);
    const newest = Math.max(1_790_000_200, ...Object.values(TEMPLATE_REVISIONS).map((r) => r.mod));
    expect(row.mod).toBe(newest * 1000);
    expect(row.scm).toBe(newest * 1000);
    const conf = colJson('conf');
    expect(Object.keys(conf).sort()).toEqual(
      ['activeDecks', 'addToCur', 'collapseTime', 'curDeck', 'curModel', 'dueCounts', 'estTimes', 'newBury', 'newSpread', 'nextPos', 'sortBackwards', 'sortType', 'timeLim'].sort(),
    );
    expect(colJson('models')[String(conf.curModel)]).toBeDefined();
  });

  it('describes the three note types with every key Anki requires', () => {
    const models = colJson('models');
    const kinds: NoteKind[] = ['basic', 'reversed', 'cloze'];
    expect(Object.keys(models).sort()).toEqual(kinds.map((k) => String(NOTETYPES[k].id)).sort());
    for (const kind of kinds) {
      const model = models[String(NOTETYPES[kind].id)];
      expect(Object.keys(model).sort()).toEqual(
        ['css', 'did', 'flds', 'id', 'latexPost', 'latexPre', 'latexsvg', 'mod', 'name', 'req', 'sortf', 'tags', 'tmpls', 'type', 'usn', 'vers'].sort(),
      );
      expect(model).toMatchObject({ id: NOTETYPES[kind].id, name: notetypeName(kind), sortf: 0, usn: -1, did: null });
      expect(model.type).toBe(kind === 'cloze' ? 1 : 0);
      expect(model.mod).toBe(TEMPLATE_REVISIONS[kind].mod);
      expect(model.mod as number).toBeLessThan(1e11);
      const fields = model.flds as Record<string, unknown>[];
      expect(fields.map((f) => f.name)).toEqual(NOTE_FIELDS[kind]);
      for (const [ord, field] of fields.entries()) {
        expect(Object.keys(field).sort()).toEqual(['font', 'media', 'name', 'ord', 'rtl', 'size', 'sticky']);
        expect(field.ord).toBe(ord);
      }
      const templates = model.tmpls as Record<string, unknown>[];
      for (const [ord, template] of templates.entries()) {
        expect(Object.keys(template).sort()).toEqual(['afmt', 'bafmt', 'bfont', 'bqfmt', 'bsize', 'did', 'name', 'ord', 'qfmt']);
        expect(template.ord).toBe(ord);
        expect(template.qfmt).toContain('<div class="context">{{Context}}</div>');
      }
    }
    const names = (kind: NoteKind) => (models[String(NOTETYPES[kind].id)].tmpls as { name: string }[]).map((t) => t.name);
    expect(names('basic')).toEqual(['Card 1']);
    expect(names('reversed')).toEqual(['Card 1', 'Card 2']);
    expect(names('cloze')).toEqual(['Cloze']);
    const cloze = (models[String(NOTETYPES.cloze.id)].tmpls as { qfmt: string; afmt: string }[])[0];
    expect(cloze.qfmt).toContain('{{cloze:Text}}');
    expect(cloze.afmt).toContain('{{Back Extra}}');
    const card2 = (models[String(NOTETYPES.reversed.id)].tmpls as { qfmt: string }[])[1];
    expect(card2.qfmt).toContain('{{Back}}');
    expect(card2.qfmt).not.toContain('{{Front}}');
  });

  it('bumps a note type revision whenever its templates or CSS change', () => {
    for (const kind of ['basic', 'reversed', 'cloze'] as const) {
      expect(
        templateFingerprint(kind),
        `${kind} templates/CSS changed: set TEMPLATE_REVISIONS.${kind}.mod to now and paste the new fingerprint`,
      ).toBe(TEMPLATE_REVISIONS[kind].fingerprint);
    }
  });

  it('has Default, every deck used and its parents, with hashed ids', () => {
    const decks = colJson('decks');
    const byName = new Map(Object.values(decks).map((d) => [d.name as string, d]));
    expect([...byName.keys()].sort()).toEqual(['Default', 'cs', 'interview', 'interview::JWT']);
    for (const [key, deck] of Object.entries(decks)) {
      expect(String(deck.id)).toBe(key);
      for (const field of ['id', 'name', 'usn', 'collapsed', 'dyn', 'conf', 'desc', 'mod', 'lrnToday', 'revToday', 'newToday', 'timeToday']) {
        expect(deck, `deck ${String(deck.name)} lacks ${field}`).toHaveProperty(field);
      }
      expect(deck).toMatchObject({ dyn: 0, conf: 1 });
      if (deck.name !== 'Default') {
        expect(deck.id as number).toBeGreaterThanOrEqual(2 ** 30);
        expect(deck.id as number).toBeLessThan(2 ** 31);
      }
    }
    expect(byName.get('Default')!.id).toBe(1);
    expect(byName.get('interview::JWT')!.mod).toBe(1_790_000_200);
    expect(byName.get('interview')!.mod).toBe(1_790_000_200);
    expect(byName.get('cs')!.mod).toBe(1_790_000_100);
    const dconf = colJson('dconf');
    expect(Object.keys(dconf)).toEqual(['1']);
    for (const key of ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']) {
      expect(dconf['1']).toHaveProperty(key);
    }
  });

  it('keeps deck ids stable across packages with other decks', async () => {
    const alone = await buildApkg({ notes: [fixture().notes[2]], media: [] });
    const other = new SQL.Database(unzipSync(alone)['collection.anki2']);
    const decks = JSON.parse(String(other.exec('select decks from col')[0].values[0][0])) as Record<string, { name: string }>;
    const csId = Object.entries(colJson('decks')).find(([, d]) => d.name === 'cs')![0];
    expect(decks[csId].name).toBe('cs');
    other.close();
  });

  it('writes notes: fields, sort field, checksum, tags, mod in seconds', () => {
    const notes = rows('select * from notes order by id');
    expect(notes.map((n) => n.guid)).toEqual(['a#1;,|x', 'rev:2', 'cloze`3']);
    for (const note of notes) {
      expect(String(note.flds).split('\x1f')).toHaveLength(4);
      expect(note).toMatchObject({ usn: -1, flags: 0, data: '' });
      expect(note.mod as number).toBeLessThan(1e11);
    }
    const [basic, reversed, cloze] = notes;
    expect(basic.mid).toBe(NOTETYPES.basic.id);
    expect(reversed.mid).toBe(NOTETYPES.reversed.id);
    expect(cloze.mid).toBe(NOTETYPES.cloze.id);
    expect(basic.sfld).toBe('JWT의 구조는?');
    expect(reversed.sfld).toBe('a < b');
    // sha1("a < b") = c7bad0be…
    expect(reversed.csum).toBe(0xc7bad0be);
    expect(reversed.csum).toBe(3_350_909_118);
    // sha1("JWT의 구조는?") = 351b39b7…
    expect(basic.csum).toBe(0x351b39b7);
    expect(basic.tags).toBe(' interview::jwt security ');
    expect(reversed.tags).toBe('');
    expect(cloze.tags).toBe(' cloze ');
    expect(basic.mod).toBe(1_790_000_000);
    // The BEL control character is stripped; the newline and the entity stay.
    expect(String(reversed.flds).split('\x1f')).toEqual(['<code>a &lt; b</code>', '<p>비교 연산자</p>\n<p>다음 줄</p>', '', 'interview.md']);
    expect(String(basic.flds).split('\x1f')[1]).toContain('<img src="3f2a9c.png">');
    expect(rows('select typeof(id) t, typeof(mod) m, typeof(csum) c from notes').every((r) => r.t === 'integer' && r.m === 'integer' && r.c === 'integer')).toBe(true);
  });

  it('derives note and card ids from the creation time, unique, never from a counter', () => {
    const notes = rows('select id, guid from notes order by id');
    expect(notes.map((n) => n.id)).toEqual([CREATED * 1000, CREATED * 1000 + 1, (CREATED + 50) * 1000]);
    const cards = rows('select id from cards order by id').map((c) => c.id as number);
    expect(cards).toEqual([CREATED * 1000, CREATED * 1000 + 1, CREATED * 1000 + 2, (CREATED + 50) * 1000, (CREATED + 50) * 1000 + 1]);
    const tomorrow = Date.now() + 86_400_000;
    for (const id of [...notes.map((n) => n.id as number), ...cards]) expect(id).toBeLessThanOrEqual(tomorrow);
  });

  it('writes one new card per ord, in the note deck, due at the note position', () => {
    const decks = colJson('decks');
    const cards = rows('select c.*, n.guid from cards c join notes n on n.id = c.nid order by c.id');
    expect(cards.map((c) => [c.guid, c.ord, c.due])).toEqual([
      ['a#1;,|x', 0, 1],
      ['rev:2', 0, 2],
      ['rev:2', 1, 2],
      ['cloze`3', 0, 3],
      ['cloze`3', 1, 3],
    ]);
    const deckOf = (card: Record<string, SqlValue>) => decks[String(card.did)].name;
    expect(cards.map(deckOf)).toEqual(['interview::JWT', 'cs', 'cs', 'interview::JWT', 'interview::JWT']);
    expect(rows('select count(*) n from cards where did = 1')[0].n).toBe(0);
    for (const card of cards) {
      expect(card).toMatchObject({ type: 0, queue: 0, usn: -1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0, flags: 0, data: '' });
      expect(card.mod as number).toBeLessThan(1e11);
    }
  });

  it('leaves revlog and graves empty', () => {
    expect(rows('select count(*) n from revlog')[0].n).toBe(0);
    expect(rows('select count(*) n from graves')[0].n).toBe(0);
  });
});

describe('read back with anki-reader', () => {
  it('sees the decks, the cards in them and the media', async () => {
    const { collection, media } = await readAnkiPackage(new Blob([apkg.slice()]));
    const decks = Object.values(collection.getDecks());
    const cardsIn = (name: string) => Object.keys(decks.find((d) => d.getName() === name)!.getCards()).length;
    expect(decks.map((d) => d.getName()).sort()).toEqual(['Default', 'cs', 'interview', 'interview::JWT']);
    expect(cardsIn('interview::JWT')).toBe(3);
    expect(cardsIn('cs')).toBe(2);
    expect(cardsIn('Default')).toBe(0);
    const jwtCards = Object.values(decks.find((d) => d.getName() === 'interview::JWT')!.getCards());
    expect(jwtCards.map((c) => c.getFields().Context)).toContain('Interview › JWT');
    expect(collection.getVersion()).toBe(11);
    expect(Object.keys(media)).toEqual(['3f2a9c.png']);
  });
});

describe('a deck named Default (front matter `deck: Default`)', () => {
  const inDeck = (deck: string, guid: string, due: number): PackagedNote => ({ ...fixture().notes[1], guid, deck, due });

  it.each([
    ['Default', ['Default', 'Default::JWT', 'cs']],
    ['default', ['cs', 'default', 'default::JWT']],
  ])('writes one deck named %s, not id 1, holding the cards, so Anki files them in the user\'s Default deck', async (name, names) => {
    const bytes = await buildApkg({ notes: [inDeck(name, 'd1', 1), inDeck(`${name}::JWT`, 'd2', 2), inDeck('cs', 'd3', 3)], media: [] });
    const own = new SQL.Database(unzipSync(bytes)['collection.anki2']);
    try {
      const decks = JSON.parse(String(own.exec('select decks from col')[0].values[0][0])) as Record<string, { id: number; name: string }>;
      // Anki compares deck names case-insensitively; a second "Default" would be renamed "Default_" on import.
      expect(Object.values(decks).map((d) => d.name).sort()).toEqual(names);
      expect(Object.keys(decks)).not.toContain('1');
      const cards = own.exec('select c.did, n.guid from cards c join notes n on n.id = c.nid order by n.guid')[0].values;
      expect(cards.map(([did]) => did)).not.toContain(1);
      expect(cards.filter(([, guid]) => guid === 'd1').map(([did]) => decks[String(did)].name)).toEqual([name]);
    } finally {
      own.close();
    }
    const { collection } = await readAnkiPackage(new Blob([bytes.slice()]));
    const read = Object.values(collection.getDecks());
    expect(read.filter((d) => d.getName().toLowerCase() === 'default')).toHaveLength(1);
    expect(Object.keys(read.find((d) => d.getName() === name)!.getCards())).toHaveLength(1);
  });
});

describe('media', () => {
  it('are deduped and sorted by the writer: any order and repetition gives the same bytes', async () => {
    const gif = { name: '0a1b.gif', data: new Uint8Array([0x47, 0x49, 0x46]) };
    const png = { name: '3f2a9c.png', data: PNG };
    const once = await buildApkg({ ...fixture(), media: [gif, png] });
    const shuffled = await buildApkg({ ...fixture(), media: [png, { ...gif }, png, gif, { ...png }] });
    expect(shuffled).toEqual(once);
    expect(JSON.parse(strFromU8(unzipSync(once).media))).toEqual({ 0: '0a1b.gif', 1: '3f2a9c.png' });
  });
});

describe('invariants', () => {
  it('throws on a duplicate GUID', async () => {
    const pkg = fixture();
    pkg.notes.push({ ...pkg.notes[0], due: 9 });
    await expect(buildApkg(pkg)).rejects.toThrow(/duplicate GUID/);
  });

  it('throws on a field count that differs from the note type', async () => {
    const pkg = fixture();
    pkg.notes[0] = { ...pkg.notes[0], fields: ['only one'] };
    await expect(buildApkg(pkg)).rejects.toThrow(/fields/);
  });

  it('throws on mod in milliseconds and on an ord the note type lacks', async () => {
    const ms = fixture();
    ms.notes[0] = { ...ms.notes[0], mod: 1_790_000_000_000 };
    await expect(buildApkg(ms)).rejects.toThrow(/seconds/);
    const ord = fixture();
    ord.notes[1] = { ...ord.notes[1], kind: 'basic', ords: [0, 1] };
    await expect(buildApkg(ord)).rejects.toThrow(/ords/);
  });

  it('strips HTML like Anki, keeping media names', () => {
    expect(stripHtmlPreservingMedia('a<!-- x --><b>b</b><style>p{}</style><img src="x.png">&amp;&nbsp;c')).toBe('ab x.png & c');
    expect(stripHtmlPreservingMedia("<audio src='s.mp3'>")).toBe(' s.mp3 ');
  });

  it('builds a 5,000-note package', async () => {
    const notes: PackagedNote[] = Array.from({ length: 5000 }, (_, i) => ({
      guid: `g${i}`,
      kind: i % 3 === 0 ? 'cloze' : i % 3 === 1 ? 'reversed' : 'basic',
      deck: `big::part${i % 7}`,
      fields: [i % 3 === 0 ? `{{c1::항목}} ${i}` : `질문 ${i}`, `<b>답</b> ${i}`, `맥락 ${i % 10}`, `part${i % 7}.md › 맥락 ${i % 10}`],
      tags: [`t${i % 5}`],
      ords: i % 3 === 1 ? [0, 1] : [0],
      mod: 1_790_000_000 + i,
      created: CREATED,
      due: i + 1,
    }));
    const bytes = await buildApkg({ notes, media: [] });
    const big = new SQL.Database(unzipSync(bytes)['collection.anki2']);
    expect(big.exec('select count(*), count(distinct id) from notes')[0].values[0]).toEqual([5000, 5000]);
    expect(big.exec('select count(*), count(distinct id) from cards')[0].values[0]).toEqual([6667, 6667]);
    expect(big.exec('select max(id) from notes')[0].values[0][0]).toBe(CREATED * 1000 + 4999);
    big.close();
  });
});
