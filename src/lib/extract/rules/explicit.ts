/**
 * Rule `explicit` — card syntaxes for people coming from Obsidian spaced
 * repetition. The user has said "this is a card", so no length guard applies.
 *
 *     What does HTTP stand for? :: HyperText Transfer Protocol     → one card
 *     Capital of France ::: Paris                                  → two cards (both directions)
 *
 *     Multi-line card: the question, a line with only `?`, the answer
 *     ?
 *     Everything after the `?` line
 *
 * The `::` must have whitespace on both sides, so `std::vector` or `a::b`
 * written outside code is left alone.
 */
import type { PhrasingContent } from 'mdast';
import type { NoteKind } from '../../model.js';
import { splitPhrasing, type Split } from '../phrasing.js';

const SEPARATOR = /\s+(:{2,3})\s+/u;

export interface ExplicitCard extends Split {
  kind: Extract<NoteKind, 'basic' | 'reversed'>;
}

export function splitExplicit(nodes: PhrasingContent[]): ExplicitCard | null {
  const split = splitPhrasing(nodes, (text) => {
    const match = SEPARATOR.exec(text);
    return match ? { index: match.index, length: match[0].length, separator: match[1] } : null;
  });
  if (!split) return null;
  return { ...split, kind: split.separator === ':::' ? 'reversed' : 'basic' };
}

/** Index of the line that is only `?`, splitting a multi-line card; -1 when there is none. */
export function questionMarkLine(lines: PhrasingContent[][]): number {
  return lines.findIndex((line, index) => index > 0 && line.length === 1 && line[0].type === 'text' && line[0].value.trim() === '?');
}
