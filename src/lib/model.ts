/**
 * The data that flows between pipeline stages:
 *
 *   read → parse → extract → validate → render → identify → write (apkg, csv)
 *
 * Each stage is a function from one of these shapes to the next. Stages share
 * only these types, never each other's internals.
 */
import type { Nodes as MdastNodes } from 'mdast';

/** Which Anki note type a note uses. The ids and fields behind each are fixed forever (write/anki/notetype.ts). */
export type NoteKind = 'basic' | 'reversed' | 'cloze';

/**
 * Fields of each note type, in Anki's field order. Never reorder, rename or extend: every change asks each user
 * to merge note types on their next import (README "Importing into Anki"). `Source` was added in issue 10.
 */
export const NOTE_FIELDS: Record<NoteKind, readonly string[]> = {
  basic: ['Front', 'Back', 'Context', 'Source'],
  reversed: ['Front', 'Back', 'Context', 'Source'],
  cloze: ['Text', 'Back Extra', 'Context', 'Source'],
};

/** What a notes file's name ends with (`.MD` and `.markdown` too); without it, the name is the file's title and deck. */
export const NOTE_EXTENSION = /\.(md|markdown)$/i;

/** Between the parts of a breadcrumb, on cards and in reports: `JWT › 구조 › 헤더`. */
export const CONTEXT_SEPARATOR = ' › ';

/** Times are whole seconds; anything at or above this is milliseconds by mistake (seconds reach it in 5138). */
export const MAX_SECONDS = 1e11;

export interface Position {
  line: number;
  column: number;
}

/** A markdown file as read from disk: decoded, BOM stripped, line endings normalized to \n. */
export interface SourceFile {
  /** Absolute path, for reading media next to the note. */
  absolutePath: string;
  /** Path shown to the user in diagnostics (relative to the working directory), posix separators. */
  displayPath: string;
  /** Path relative to the notes folder, posix separators (drives the default deck name and tags). */
  relativePath: string;
  text: string;
}

/** Front matter keys deckgen understands; anything else is ignored. */
export interface FrontMatter {
  deck?: string;
  tags?: string[];
  cards?: boolean;
  /** Cards of long prose sections too (rules/prose-section.ts). */
  prose?: boolean;
  /** The file's title, when its first heading is not (Docusaurus, Hugo, Obsidian Publish): what its cards are about. */
  title?: string;
  /** `excalidraw-plugin:` is set: the file is an Excalidraw drawing, not a note. */
  excalidraw?: boolean;
}

/**
 * One note as the user wrote it, before rendering. Content is kept as mdast
 * so no stage parses markdown twice; it is plain JSON, so it can be cached or
 * sent to a worker.
 */
export interface ExtractedNote {
  kind: NoteKind;
  /** Which extraction rule produced it (e.g. `definition`, `list`), for reports and tests. */
  rule: string;
  source: SourceFile['displayPath'];
  relativePath: string;
  /** Absolute path of the markdown file, so the renderer can resolve relative image paths. */
  absolutePath: string;
  position: Position;
  /** Anki deck name, hierarchy joined by `::`. */
  deck: string;
  /** Breadcrumb shown on the question side: heading path, pseudo-headings and parent bullets. */
  context: string[];
  /** The headings above the note in its file, outermost first (plain text): where the note comes from. */
  headings: string[];
  /** Question side (cloze: the text with cloze markers). */
  front: MdastNodes[];
  /** Answer side (cloze: "Back Extra", may be empty). */
  back: MdastNodes[];
  /** Plain-text versions used for identity, duplicate checks and messages. */
  frontText: string;
  backText: string;
  /** Anki tags: no whitespace inside, hierarchy joined by `::`. */
  tags: string[];
  /** An explicit id written by the user (`^my-id` or `<!-- id: my-id -->`); wins over every other identity rule. */
  explicitId?: string;
  /** Review state by card ord, for cards reviewed elsewhere before (see ReviewState). */
  review?: Record<number, ReviewState>;
}

/**
 * A card's review state carried over from another program (obsidian-spaced-repetition's `<!--SR:…-->`
 * comments), for Anki's "Import any learning progress". Anki applies it only to cards it does not have yet.
 */
export interface ReviewState {
  /** `YYYY-MM-DD`, the day the card is next due. */
  due: string;
  /** Days. */
  interval: number;
  /** Anki's factor, per mille (2500 = ease 2.5). */
  factor: number;
}

