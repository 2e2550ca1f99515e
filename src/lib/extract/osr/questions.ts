/**
 * Where the cards are in an OSR note, and of which type: OSR's own line-based
 * rules (its src/parser.ts), rewritten here rather than depended on (the
 * plugin is no library). A note is read line by line:
 *
 *     Question::Answer                      → single line (`:::` both directions)
 *     Question                              → multi-line: the lines before the `?` line
 *     ?                                       (since the last blank line) are the question,
 *     Answer, up to a blank line              the lines after it the answer (`??`: both ways)
 *     Text with a ==cloze== and the lines   → cloze: the whole block of lines around it
 *     around it
 *
 * With an end marker set (`multilineCardEndMarker`), blank lines no longer end
 * a multi-line or cloze card; the marker line does. A fenced code block is
 * taken whole (its lines are never read as separators). An HTML comment
 * starting a line hides everything up to the `-->` that closes it, nested
 * `<!--SR:…-->` schedules included (OSR itself skips to the end of the file
 * when the `-->` is not on the first line). The `<!--SR:…-->` line after a
 * single-line card belongs to that card.
 */
import type { OsrSettings } from '../../osr.js';

export type QuestionType = 'single' | 'single-reversed' | 'multi' | 'multi-reversed' | 'cloze';

export interface OsrQuestion {
  type: QuestionType;
  /** The card's lines as written (a single-line card: its line and its schedule comment). */
  text: string;
  /** 0-based, like OSR's. */
  firstLine: number;
  lastLine: number;
}

const SR_CALLOUT = '> [!sr|card-metadata]';

export function findQuestions(text: string, settings: OsrSettings, isCloze: (line: string) => boolean): OsrQuestion[] {
  const inline = [
    { separator: settings.singleLineCardSeparator, type: 'single' as const },
    { separator: settings.singleLineReversedCardSeparator, type: 'single-reversed' as const },
  ].sort((a, b) => b.separator.length - a.separator.length);
  const endMarker = settings.multilineCardEndMarker;
  const lines = text.split('\n');
  const questions: OsrQuestion[] = [];
  let cardText = '';
  let type: QuestionType | null = null;
  let first = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (line.startsWith('<!--') && !line.startsWith('<!--SR:')) {
      i = commentEnd(lines, i);
      continue;
    }
    const blank = trimmed.length === 0;
    if ((blank && !endMarker) || (blank && type === null) || (endMarker && trimmed === endMarker)) {
      if (type) questions.push({ type, text: cardText.trimEnd(), firstLine: first, lastLine: i - 1 });
      type = null;
      cardText = '';
      first = i + 1;
      continue;
    }
    cardText += (cardText.length ? '\n' : '') + line.trimEnd();
    for (const { separator, type: inlineType } of inline) {
      if (markerOutsideCode(line, separator) !== -1) {
        type = inlineType;
        break;
      }
    }
    if (type === 'single' || type === 'single-reversed') {
      let single = line;
      const start = i;
      if (lines[i + 1]?.startsWith('<!--SR:')) single += `\n${lines[++i]}`;
      else if (lines[i + 1]?.startsWith(SR_CALLOUT)) {
        for (let j = i + 1; j < lines.length; j++) {
          single += `\n${lines[j]}`;
          i++;
          if (lines[j].includes('<!--SR:')) break;
        }
      }
      questions.push({ type, text: single, firstLine: start, lastLine: i });
      type = null;
      cardText = '';
    } else if (trimmed === settings.multilineCardSeparator && settings.multilineCardSeparator) {
      if (cardText.length > 1) type = 'multi';
    } else if (trimmed === settings.multilineReversedCardSeparator && settings.multilineReversedCardSeparator) {
      if (cardText.length > 1) type = 'multi-reversed';
    } else if (line.startsWith('```') || line.startsWith('~~~')) {
      const fence = /`+|~+/.exec(line)![0];
      while (i + 1 < lines.length && !lines[i + 1].startsWith(fence)) cardText += `\n${lines[++i]}`;
      cardText += `\n${fence}`;
      i++;
    } else if (type === null && isCloze(line)) {
      type = 'cloze';
    }
  }
  if (type && cardText) questions.push({ type, text: cardText.trimEnd(), firstLine: first, lastLine: lines.length - 1 });
  return questions;
}

/** The line holding the `-->` that closes the comment opened at the start of `lines[start]`. */
function commentEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const match of lines[i].matchAll(/<!--|-->/g)) {
      depth += match[0] === '<!--' ? 1 : -1;
      if (depth === 0) return i;
    }
  }
  return lines.length;
}

/**
 * Where the separator is in the line, not counting inside `inline code` (an odd
 * number of backticks on both sides); -1 when it is not there. OSR looks only
 * at the first occurrence, so `` `a::b` in it::answer `` is no card there; here
 * the first one outside code counts.
 */
export function markerOutsideCode(line: string, marker: string): number {
  if (!marker.trim()) return -1;
  const ticks = (text: string) => text.split('`').length - 1;
  for (let at = line.indexOf(marker); at !== -1; at = line.indexOf(marker, at + 1)) {
    if (!(ticks(line.slice(0, at)) % 2 === 1 && ticks(line.slice(at + marker.length)) % 2 === 1)) return at;
  }
  return -1;
}
