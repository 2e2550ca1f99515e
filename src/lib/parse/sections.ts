/**
 * A large file is parsed in pieces cut before top-level headings, so one big
 * `interview.md` costs time in proportion to its size: micromark's cost per
 * document grows faster than the document (its event edit map), and a few
 * tens of kilobytes at a time keeps it on the straight part of that curve.
 *
 * The pieces give the very tree a whole-file parse gives, because a cut is
 * only made where no markdown construct can run across it:
 * - before an ATX heading line at column 1 that follows a blank line: it ends
 *   any list, block quote (so any callout), paragraph (so any inline comment
 *   or wikilink), table or HTML block of the blank-line kind;
 * - never when the piece before it ends in an unclosed fenced code, math or
 *   HTML block, or an Obsidian `%%` comment block (those run to the end of the
 *   document): then the two pieces are parsed as one — and once that has gone
 *   on for MAX_JOINED pieces, the rest of the file is parsed as one, so an
 *   unclosed fence costs one more parse, not one per piece;
 * - never in a file with a link, image or footnote definition (`[x]: …`):
 *   those resolve across the whole file.
 * Positions are shifted back to the file's lines and offsets.
 */
import type { Nodes, Root } from 'mdast';

/** Below this a file is parsed whole; each piece is about this long. */
export const SECTION_CHARS = 32_000;
/** Pieces joined behind a block left open before the rest of the file is parsed in one go. */
const MAX_JOINED = 4;

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /\[[^\]\n]+\]:/;

interface Piece {
  text: string;
  /** Line (0-based) and offset of the piece's first character in the whole text. */
  line: number;
  offset: number;
}

/**
 * `parse` is called once per piece (or with the whole text), with the line
 * (0-based) the piece starts at; when it returns null (the piece is over a
 * budget), so does this.
 */
export function parseInSections(text: string, parse: (text: string, line: number) => Root | null): Root | null {
  if (text.length <= 2 * SECTION_CHARS || DEFINITION.test(text)) return parse(text, 0);
  const root: Root = { type: 'root', children: [] };
  const all = pieces(text);
  let pending: Piece | null = null;
  let joined = 0;
  for (let index = 0; index < all.length; index++) {
    let current: Piece = pending ? { ...pending, text: pending.text + all[index].text } : all[index];
    if (pending && ++joined >= MAX_JOINED) {
      current = { ...pending, text: text.slice(pending.offset) };
      index = all.length - 1;
    }
    const tree = parse(current.text, current.line);
    if (!tree) return null;
    // What is open at the end of the file stays open: that is how a whole-file parse ends too.
    if (index < all.length - 1 && endsOpen(tree, current.text)) {
      pending = current;
      continue;
    }
    pending = null;
    joined = 0;
    for (const child of tree.children) {
      shift(child, current.line, current.offset);
      root.children.push(child);
    }
  }
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: endPoint(text),
  };
  return root;
}

/** Pieces of about SECTION_CHARS, each starting at a heading line after a blank line (the first at 0). */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let previousBlank = true;
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline + 1;
    const content = text.slice(at, newline < 0 ? text.length : newline);
    if (previousBlank && at - start >= SECTION_CHARS && HEADING.test(content)) {
      out.push({ text: text.slice(start, at), line: startLine, offset: start });
      start = at;
      startLine = line;
    }
    previousBlank = content.trim() === '';
    at = end;
  }
  out.push({ text: text.slice(start), line: startLine, offset: start });
  return out;
}

/**
 * Unclosed fenced code, math and raw HTML blocks run to the very end of the
 * text, trailing blank lines included; closed ones end before the blank line
 * every cut follows. An Obsidian comment block leaves no node at all.
 */
function endsOpen(tree: Root, text: string): boolean {
  let node: Nodes = tree;
  while ('children' in node && node.children.length > 0) {
    node = node.children[node.children.length - 1] as Nodes;
    if ((node.type === 'code' || node.type === 'math' || node.type === 'html') && node.position?.end.offset === text.length) return true;
  }
  const last = tree.children.at(-1);
  return commentOpenAtEnd(text.slice(last?.position?.end.offset ?? 0));
}

/**
 * After the last block there are only blank lines and `%%` comment blocks
 * (parse/comment.ts): one opens on a line starting with `%%` that holds no
 * second `%%`, and runs to the next line holding `%%` — or, unclosed, to the
 * end of the document.
 */
function commentOpenAtEnd(tail: string): boolean {
  let open = false;
  for (const line of tail.split('\n')) {
    if (open) open = !line.includes('%%');
    else open = /^[ \t]*%%/.test(line) && !line.trimStart().slice(2).includes('%%');
  }
  return open;
}

/** Moves a tree's positions by the piece's place in the file; a loop, as the tree is not depth-bounded yet. */
function shift(root: Nodes, lines: number, offset: number): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position;
    if (position) {
      position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
      position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lastNewline = text.lastIndexOf('\n');
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return { line: lines, column: text.length - lastNewline, offset: text.length };
}
