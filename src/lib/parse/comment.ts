/**
 * Obsidian comments, as a micromark extension (remark plugin `remarkComments`):
 * what they hold is never shown, so it never reaches a card.
 *
 *     Paging splits memory %%ask about TLBs%% into pages.     inline, may span lines of one paragraph
 *
 *     %%                                                        a block: from a line starting with `%%`
 *     - draft bullet : not yet a card                          to the next line holding `%%`
 *     %%                                                        (or the end of the file, as in Obsidian)
 *
 * They produce no node at all. `%%` inside code or math is code or math: those
 * constructs start first.
 */
import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

const PERCENT = 37;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianComment: 'obsidianComment';
    obsidianCommentBody: 'obsidianCommentBody';
  }
}

const inlineComment: Construct = { name: 'obsidianComment', tokenize: tokenizeInline };
const blockComment: Construct = { name: 'obsidianCommentBlock', tokenize: tokenizeBlock, concrete: true };

export function commentSyntax(): Extension {
  return { text: { [PERCENT]: inlineComment }, flow: { [PERCENT]: blockComment } };
}

/** `%%…%%` inside a paragraph; not closed in it, the `%%` is plain text. */
function tokenizeInline(effects: Effects, ok: State, nok: State): State {
  const body: State = (code) => {
    if (code === null) return nok(code);
    if (code === PERCENT) return effects.attempt({ tokenize: tokenizeClose, partial: true }, done, inBody)(code);
    return inBody(code);
  };
  const inBody: State = (code) => {
    if (code === null) return nok(code);
    effects.consume(code);
    return body;
  };
  const done: State = (code) => {
    effects.exit('obsidianCommentBody');
    effects.exit('obsidianComment');
    return ok(code);
  };
  return openComment(effects, nok, body);
}

function tokenizeClose(effects: Effects, ok: State, nok: State): State {
  return percents(effects, nok, ok);
}

/** Consumes `%%`, then goes on with `next`. */
function percents(effects: Effects, nok: State, next: State): State {
  const second: State = (code) => {
    if (code !== PERCENT) return nok(code);
    effects.consume(code);
    return next;
  };
  return (code) => {
    if (code !== PERCENT) return nok(code);
    effects.consume(code);
    return second;
  };
}

/** Enters a comment at its opening `%%`. */
function openComment(effects: Effects, nok: State, next: State): State {
  const marker = percents(effects, nok, next);
  return (code) => {
    effects.enter('obsidianComment');
    effects.enter('obsidianCommentBody');
    return marker(code);
  };
}

/**
 * A line starting with `%%` that does not close on the same line opens a
 * block: everything up to the line holding the closing `%%` (that whole line
 * included) is comment, across blank lines, lists and headings.
 */
function tokenizeBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let closing = 0;
  // The opening line: if it closes here, it is an inline comment (the paragraph's business).
  const firstLine: State = (code) => {
    // Asked only whether it may interrupt a paragraph (like a code fence, it may): the opening line says so.
    if ((code === null || markdownLineEnding(code)) && this.interrupt) return ok(code);
    if (code === null || markdownLineEnding(code)) return lineEnd(code);
    closing = code === PERCENT ? closing + 1 : 0;
    if (closing === 2) return nok(code);
    effects.consume(code);
    return firstLine;
  };
  // Line endings go through nonLazyContinuation, so a comment inside a quote or list ends with it.
  const lineEnd: State = (code) => {
    effects.exit('obsidianCommentBody');
    if (code === null) return after(code);
    return effects.attempt(nonLazyContinuation, lineStart, after)(code);
  };
  const lineStart: State = (code) => {
    if (code === null) return after(code);
    if (markdownLineEnding(code)) return effects.attempt(nonLazyContinuation, lineStart, after)(code);
    effects.enter('obsidianCommentBody');
    closing = 0;
    return line(code);
  };
  const line: State = (code) => {
    if (code === null || markdownLineEnding(code)) return lineEnd(code);
    closing = code === PERCENT ? closing + 1 : 0;
    effects.consume(code);
    return closing === 2 ? rest : line;
  };
  const rest: State = (code) => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('obsidianCommentBody');
      return after(code);
    }
    effects.consume(code);
    return rest;
  };
  const after: State = (code: Code) => {
    effects.exit('obsidianComment');
    return ok(code);
  };
  return openComment(effects, nok, firstLine);
}

const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

/** As in micromark's fenced code: the next line continues the block unless it is a lazy line. */
function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const lineStart: State = (code) => (this.parser.lazy[this.now().line] ? nok(code) : ok(code));
  return (code) => {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  };
}

/** remark plugin: drop Obsidian comments while parsing. */
export function remarkComments(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(commentSyntax());
}

