/**
 * The cards of a note, side by side, for outputs that write cards rather than
 * notes (the TSV): what Anki's card generation and deckgen's templates
 * (write/anki/notetype.ts) show on each card. A basic note has one card
 * (Front → Back), a reversed note two (Front → Back, Back → Front), a cloze note
 * one per cloze number (its gap on the question, revealed on the answer, then
 * Back Extra). Every card shows the note's Context above its question.
 */
import type { NoteKind, PackagedNote } from '../../model.js';
import { clozeSide } from './cloze.js';

/** One card's sides, as Anki field HTML. */
export interface CardSides {
  ord: number;
  /** The breadcrumb shown above the question (may be empty). */
  context: string;
  question: string;
  /** What the back shows below the question, in order; empty parts left out. */
  answer: string[];
}

// Field indexes, in NOTE_FIELDS order (model.ts): Front/Text, Back/Back Extra, Context.
const ASKED = 0;
const ANSWER = 1;
const CONTEXT = 2;

/** Of a standard note type: by card ord, which field the question asks and which answers it. */
const STANDARD_CARDS: Record<Exclude<NoteKind, 'cloze'>, readonly { asks: number; answers: number }[]> = {
  basic: [{ asks: ASKED, answers: ANSWER }],
  reversed: [
    { asks: ASKED, answers: ANSWER },
    { asks: ANSWER, answers: ASKED },
  ],
};

// Anki clamps cloze ords to 499 (notetype/cardgen.rs: `.min(499)`).
const MAX_CLOZE_ORD = 499;

/** The note's card ords, ascending; throws on ords only a bug upstream can produce. */
export function cardOrds(note: PackagedNote): number[] {
  const limit = note.kind === 'cloze' ? MAX_CLOZE_ORD : STANDARD_CARDS[note.kind].length - 1;
  const ords = [...note.ords].sort((a, b) => a - b);
  const bad = ords.find((ord, i) => !Number.isInteger(ord) || ord < 0 || ord > limit || ords[i - 1] === ord);
  if (ords.length === 0 || bad !== undefined) {
    throw new Error(`deckgen bug: note ${note.guid} (${note.kind}) has card ords [${note.ords.join(', ')}]`);
  }
  return ords;
}

export function cardSides(note: PackagedNote): CardSides[] {
  const { fields } = note;
  return cardOrds(note).map((ord) => {
    if (note.kind === 'cloze') {
      const number = ord + 1;
      return {
        ord,
        context: fields[CONTEXT],
        question: clozeSide(fields[ASKED], number, 'question'),
        answer: [clozeSide(fields[ASKED], number, 'answer'), fields[ANSWER]].filter(Boolean),
      };
    }
    const { asks, answers } = STANDARD_CARDS[note.kind][ord];
    return { ord, context: fields[CONTEXT], question: fields[asks], answer: [fields[answers]].filter(Boolean) };
  });
}