/** A media file to ship inside the package, under a bare content-hashed name. */
export interface MediaFile {
  name: string;
  data: Uint8Array;
}

/** A note without its markdown trees: what the stages after the compile unit read (note rules across files, identify, writers). */
export type NoteInfo = Omit<ExtractedNote, 'front' | 'back'>;

/** A note with its fields rendered to Anki HTML, in NOTE_FIELDS order. */
export interface RenderedNote<Note extends NoteInfo = ExtractedNote> {
  note: Note;
  fields: string[];
  /** Card ords this note yields: basic [0], reversed [0, 1], cloze [n-1 for each cloze number]. */
  ords: number[];
  media: MediaFile[];
}

/**
 * A rendered note as the compile unit hands it on (compile/index.ts): its markdown trees are left behind, since
 * every rule that reads them has run by then, so a result is small to cache and to send from a worker thread.
 */
export type CompiledNote = RenderedNote<NoteInfo & {
  /** The last line of its file the note spans (the preview places diagnostics by it). */
  lastLine: number;
}>;

/** A note ready to be written: identity decided. */
export interface PackagedNote {
  guid: string;
  kind: NoteKind;
  deck: string;
  fields: string[];
  tags: string[];
  ords: number[];
  /** Seconds: when this note's content last changed (Anki updates a note only if this is newer). */
  mod: number;
  /** Seconds: when deckgen first saw this note (becomes Anki's "Created" via the note id). */
  created: number;
  /** 1-based position in document order; the new-card position of all the note's cards. */
  due: number;
  /** Anki note id, fixed by identify once (see docs/identity.md); the writer allocates one when absent. */
  noteId?: number;
  /** Cards already reviewed elsewhere, by ord; the others are new. */
  review?: Record<number, ReviewState>;
}

/** Everything one output file holds. */
export interface DeckPackage {
  notes: PackagedNote[];
  media: MediaFile[];
}

/**
 * A cloze deletion inside a note's text, produced by extraction from `==text==`
 * or `{{c1::text::hint}}` and rendered as Anki's `{{cN::…::hint}}`.
 */
export interface Cloze {
  type: 'cloze';
  number: number;
  hint?: string;
  children: import('mdast').PhrasingContent[];
  position?: import('unist').Position;
}

/**
 * An Obsidian internal link `[[target#anchor|alias]]` (parse/wikilink.ts).
 * Its one text child is what the card shows (the alias, else the note name,
 * else the heading): a link to a note means nothing inside Anki.
 */
export interface WikiLink {
  type: 'wikiLink';
  /** Note path as written, without `#anchor` (empty for `[[#Heading]]`). */
  target: string;
  /** Heading (`Heading`, `A#B`) or block (`^id`) after the first `#`. */
  anchor?: string;
  alias?: string;
  children: import('mdast').Text[];
  position?: import('unist').Position;
}

/**
 * An Obsidian embed `![[target#anchor|alias]]`: an image, audio or video file
 * (bundled as media), or a note (shown as its name). Its text child, if any,
 * is what stands in for it when it cannot be shown.
 */
export interface Embed extends Omit<WikiLink, 'type'> {
  type: 'embed';
}

/** An Obsidian block id ` ^id` (parse/block-id.ts): not content, rendered as nothing. */
export interface BlockId {
  type: 'blockId';
  value: string;
  position?: import('unist').Position;
}

/**
 * An Obsidian callout `> [!type]± Title` (parse/callout.ts): a styled box on a
 * card; with a title of its own, the title asks about its body like a heading.
 */
export interface Callout {
  type: 'callout';
  /** Obsidian's base type (`note`, `tip`, `warning`, …); aliases and unknown types already mapped. */
  calloutType: string;
  fold?: '+' | '-';
  /** The written title, else the type as written, capitalized. */
  title: import('mdast').PhrasingContent[];
  /** Whether the user wrote a title (else it is only the type's name). */
  titled: boolean;
  children: import('mdast').BlockContent[];
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface BlockContentMap {
    callout: Callout;
  }
  interface PhrasingContentMap {
    cloze: Cloze;
    blockId: BlockId;
    wikiLink: WikiLink;
    embed: Embed;
  }
  interface RootContentMap {
    callout: Callout;
    cloze: Cloze;
    blockId: BlockId;
    wikiLink: WikiLink;
    embed: Embed;
  }
}
