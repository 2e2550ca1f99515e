/**
 * One OSR question's text into what the card needs (OSR's QuestionText and
 * question types): the schedule comments come off, a tag at the very start is
 * the question's topic (its deck), a trailing ` ^block-id` is its id, and the
 * rest splits into front and back at the separator.
 *
 *     #flashcards/science Q5::A5 <!--SR:!2023-09-02,4,270--> ^d7cee0
 *       → topic #flashcards/science, front `Q5`, back `A5`, id d7cee0, one schedule
 */
import type { ReviewState } from '../../model.js';
import type { OsrSettings } from '../../osr.js';
import { markerOutsideCode, type OsrQuestion } from './questions.js';

export interface OsrSides {
  topicTag: string | null;
  blockId: string | null;
  /** One per card of the question, in OSR's order (reversed: forward then backward; cloze: by card); null: not reviewed yet. */
  schedules: (ReviewState | null)[];
  /** A cloze's whole text is its front; its back is empty. */
  front: string;
  back: string;
  /** Line of the question where the back starts, relative to the question's first line. */
  backLine: number;
}

const SCHEDULE_COMMENT = /<!--SR:.+?-->/gm;
// One `!`-entry per card: `!2023-09-03,1,230` (SM-2: due, interval, ease in %) or `!fsrs,…`.
const SM2_ENTRY = /^(?:(\d{4}-\d{2}-\d{2})|(\d{2})-(\d{2})-(\d{4})),(\d+),(\d+)/;
// OSR's date for a card of the question that was never reviewed (RepItemScheduleInfoOsr.dummyDueDateForNewCard).
const NOT_REVIEWED = '2000-01-01';
const LEADING_TAG = /^#[^\s#]+/;
const BLOCK_ID = / (\^[a-zA-Z0-9-]+)$/;
const LIST_MARKER = /^(?:[-*+]|\d+[.)])(?:\s+\[[ xX]\])?\s+/;
const CALLOUT_LINE = /^>\s*(\[!sr\|card-metadata\])?\s*$/;

export function splitQuestion(question: OsrQuestion, settings: OsrSettings): OsrSides {
  const schedules = [...question.text.matchAll(SCHEDULE_COMMENT)].flatMap((comment) => comment[0].slice('<!--SR:'.length, -'-->'.length).split('!').slice(1).map(reviewState));
  let text = question.text
    .replace(SCHEDULE_COMMENT, '')
    .split('\n')
    .filter((line, index) => index === 0 || !CALLOUT_LINE.test(line))
    .join('\n')
    .trimEnd();
  // Leading lines that are blank (the question started on a tag line) do not move the sides' lines.
  let skipped = 0;
  let topicTag: string | null = null;
  const tag = LEADING_TAG.exec(text.trimStart());
  if (tag) {
    topicTag = tag[0];
    const rest = text.trimStart().slice(tag[0].length);
    skipped = countLines(text.slice(0, text.length - rest.length));
    const after = rest.trimStart();
    skipped += countLines(rest.slice(0, rest.length - after.length));
    text = after;
  }
  let blockId: string | null = null;
  const id = BLOCK_ID.exec(text);
  if (id) {
    blockId = id[1].slice(1);
    text = text.slice(0, id.index).trimEnd();
  }
  return { topicTag, blockId, schedules, ...sides(question.type, text, settings, skipped) };
}

/** FSRS entries have no SM-2 state Anki could take as it is: those cards start new. */
function reviewState(entry: string): ReviewState | null {
  const match = SM2_ENTRY.exec(entry);
  if (!match) return null;
  const due = match[1] ?? `${match[4]}-${match[3]}-${match[2]}`;
  if (due === NOT_REVIEWED || Number.isNaN(Date.parse(due))) return null;
  return { due, interval: Number(match[5]), factor: Number(match[6]) * 10 };
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

function sides(type: OsrQuestion['type'], text: string, settings: OsrSettings, skipped: number): Pick<OsrSides, 'front' | 'back' | 'backLine'> {
  if (type === 'cloze') return { front: text, back: '', backLine: skipped };
  if (type === 'single' || type === 'single-reversed') {
    const separator = type === 'single' ? settings.singleLineCardSeparator : settings.singleLineReversedCardSeparator;
    const at = markerOutsideCode(text, separator);
    // `- Q::A`: the bullet is where the card sits in the note, not part of its question.
    const front = text.slice(0, at).trim().replace(LIST_MARKER, '');
    return { front, back: text.slice(at + separator.length).trim(), backLine: skipped };
  }
  const separator = type === 'multi' ? settings.multilineCardSeparator : settings.multilineReversedCardSeparator;
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === separator);
  return { front: dedent(lines.slice(0, at)), back: dedent(lines.slice(at + 1)), backLine: skipped + at + 1 };
}

/** Indentation common to all lines is layout in the note, not a code block on the card. */
function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n').trim();
}
