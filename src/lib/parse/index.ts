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
import { dropMdx, type CodeImage } from './mdx.js';
import { markEscapedHashes } from './escaped-hash.js';
import { attachFootnotes } from './footnotes.js';
import { boundDepth } from '../tree-depth.js';
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

/** The markdown parser with every syntax extension, before the tree transforms (exported for the sections test). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function parseFile(source: SourceFile): { parsed: ParsedFile | null; diagnostics: Diagnostic[] } {
  const split = splitFrontMatter(source);
  if ('diagnostic' in split) return { parsed: null, diagnostics: [split.diagnostic] };
  const checked = checkFrontMatter(split.data, source.displayPath);
  if ('diagnostic' in checked) return { parsed: null, diagnostics: [checked.diagnostic] };
  const budget = overBudget(split.body, source.displayPath);
  if (budget) return { parsed: null, diagnostics: [budget] };
  const parsed = parseTree(split.body, source.displayPath);
  if ('diagnostic' in parsed) return { parsed: null, diagnostics: [parsed.diagnostic] };
  const { tree, deep, images } = parsed;
  const diagnostics = deep.length ? [tooDeep(source.displayPath, deep[0].position?.start)] : [];
  for (const image of images) {
    const message = `Image "${image.alt}" takes its source from the site's code (src=${image.source}), which deckgen cannot follow; it was left out with its figure and caption`;
    diagnostics.push(diagnostic(source.displayPath, image, 'warning', 'media-unsupported', message));
  }
  return { parsed: { source, frontMatter: checked.frontMatter, tree }, diagnostics };
}

type ParsedTree = { tree: Root; deep: ReturnType<typeof boundDepth>; images: CodeImage[] };

/**
 * The tree and the nodes cut at the depth bound (`boundDepth`). With `file`, each stretch the parser takes in one go
 * (the whole text, or a section of a large one) is held to MAX_HEADINGS; a fragment is part of a file that was.
 */
function parseTree(text: string): ParsedTree;
function parseTree(text: string, file: string): ParsedTree | { diagnostic: Diagnostic };
function parseTree(text: string, file?: string): ParsedTree | { diagnostic: Diagnostic } {
  const budget: { over: Diagnostic | null } = { over: null };
  const parseWithin = (piece: string, line: number): Root | null => {
    budget.over = file === undefined ? null : tooManyHeadings(piece, line, piece.length === text.length, file);
    return budget.over ? null : parseMarkdown(piece);
  };
  // protectTablePipes keeps the text's length, so positions still point into the text.
  const tree = parseInSections(protectTablePipes(text), parseWithin);
  // null only when a stretch was over the budget.
  if (!tree) return { diagnostic: budget.over! };
  // Bounded before the other tree walks, which recurse.
  const deep = boundDepth(tree, MAX_TREE_DEPTH);
  restoreTablePipes(tree);
  dropSpanningComments(tree, text);
  replaceShortcodes(tree);
  markBlockIds(tree);
  dropEmptyParagraphs(tree);
  markCallouts(tree);
  const images = dropMdx(tree);
  resolveReferences(tree);
  markDisplayMath(tree, text);
  markEscapedHashes(tree, text);
  attachFootnotes(tree);
  return { tree, deep, images };
}

/**
 * Markdown that is one part of a file — a side of an obsidian-spaced-repetition
 * card, which OSR renders as markdown of its own — with its positions moved to
 * where it starts in the file (lines moved; offsets dropped, since they would point into the fragment).
 */
export function parseFragment(markdown: string, firstLine: number): Root {
  const { tree } = parseTree(markdown);
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
    const result = matter(closedWithDashes(source.text), {});
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

/** Nodes inside each other deeper than this keep only their text (tree-depth.ts). Real notes stay far below it. */
export const MAX_TREE_DEPTH = 100;
/**
 * Per-file budget. The markdown parser (micromark) takes time that grows with
 * the square of the number of headings it parses in one go (2,000 headings ≈
 * 2 s, 20,000 ≈ 84 s), and memory ≈ 200× the file size, so one pathological
 * file could stall the whole build. A large file is parsed in sections
 * (sections.ts), so the heading limit holds for each section: only headings
 * with no blank line before them, where no cut can be made, add up. Above
 * either limit the file is skipped with `file-too-large` (its notes keep
 * their lock entries): split it.
 */
export const MAX_FILE_CHARS = 2_000_000;
export const MAX_HEADINGS = 2_000;

const SPLIT_IT = 'split it into several files; it was skipped and its notes keep their identities';

function overBudget(body: string, file: string): Diagnostic | null {
  if (body.length <= MAX_FILE_CHARS) return null;
  return diagnostic(file, null, 'error', 'file-too-large', `This file has ${body.length.toLocaleString('en')} characters (limit ${MAX_FILE_CHARS.toLocaleString('en')}): ${SPLIT_IT}`);
}

/** `line` (0-based) is where the piece starts; `whole`: the piece is the whole file. */
function tooManyHeadings(piece: string, line: number, whole: boolean, file: string): Diagnostic | null {
  // ATX headings, and the underlines of setext headings (thematic breaks count too: a cheap, safe overestimate).
  const headings = piece.match(/^ {0,3}(#{1,6}(?=[ \t]|$)|=+[ \t]*$|-{2,}[ \t]*$)/gm)?.length ?? 0;
  if (headings <= MAX_HEADINGS) return null;
  const count = `${headings.toLocaleString('en')} headings (limit ${MAX_HEADINGS.toLocaleString('en')})`;
  if (whole) return diagnostic(file, null, 'error', 'file-too-large', `This file has ${count}, which would take minutes to parse: ${SPLIT_IT}`);
  const place = { line: line + 1, column: 1 };
  return diagnostic(file, place, 'error', 'file-too-large', `From here this file has ${count} with no blank line before a heading where the parser could cut it, which would take minutes to parse: ${SPLIT_IT}`);
}

function tooDeep(file: string, place: { line: number; column: number } | undefined): Diagnostic {
  return diagnostic(file, place ?? null, 'error', 'nesting-too-deep', `Quotes, lists or emphasis are nested more than ${MAX_TREE_DEPTH} levels deep here; what is deeper is kept as plain text`);
}

/**
 * YAML ends a document with `...` as well as `---` (Pandoc and Jekyll accept both); gray-matter only knows
 * `---`, and read the rest of the file as a second YAML document. The line is swapped, so lines keep their numbers.
 */
function closedWithDashes(text: string): string {
  const lines = text.split('\n');
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (close === -1 || !lines[close].startsWith('...')) return text;
  lines[close] = '---';
  return lines.join('\n');
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
    if (data.deck.split('::').every((level) => !level.trim())) return problem(`Front matter \`deck: "${data.deck.trim()}"\` names no deck, only \`::\` separators`);
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
