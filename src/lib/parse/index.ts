/**
 * Parse stage: front matter (gray-matter) and the markdown syntax tree (remark
 * with GFM and math). Every file is parsed exactly once; later stages work on
 * the tree and never re-parse text — except the sides of obsidian-spaced-repetition
 * cards, which OSR renders as markdown of their own (parseFragment).
 */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGemoji from 'remark-gemoji';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { FrontMatter, SourceFile } from '../model.js';
import { dropEmptyParagraphs, markBlockIds } from './block-id.js';
import { markCallouts } from './callout.js';
import { remarkComments } from './comment.js';
import { dropSpanningComments } from './html-comments.js';
import { markDisplayMath } from './display-math.js';
import { markEscapedHashes } from './escaped-hash.js';
import { attachFootnotes } from './footnotes.js';
import { resolveReferences } from './references.js';
import { parseInSections } from './sections.js';
import { protectTablePipes, remarkWikilinks, restoreTablePipes } from './wikilink.js';

export interface ParsedFile {
  source: SourceFile;
  frontMatter: FrontMatter;
  tree: Root;
}

// remark-cjk-friendly: CommonMark's flanking rule leaves `**트랜잭션(Transaction)**은` literal (punctuation before
// the closing `**`, a Korean particle right after it); the extension lets emphasis close there, as Korean notes expect.
const processor = remark().use(remarkGfm).use(remarkMath).use(remarkCjkFriendly).use(remarkWikilinks).use(remarkComments);
// `:star:` is the emoji ⭐ on a card, as GitHub shows it, not the shortcode (remark-gemoji's transform, run on the parsed tree).
const replaceShortcodes = remarkGemoji();

export function parseFile(source: SourceFile): { parsed: ParsedFile | null; diagnostics: Diagnostic[] } {
  const split = splitFrontMatter(source);
  if ('diagnostic' in split) return { parsed: null, diagnostics: [split.diagnostic] };
  const checked = checkFrontMatter(split.data, source.displayPath);
  if ('diagnostic' in checked) return { parsed: null, diagnostics: [checked.diagnostic] };
  const tree = parseTree(split.body);
  return { parsed: { source, frontMatter: checked.frontMatter, tree }, diagnostics: [] };
}

function parseTree(text: string): Root {
  // protectTablePipes keeps the text's length, so positions still point into the text.
  const tree = parseInSections(protectTablePipes(text), (piece) => processor.parse(piece));
  restoreTablePipes(tree);
  dropSpanningComments(tree, text);
  replaceShortcodes(tree);
  markBlockIds(tree);
  dropEmptyParagraphs(tree);
  markCallouts(tree);
  resolveReferences(tree);
  markDisplayMath(tree, text);
  markEscapedHashes(tree, text);
  attachFootnotes(tree);
  return tree;
}

/**
 * Markdown that is one part of a file — a side of an obsidian-spaced-repetition
 * card, which OSR renders as markdown of its own — with its positions moved to
 * where it starts in the file (lines moved; offsets dropped, since they would point into the fragment).
 */
export function parseFragment(markdown: string, firstLine: number): Root {
  const tree = parseTree(markdown);
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    node.position = {
      start: { line: position.start.line + firstLine - 1, column: position.start.column },
      end: { line: position.end.line + firstLine - 1, column: position.end.column },
    };
  });
  return tree;
}

/**
 * The body keeps one blank line per front matter line so that every position
 * in the tree is a position in the user's file.
 */
function splitFrontMatter(source: SourceFile): { data: Record<string, unknown>; body: string } | { diagnostic: Diagnostic } {
  if (!/^---[ \t]*\n/.test(source.text)) return { data: {}, body: source.text };
  if (!/\n(---|\.\.\.)[ \t]*(\n|$)/.test(source.text)) {
    // An opening `---` with no closing one: a thematic break, unless the next line reads like YAML.
    if (!/^---[ \t]*\n[\w-]+[ \t]*:/.test(source.text)) return { data: {}, body: source.text };
    return { diagnostic: frontMatterProblem(source, { line: 1, column: 1 }, 'Front matter opened here is never closed with `---`') };
  }
  try {
    // gray-matter caches by input string; a fresh options object disables that so edits are always seen.
    const result = matter(source.text, {});
    if (typeof result.data !== 'object' || result.data === null || Array.isArray(result.data)) {
      return { diagnostic: frontMatterProblem(source, { line: 2, column: 1 }, 'Front matter must be `key: value` lines (a YAML mapping)') };
    }
    const headerLength = source.text.length - result.content.length;
    const headerLines = source.text.slice(0, headerLength).split('\n').length - 1;
    return { data: result.data ?? {}, body: '\n'.repeat(headerLines) + result.content };
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? 'invalid YAML';
    // gray-matter hands js-yaml the text from the end of the opening `---` (line 1), newline included,
    // so js-yaml's 0-based line is one less than the file's line.
    const place = mark?.line !== undefined ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : { line: 1, column: 1 };
    return { diagnostic: frontMatterProblem(source, place, `Front matter is not valid YAML (${reason})`) };
  }
}

function frontMatterProblem(source: SourceFile, place: { line: number; column: number }, message: string): Diagnostic {
  return diagnostic(source.displayPath, place, 'error', 'front-matter-invalid', `${message}; the file was skipped`);
}

function checkFrontMatter(data: Record<string, unknown>, file: string): { frontMatter: FrontMatter } | { diagnostic: Diagnostic } {
  const problem = (message: string) => ({
    diagnostic: diagnostic(file, { line: 1, column: 1 }, 'error', 'front-matter-invalid', `${message}; the file was skipped`),
  });
  const frontMatter: FrontMatter = {};
  if (data.deck !== undefined) {
    if (typeof data.deck !== 'string' || !data.deck.trim()) return problem('Front matter `deck` must be a non-empty text');
    frontMatter.deck = data.deck.trim();
  }
  // Obsidian leaves `tags:` empty (null) in new notes and templates, and writes list items as `- #tag` or `- tag`.
  if (data.tags !== undefined && data.tags !== null) {
    const written = typeof data.tags === 'string' || typeof data.tags === 'number' ? String(data.tags).split(/[\s,]+/) : data.tags;
    const tags = Array.isArray(written) ? written.filter((tag) => tag !== null) : written;
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
      return problem('Front matter `tags` must be a list of tags or a space-separated text');
    }
    frontMatter.tags = tags.map(String).filter(Boolean);
  }
  if (data['excalidraw-plugin'] !== undefined) frontMatter.excalidraw = true;
  if (data.cards !== undefined) {
    if (typeof data.cards !== 'boolean') return problem('Front matter `cards` must be true or false');
    frontMatter.cards = data.cards;
  }
  if (data.prose !== undefined) {
    if (typeof data.prose !== 'boolean') return problem('Front matter `prose` must be true or false');
    frontMatter.prose = data.prose;
  }
  // Other tools own `title`: one that is not a text is theirs to judge, and deckgen just does without it.
  if (typeof data.title === 'string' && data.title.trim()) frontMatter.title = data.title.trim();
  return { frontMatter };
}
