/**
 * Notes written for obsidian-spaced-repetition (OSR) give the cards OSR gives:
 * OSR's syntax and settings decide what is a card (questions.ts, sides.ts,
 * cloze.ts), and nothing else in the note is one — OSR makes no card of a
 * heading or a bullet list. Each side is markdown of its own, as OSR renders it.
 *
 * Decks follow OSR's topics: the flashcard tag the question starts with
 * (`#flashcards/science Q::A`), else the last flashcard tag line above it,
 * else the front matter's, else the first in the note; `#flashcards/science`
 * is the deck `flashcards::science`. Front matter `deck:` wins over all, and
 * with OSR's `convertFoldersToDecks` the folder is the deck.
 */
import type { Heading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ClozeCrafter } from 'clozecraft';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { NOTE_EXTENSION, type ExtractedNote, type NoteKind, type ReviewState } from '../../model.js';
import { isTagIn, type OsrMode, type OsrSettings } from '../../osr.js';
import { plainText } from '../../parse/mdast.js';
import { parseFragment, type ParsedFile } from '../../parse/index.js';
import { cleanDeckName, deckFor } from '../deck.js';
import { parseClozesInBlocks } from '../rules/cloze.js';
import { cleanTag, pathTag, takeInlineTags } from '../tags.js';
import { clozeCrafter, toAnkiClozes } from './cloze.js';
import { findQuestions, type OsrQuestion } from './questions.js';
import { splitQuestion, type OsrSides } from './sides.js';

interface TagLine {
  /** 0-based. */
  line: number;
  tags: string[];
}

/**
 * The OSR cards of a note, or null when it is not an OSR note (then deckgen's
 * own rules apply): in `tagged` mode, a note is one when it carries a flashcard
 * tag and holds at least one card in OSR's syntax.
 */
export function extractOsrNotes(parsed: ParsedFile, mode: OsrMode): { notes: ExtractedNote[]; diagnostics: Diagnostic[] } | null {
  if (mode.notes === 'off') return null;
  const { settings } = mode;
  const lines = contentLines(parsed.source.text);
  const tagLines = tagsByLine(lines);
  const frontMatterTags = (parsed.frontMatter.tags ?? []).map((tag) => `#${tag.replace(/^#/, '')}`);
  const allTags = [...frontMatterTags, ...tagLines.flatMap((entry) => entry.tags)];
  const flashcardTag = (tag: string) => isTagIn(settings.flashcardTags, tag);
  const tagged = allTags.some(flashcardTag);
  if (!tagged && mode.notes === 'tagged') return null;
  const crafter = clozeCrafter(settings.clozePatterns);
  const questions = findQuestions(lines.join('\n'), settings, (line) => crafter?.isClozeNote(line) ?? false);
  // Outside an OSR vault the tag alone is not enough: `#flashcards` over `- term : definition` bullets is a deckgen note.
  if (mode.notes === 'tagged' && !questions.length) return null;

  const file = parsed.source.displayPath;
  const info = (line: number, rule: string, message: string) => diagnostic(file, { line, column: 1 }, 'info', rule, message);
  const count = `${questions.length} card${questions.length === 1 ? '' : 's'} in obsidian-spaced-repetition syntax`;
  if (!tagged) {
    if (!questions.length) return { notes: [], diagnostics: [] };
    const tags = settings.flashcardTags.join(' or ');
    return { notes: [], diagnostics: [info(questions[0].firstLine + 1, 'osr-untagged', `This note has ${count} but no ${tags} tag; OSR makes no cards from it, and neither does deckgen. Tag it ${settings.flashcardTags[0]} to include them`)] };
  }
  const ignored = allTags.find((tag) => isTagIn(settings.flashcardTagsToIgnore, tag));
  if (ignored) {
    return { notes: [], diagnostics: questions.length ? [info(questions[0].firstLine + 1, 'osr-ignored', `This note is tagged ${ignored}, which OSR's settings ignore: its ${count} are not made`)] : [] };
  }
  const note = new OsrNote(parsed, settings, crafter, questions, tagLines.filter((entry) => !questions.some((q) => entry.line >= q.firstLine && entry.line <= q.lastLine)), frontMatterTags);
  return { notes: questions.map((question) => note.card(question)), diagnostics: [] };
}

class OsrNote {
  private readonly headings: { line: number; depth: number; text: string }[];
  private readonly fileTags: string[];

  constructor(
    private readonly parsed: ParsedFile,
    private readonly settings: OsrSettings,
    private readonly crafter: ClozeCrafter | null,
    private readonly questions: OsrQuestion[],
    /** Flashcard tags outside any question: the note's topics, by line. */
    private readonly noteTagLines: TagLine[],
    private readonly frontMatterTags: string[],
  ) {
    this.headings = parsed.tree.children
      .filter((node): node is Heading => node.type === 'heading')
      .map((heading) => ({ line: heading.position?.start.line ?? 0, depth: heading.depth, text: plainText(takeInlineTags(heading.children).nodes) }));
    this.fileTags = (parsed.frontMatter.tags ?? []).map(cleanTag).filter(Boolean);
  }

  card(question: OsrQuestion): ExtractedNote {
    const sides = splitQuestion(question, this.settings);
    const line = question.firstLine + 1;
    const { kind, front, back, tags } = this.content(question, sides, line);
    const topics = this.topics(question, sides);
    const headings = this.headingsAbove(line);
    const context = this.withName(headings);
    const { source } = this.parsed;
    return {
      kind,
      rule: 'osr',
      source: source.displayPath,
      relativePath: source.relativePath,
      absolutePath: source.absolutePath,
      position: { line, column: 1 },
      deck: this.deck(topics),
      context,
      headings,
      front,
      back,
      frontText: plainText(front),
      backText: plainText(back),
      tags: [...new Set([pathTag(source.relativePath, context), ...this.fileTags, ...topics.map(cleanTag), ...tags].filter(Boolean))],
      ...(sides.blockId ? { explicitId: sides.blockId } : {}),
      ...reviewByOrd(sides, kind),
    };
  }

