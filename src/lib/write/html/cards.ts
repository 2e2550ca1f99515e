/**
 * What the preview shows of each card: both sides rendered through the note
 * type's templates as Anki renders them (anki/template.ts), from the fields as
 * Anki stores them, with the card's deck, tags, source and diagnostics.
 */
import { decodeHTML, escapeAttribute } from 'entities';
import mime from 'mime';
import { cardOrds } from '../anki/cards.js';
import { cleanField } from '../anki/notes.js';
import { NOTETYPES } from '../anki/notetype.js';
import { renderCard } from '../anki/template.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostic.js';
import type { CompiledNote, MediaFile, PackagedNote } from '../../model.js';

type Note = CompiledNote['note'];

export interface PreviewCard {
  guid: string;
  ord: number;
  deck: string;
  /** Note type and card template, as Anki's browser names them: `deckgen Cloze`, `Cloze 2`. */
  notetype: string;
  template: string;
  question: string;
  answer: string;
  tags: string[];
  file: string;
  line: number;
  /** Lower-case text of both sides, the tags and the deck: what the search box looks in. */
  search: string;
  /** Indexes into PreviewData.diagnostics. */
  problems: number[];
  /** Anki would show this card as empty (a deckgen bug if it ever happens). */
  empty: boolean;
}

export interface PreviewDiagnostic extends Diagnostic {
  /** Indexes into PreviewData.cards of the cards it is about; empty when it is about no card. */
  cards: number[];
}

export interface PreviewData {
  title: string;
  decks: string[];
  cards: PreviewCard[];
  diagnostics: PreviewDiagnostic[];
  /** Media name → data: URL, for the names the cards use. */
  media: Record<string, string>;
}

/**
 * The page's data. `notes` are the notes `pkg` was identified from, in the
 * same order (identify() keeps it); `diagnostics` are the build's.
 */
export function previewData(title: string, packaged: readonly PackagedNote[], notes: readonly CompiledNote[], media: readonly MediaFile[], diagnostics: readonly Diagnostic[]): PreviewData {
  if (packaged.length !== notes.length) throw new Error(`deckgen bug: ${packaged.length} packaged notes for ${notes.length} rendered ones`);
  const order = packaged.map((_, index) => index).sort((a, b) => compare(packaged[a].deck, packaged[b].deck) || packaged[a].due - packaged[b].due);
  const cards: PreviewCard[] = [];
  const cardsOfNote = new Map<Note, number[]>();
  for (const index of order) {
    const made = noteCards(packaged[index], notes[index].note);
    cardsOfNote.set(notes[index].note, made.map((_, offset) => cards.length + offset));
    cards.push(...made);
  }
  const attached = attach(sortDiagnostics(diagnostics), notes.map(({ note }) => note), cardsOfNote);
  attached.forEach((problem, index) => {
    for (const card of problem.cards) cards[card].problems.push(index);
  });
  return {
    title,
    decks: [...new Set(packaged.map((note) => note.deck))].sort(compare),
    cards,
    diagnostics: attached,
    media: mediaUrls(media, cards),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function noteCards(note: PackagedNote, source: Note): PreviewCard[] {
  const notetype = NOTETYPES[note.kind];
  const fields = note.fields.map(cleanField);
  // The same cards, in the same order, as the .apkg holds (write/apkg/card.ts).
  return cardOrds(note).map((ord) => {
    const { question, answer, empty } = renderCard(notetype, fields, ord);
    return {
      guid: note.guid,
      ord,
      deck: note.deck,
      notetype: notetype.name,
      template: notetype.type === 1 ? `${notetype.templates[0].name} ${ord + 1}` : notetype.templates[ord].name,
      question: playable(question),
      answer: playable(answer),
      tags: note.tags,
      file: source.source,
      line: source.position.line,
      search: searchText(answer, note),
      problems: [],
      empty,
    };
  });
}

/** The answer side holds the question too (`{{FrontSide}}`, or the whole cloze text). */
function searchText(answer: string, note: PackagedNote): string {
  const text = decodeHTML(answer.replace(/<[^>]*>/g, ' '));
  return [text, ...note.tags, note.deck].join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Anki plays `[sound:name]` (audio and video alike) with its own player; a
 * page plays it with the browser's. The name is one deckgen wrote (a content
 * hash), escaped all the same.
 */
function playable(html: string): string {
  return html.replace(/\[sound:([^\]]+)\]/g, (_all, name: string) => {
    const tag = mime.getType(name)?.startsWith('video/') ? 'video' : 'audio';
    return `<${tag} controls preload="none" src="${escapeAttribute(name)}"></${tag}>`;
  });
}

/**
 * Each diagnostic goes beside the note it is about: the innermost note of its
 * file whose lines hold it (a parent bullet's card spans its children's).
 */
function attach(diagnostics: readonly Diagnostic[], notes: readonly Note[], cardsOfNote: ReadonlyMap<Note, number[]>): PreviewDiagnostic[] {
  const byFile = new Map<string, { note: Note; first: number; last: number }[]>();
  for (const note of notes) {
    const spans = byFile.get(note.source) ?? [];
    spans.push({ note, first: note.position.line, last: note.lastLine });
    byFile.set(note.source, spans);
  }
  return diagnostics.map((problem) => {
    const { line } = problem;
    let best: { note: Note; first: number } | null = null;
    if (line !== null) {
      for (const span of byFile.get(problem.file) ?? []) {
        if (span.first <= line && line <= span.last && (!best || span.first > best.first)) best = span;
      }
    }
    return { ...problem, cards: best ? (cardsOfNote.get(best.note) ?? []) : [] };
  });
}

function mediaUrls(media: readonly MediaFile[], cards: readonly PreviewCard[]): Record<string, string> {
  const used = new Set<string>();
  for (const card of cards) {
    for (const [, name] of `${card.question}${card.answer}`.matchAll(/\bsrc="([^"]+)"/g)) used.add(decodeHTML(name));
  }
  const urls: Record<string, string> = {};
  for (const file of [...media].sort((a, b) => compare(a.name, b.name))) {
    if (!used.has(file.name) || file.name in urls) continue;
    urls[file.name] = `data:${mime.getType(file.name) ?? 'application/octet-stream'};base64,${Buffer.from(file.data).toString('base64')}`;
  }
  return urls;
}
