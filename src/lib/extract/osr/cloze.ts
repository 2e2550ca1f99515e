/**
 * OSR clozes, read by clozecraft (the library OSR itself uses, so its patterns,
 * hints and groups mean exactly what they mean in OSR), written back in Anki's
 * own syntax for the cloze rule to read:
 *
 *     Brazilians speak ==Portuguese;;language==        → Brazilians speak {{c1::Portuguese::language}}
 *     ==1;;Paris== is the ==1;;capital== of ==2;;France== → {{c1::Paris}} is the {{c1::capital}} of {{c2::France}}
 *
 * clozecraft only renders cards; where each deletion sits is found by asking
 * it for each card with the asked deletions wrapped in private-use markers,
 * and lining that text up with the card's back where every deletion shows its
 * answer. Deletions a pattern only hides (clozecraft's `h` sequences) have no
 * Anki counterpart: they are shown.
 */
import { ClozeCrafter, type IClozeFormatter } from 'clozecraft';

const OPEN = '\uE000';
const HINT = '\uE001';
const CLOSE = '\uE002';

const shown: IClozeFormatter = { asking: (answer) => answer, showingAnswer: (answer) => answer, hiding: (answer) => answer };
const marked: IClozeFormatter = { ...shown, asking: (answer, hint) => `${OPEN}${answer}${HINT}${hint ?? ''}${CLOSE}` };


/** null when there are no patterns, or one clozecraft refuses (the read stage reports and drops those). */
export function clozeCrafter(patterns: readonly string[]): ClozeCrafter | null {
  try {
    return patterns.length ? new ClozeCrafter([...patterns]) : null;
  } catch {
    return null;
  }
}

interface Deletion {
  start: number;
  end: number;
  number: number;
  hint: string;
}

/** The text with every deletion written `{{cN::answer::hint}}`; null when it holds none. */
export function toAnkiClozes(crafter: ClozeCrafter, text: string): string | null {
  const note = crafter.createClozeNote(text);
  if (!note || note.numCards === 0) return null;
  const plain = note.getCardBack(0, shown);
  const deletions: Deletion[] = [];
  for (let card = 0; card < note.numCards; card++) deletions.push(...askedIn(note.getCardFront(card, marked), card + 1));
  deletions.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const deletion of deletions) {
    if (deletion.start < at) continue; // asked on two cards: Anki gives a deletion one number
    const answer = plain.slice(deletion.start, deletion.end);
    out += `${plain.slice(at, deletion.start)}{{c${deletion.number}::${answer}${deletion.hint ? `::${deletion.hint}` : ''}}}`;
    at = deletion.end;
  }
  return out + plain.slice(at);
}

/** Where the marked deletions of one card are, as offsets in the all-answers text. */
function askedIn(front: string, number: number): Deletion[] {
  const found: Deletion[] = [];
  let overhead = 0;
  for (const match of front.matchAll(new RegExp(`${OPEN}([^${HINT}]*)${HINT}([^${CLOSE}]*)${CLOSE}`, 'gu'))) {
    const start = match.index - overhead;
    found.push({ start, end: start + match[1].length, number, hint: match[2] });
    overhead += match[0].length - match[1].length;
  }
  return found;
}