  private content(question: OsrQuestion, sides: OsrSides, line: number): { kind: NoteKind; front: Nodes[]; back: Nodes[]; tags: string[] } {
    const file = this.parsed.source.displayPath;
    if (question.type === 'cloze') {
      const text = (this.crafter && toAnkiClozes(this.crafter, sides.front)) ?? sides.front;
      const { nodes, tags } = side(text, line + sides.backLine);
      return { kind: 'cloze', front: parseClozesInBlocks(nodes, file, { highlights: false }).nodes, back: [], tags };
    }
    const front = side(sides.front, line);
    const back = side(sides.back, line + sides.backLine);
    const kind = question.type === 'single-reversed' || question.type === 'multi-reversed' ? 'reversed' : 'basic';
    return { kind, front: front.nodes, back: back.nodes, tags: [...front.tags, ...back.tags] };
  }

  /** OSR's topic paths for one question (a question in two topics is in both of OSR's decks). */
  private topics(question: OsrQuestion, sides: OsrSides): string[] {
    if (sides.topicTag && isTagIn(this.settings.flashcardTags, sides.topicTag)) return [sides.topicTag];
    const flashcard = (tags: string[]) => tags.filter((tag) => isTagIn(this.settings.flashcardTags, tag));
    const above = [...this.noteTagLines].reverse().find((entry) => entry.line < question.firstLine && flashcard(entry.tags).length);
    if (above) return flashcard(above.tags);
    const frontMatter = flashcard(this.frontMatterTags);
    if (frontMatter.length) return frontMatter;
    const first = this.noteTagLines.find((entry) => flashcard(entry.tags).length) ?? this.questionTags().find((entry) => flashcard(entry.tags).length);
    return first ? flashcard(first.tags).slice(0, 1) : [];
  }

  private questionTags(): TagLine[] {
    return this.questions.flatMap((question) => tagsByLine(question.text.split('\n')).map((entry) => ({ ...entry, line: entry.line + question.firstLine })));
  }

  /** Anki puts a note's cards in one deck: the first topic; the others are still tags. */
  private deck(topics: string[]): string {
    const { frontMatter, source } = this.parsed;
    if (frontMatter.deck) return cleanDeckName(frontMatter.deck);
    if (this.settings.convertFoldersToDecks) {
      const folders = source.relativePath.split('/').slice(0, -1);
      return folders.length ? cleanDeckName(folders.join('::')) : deckFor(source.relativePath, undefined);
    }
    if (!topics.length) return deckFor(source.relativePath, undefined);
    return cleanDeckName(topics[0].replace(/^#/, '').split('/').join('::'));
  }

  /** The headings above a card's first line, outermost first. */
  private headingsAbove(line: number): string[] {
    const stack: { depth: number; text: string }[] = [];
    for (const heading of this.headings) {
      if (heading.line >= line) break;
      while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
      stack.push(heading);
    }
    return stack.map((heading) => heading.text).filter(Boolean);
  }

  /** OSR's context: the note's name, then the headings above the card (the name once when the first heading repeats it). */
  private withName(headings: string[]): string[] {
    const name = this.parsed.source.relativePath.split('/').pop()!.replace(NOTE_EXTENSION, '').trim();
    return !name || headings[0]?.toLowerCase() === name.toLowerCase() ? headings : [name, ...headings];
  }
}

/** OSR's schedules are in card order: basic 0, reversed 0 then 1, cloze card i = Anki's ord i. */
function reviewByOrd(sides: OsrSides, kind: NoteKind): { review?: Record<number, ReviewState> } {
  const cards = kind === 'basic' ? 1 : kind === 'reversed' ? 2 : sides.schedules.length;
  const review: Record<number, ReviewState> = {};
  sides.schedules.slice(0, cards).forEach((state, ord) => {
    if (state) review[ord] = state;
  });
  return Object.keys(review).length ? { review } : {};
}

/** One side's markdown as nodes (a lone paragraph as its text, like deckgen's own cards), its `#tags` taken out. */
function side(markdown: string, line: number): { nodes: Nodes[]; tags: string[] } {
  const tags: string[] = [];
  const tree = parseFragment(markdown, line);
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const taken = takeInlineTags(node.children as PhrasingContent[]);
    tags.push(...taken.tags);
    node.children = taken.nodes as typeof node.children;
  });
  const blocks: RootContent[] = tree.children.filter((block) => !(block.type === 'paragraph' && !plainText(block.children).trim() && block.children.every((child) => child.type === 'text')));
  const only = blocks.length === 1 && blocks[0].type === 'paragraph' ? (blocks[0] as Paragraph).children : null;
  return { nodes: only ?? blocks, tags };
}

/** The note's lines with the front matter blanked (OSR does the same, so a question may start right below it). */
function contentLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[0] !== '---') return lines;
  const end = lines.indexOf('---', 1);
  return end === -1 ? lines : lines.map((line, index) => (index <= end ? '' : line));
}

// Obsidian's tags: `#` then letters, digits, `_`, `-`, `/`, not only digits (`#1` is no tag), never in code.
const TAG = /(?:^|\s)(#[\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

function tagsByLine(lines: string[]): TagLine[] {
  const found: TagLine[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    const tags = [...line.replace(/`[^`]*`/g, '').matchAll(TAG)].map((match) => match[1]);
    if (tags.length) found.push({ line: index, tags });
  });
  return found;
}
