/**
 * The schema-11 collection DDL, verbatim from Anki's `rslib/src/storage/schema11.sql`
 * (identical to genanki's `apkg_schema.py`). Anki upgrades this to its current
 * schema on import, so the file must hold exactly these 5 tables and 7 indexes
 * and none of the newer tables (see ../shared/docs/anki-format.md §2.1).
 *
 * The trailing `insert into col` is Anki's own placeholder row; package.ts
 * fills it with an UPDATE, as Anki does when it creates a collection.
 */
export const SCHEMA_11_SQL = `create table col
(
    id     integer primary key,
    crt    integer not null,
    mod    integer not null,
    scm    integer not null,
    ver    integer not null,
    dty    integer not null,
    usn    integer not null,
    ls     integer not null,
    conf   text    not null,
    models text    not null,
    decks  text    not null,
    dconf  text    not null,
    tags   text    not null
);

create table notes
(
    id    integer primary key,
    guid  text    not null,
    mid   integer not null,
    mod   integer not null,
    usn   integer not null,
    tags  text    not null,
    flds  text    not null,
    sfld  integer not null,
    csum  integer not null,
    flags integer not null,
    data  text    not null
);

create table cards
(
    id     integer primary key,
    nid    integer not null,
    did    integer not null,
    ord    integer not null,
    mod    integer not null,
    usn    integer not null,
    type   integer not null,
    queue  integer not null,
    due    integer not null,
    ivl    integer not null,
    factor integer not null,
    reps   integer not null,
    lapses integer not null,
    left   integer not null,
    odue   integer not null,
    odid   integer not null,
    flags  integer not null,
    data   text    not null
);

create table revlog
(
    id      integer primary key,
    cid     integer not null,
    usn     integer not null,
    ease    integer not null,
    ivl     integer not null,
    lastIvl integer not null,
    factor  integer not null,
    time    integer not null,
    type    integer not null
);

create table graves
(
    usn  integer not null,
    oid  integer not null,
    type integer not null
);

-- syncing
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
-- card spacing, etc
create index ix_cards_nid on cards (nid);
-- scheduling and deck limiting
create index ix_cards_sched on cards (did, queue, due);
-- revlog by card
create index ix_revlog_cid on revlog (cid);
-- field uniqueness
create index ix_notes_csum on notes (csum);

insert into col values (1,0,0,0,0,0,0,0,'{}','{}','{}','{}','{}');
`;

/** The tables and indexes the DDL creates, for tests and self-checks. */
export const SCHEMA_11_TABLES = ['cards', 'col', 'graves', 'notes', 'revlog'] as const;
export const SCHEMA_11_INDEXES = [
  'ix_cards_nid',
  'ix_cards_sched',
  'ix_cards_usn',
  'ix_notes_csum',
  'ix_notes_usn',
  'ix_revlog_cid',
  'ix_revlog_usn',
] as const;
