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
 * Without spaces, `::` is a card only where it cannot be a name in code:
 *
 *     What is HTTP?::HyperText Transfer Protocol                   → one card (`?` is no part of a name)
 *     사과::apple                                                   → one card
 *     std::vector 는 동적 배열이다 / use std::vector for arrays     → prose: a name inside a sentence
 *     Question::Answer / Capital of France::Paris                   → no card, warning `explicit-unspaced`
 *
 * The last two could be a name (`France::Paris` is shaped like `std::vector`)
 * or a card written for obsidian-spaced-repetition, whose notes (with their
 * `#flashcards` tag) take it as a card; elsewhere the user is told, not guessed for.
 */
import type { PhrasingContent } from 'mdast';
import type { NoteKind } from '../../model.js';
import { splitPhrasing, type Split } from '../phrasing.js';

// At the very end (`- What is X? ::`) the answer was forgotten: split, so the empty side is reported.
const SEPARATOR = /\s+(:{2,3})(\s+|$)/u;

export interface ExplicitCard extends Split {
  kind: Extract<NoteKind, 'basic' | 'reversed'>;
}

export function splitExplicit(nodes: PhrasingContent[]): ExplicitCard | null {
  const split = splitPhrasing(nodes, (text) => {
    const match = SEPARATOR.exec(text);
    return match ? { index: match.index, length: match[0].length, separator: match[1] } : null;
  });
  return split && asCard(split);
}

const UNSPACED = /(?<=\S)(?<!:)(:{2,3})(?!:)(?=\S)/gu;
const NAME_CHAR = /^[A-Za-z0-9_]$/;

export type Unspaced = { card: ExplicitCard } | { ambiguous: string } | null;

/** `Q::A` with no spaces around the separator (see the module comment for when it is a card). */
export function splitUnspaced(nodes: PhrasingContent[]): Unspaced {
  let ambiguous: string | null = null;
  const split = splitPhrasing(nodes, (text) => {
    for (const match of text.matchAll(UNSPACED)) {
      const at = match.index;
      if (!NAME_CHAR.test(text[at - 1]) || !NAME_CHAR.test(text[at + match[0].length])) return { index: at, length: match[0].length, separator: match[1] };
      // `std::vector 는 …`, `use std::vector for arrays`: the sentence goes on after the name, so it is prose.
      const afterName = text.slice(at).replace(/^\S*/u, '');
      if (!/[\p{L}\p{N}]/u.test(afterName)) ambiguous ??= /\S*$/u.exec(text.slice(0, at))![0] + /^\S*/u.exec(text.slice(at))![0];
    }
    return null;
  });
  if (split) return { card: asCard(split) };
  return ambiguous ? { ambiguous } : null;
}

function asCard(split: Split): ExplicitCard {
  return { ...split, kind: split.separator === ':::' ? 'reversed' : 'basic' };
}

/** Index of the line that is only `?`, splitting a multi-line card; -1 when there is none. */
export function questionMarkLine(lines: PhrasingContent[][]): number {
  return lines.findIndex((line, index) => index > 0 && line.length === 1 && line[0].type === 'text' && line[0].value.trim() === '?');
}
