/**
 * `\#literal` (or `&#35;literal`) is the user saying "this is text, not a
 * tag", but the markdown parser decodes the escape, so the text node reads
 * `#literal` like a real tag. Only the source still tells them apart: each
 * escaped `#word` becomes a text node of its own marked `literalHash`, which
 * the tag rules leave alone (extract/tags.ts). Rendering is unchanged.
 */
import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

declare module 'mdast' {
  interface TextData {
    /** Starts with a `#` the user escaped: never a tag. */
    literalHash?: boolean;
  }
}

// What produces a `#` in a text node's value: the character itself, its escape, or a character reference.
const HASH_SOURCE = /\\#|&#35;|&#x23;|&num;|&#[^;]*;|#/giu;
const ESCAPED = /\\#|&#35;|&#x23;|&num;/iu;
const ESCAPED_SPELLING = new RegExp(`^(?:${ESCAPED.source})$`, 'iu');
const WORD = /^#[\p{L}\p{N}_\-/]*/u;

export function markEscapedHashes(tree: Root, text: string): void {
  // Only these spellings mark a `#` escaped (escapedHashes): a text without any, the common case, needs no walk.
  if (!ESCAPED.test(text)) return;
  visit(tree, 'text', (node, index, parent) => {
    const { start, end } = node.position ?? {};
    if (!parent || index === undefined || start?.offset === undefined || end?.offset === undefined || !node.value.includes('#')) return;
    const escaped = escapedHashes(text.slice(start.offset, end.offset));
    const hashes = [...node.value.matchAll(/#/g)].map((match) => match.index);
    // Positions only line up when every `#` of the value was found in the source; otherwise leave the node as it is.
    if (escaped.length !== hashes.length || !escaped.includes(true)) return;
    const parts = split(node, hashes.filter((_, k) => escaped[k]));
    parent.children.splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}

/** For each `#` the source produces, in order: whether the user escaped it. */
function escapedHashes(source: string): boolean[] {
  const found: boolean[] = [];
  for (const [spelling] of source.matchAll(HASH_SOURCE)) {
    if (spelling === '#') found.push(false);
    else if (ESCAPED_SPELLING.test(spelling)) found.push(true);
  }
  return found;
}

/** The node cut before each escaped `#` and after the word it starts. */
function split(node: Text, at: number[]): Text[] {
  const parts: Text[] = [];
  let last = 0;
  for (const index of at) {
    if (index > last) parts.push({ type: 'text', value: node.value.slice(last, index) });
    const word = WORD.exec(node.value.slice(index))![0];
    parts.push({ type: 'text', value: word, data: { literalHash: true } });
    last = index + word.length;
  }
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  // The pieces share the original's place: positions are only used for lines, which the first piece keeps.
  return parts.map((part, k) => (k === 0 ? { ...part, position: node.position } : part));
}
