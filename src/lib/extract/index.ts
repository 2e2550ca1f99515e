/**
 * Extract stage: one parsed file in, its notes out. A pure function of the
 * file (no I/O, no global state), so results can be cached per file or
 * computed in workers.
 *
 * The walk keeps a scope — the heading path, pseudo-headings and parent
 * bullets above the current bullet — which becomes each card's context and
 * its path tag. Each bullet is offered to the rules in order: cloze,
 * explicit (`::`), definition (`term : …`), parent (short bullet with
 * children); what none of them takes joins the plain list run of its scope.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { Callout, ExtractedNote, NoteKind, Position } from '../model.js';
import { answerSize, isEmptyItem, isLongAnswer, isLinkOnlyItem, isLinksOnly, itemHead, MAX_LIST_DEPTH, plainText } from '../parse/mdast.js';
import type { ParsedFile } from '../parse/index.js';
import { OSR_TAGGED, type OsrMode } from '../osr.js';
import { deckFor } from './deck.js';
import { extractOsrNotes } from './osr/index.js';
import { takeExplicitId } from './explicit-id.js';
import { splitLines, trimPhrasing } from './phrasing.js';
import { parseClozes } from './rules/cloze.js';
import { splitDefinition } from './rules/definition.js';
import { questionMarkLine, splitExplicit, splitUnspaced, type ExplicitCard } from './rules/explicit.js';
import { addBullet, addLinks, addProse, isEmptyAnswer, isProse, startSection, type SectionAnswer } from './rules/section.js';
import { outlineOfLong, parentFront } from './rules/parent.js';
import { boldLeads, pseudoHeading } from './rules/pseudo-heading.js';
import { APPARATUS_HEADING, isApparatusFile, isBoilerplateBlock, isBoilerplateLine, isIndexHeading, isPageContents, isSalesPitch, isSponsoredHeading, REFERENCE_HEADING } from './rules/boilerplate.js';
import { boldQuestion, quotedBoldQuestion, type QuestionStart } from './rules/bold-question.js';
import { detailsContents, detailsEnd, detailsOpen, isDetailsClose } from './rules/details.js';
import { cleanFront } from './rules/front.js';
import { isAsideSection, isExampleSection } from './rules/aside.js';
import { isJournalHeading } from './rules/journal.js';
import { walk } from '../tree-walk.js';
import { fileTitles, isGeneric, isPositionalFront, sectionTitle, topiclessHeadings } from './rules/no-topic.js';
import { isSampleLabel, sampleDataMessage } from './rules/sample-data.js';
import { qaAnswer, qaQuestion } from './rules/qa-pair.js';
import { isQuestion } from './rules/question-heading.js';
import { isLongProse } from './rules/prose-section.js';
import { exerciseStatement, statementText } from './rules/exercise.js';
import { termRows } from './rules/table-rows.js';
import { ownerOf } from './rules/sibling.js';
import { embeddedNotesOnly, embedsOnlyMessage } from './rules/note-embed.js';
import { crossReferenceMessage, onlyPoints, withoutCrossReferences, withoutListPointer } from './rules/cross-reference.js';
import { isSeeAlsoSection, seeAlsoMessage } from './rules/see-also.js';
import { repeatsQuestion, restatedMessage, restatesHeading } from './rules/restated-heading.js';
import { bulletShape } from './rules/bullet.js';
import { isIntroduction, outlineOf, subheadingOutline, withOutline } from './rules/heading-outline.js';
import { announcesParts, countsWhatFollows, introduces, withoutTrailingLeadIns } from './rules/lead-in.js';
import { figureOnlyMessage, hasPicture, isIllustration } from './rules/figure.js';
import { aboutDocumentMessage, describesDocument } from './rules/about-document.js';
import { bookLists, isReadingList } from './rules/reading-list.js';
import { isUnansweredChoice } from './rules/choice.js';
import { isQuestionList } from './rules/question-list.js';
import { splitAnswer } from './rules/split.js';
import { emptyTemplateMessage, templateLabels, withoutEmptyTemplate } from './rules/template.js';
import { scopeTags, tagItem, tagLine, type TagScope } from './tag-lines.js';
import { isToDoFile, isToDoList, withoutTasks } from './tasks.js';
import { withoutUnrendered } from './unsupported.js';
import { cleanTag, pathTag, takeInlineTags } from './tags.js';

/** A callout title longer than this is a sentence of content, not a question about its body. */
const MAX_CALLOUT_QUESTION = 80;

interface Crumb {
  text: string;
  nodes: PhrasingContent[];
  /** Set on a question (bold, `Q.`, `<details>`, a heading that asks): the rule whose card answers it. */
  question?: { rule: string; position: Position };
}

export interface ExtractOptions {
  /** Which notes are obsidian-spaced-repetition notes, and its settings (default: notes tagged `#flashcards` that hold OSR cards). */
  osr?: OsrMode;
  /** The notes folder is an Obsidian vault: a file's name is its title (titleCrumb). */
  vault?: boolean;
  /** Make cards of long prose sections too (front matter `prose: true` does it for one file). */
  prose?: boolean;
}

interface BulletParts {
  rest: ListItem['children'];
  head: PhrasingContent[];
  tags: string[];
  here: Scope;
  note: (kind: NoteKind, rule: string, front: Nodes[], back: Nodes[]) => void;
}

interface Scope {
  crumbs: Crumb[];
  /** Real headings only: they name the path tag. */
  headings: string[];
  tags: string[];
}

export function extractNotes(parsed: ParsedFile, options: ExtractOptions = {}): { notes: ExtractedNote[]; diagnostics: Diagnostic[] } {
  if (parsed.frontMatter.cards === false) return { notes: [], diagnostics: [] };
  if (parsed.frontMatter.excalidraw || /\.excalidraw\.md$/i.test(parsed.source.relativePath)) {
    const message = 'This is an Excalidraw drawing, which only Obsidian can show; it makes no cards';
    return { notes: [], diagnostics: [diagnostic(parsed.source.displayPath, { line: 1, column: 1 }, 'info', 'obsidian-unsupported', message)] };
  }
  // OSR notes make only the cards OSR makes.
  const osr = extractOsrNotes(parsed, options.osr ?? OSR_TAGGED);
  if (osr) return osr;
  const skipped = skippedFile(parsed);
  if (skipped) {
    const asked = askedIn(parsed, Boolean(options.vault) || linksLikeAWiki(parsed));
    return { notes: asked.notes, diagnostics: [diagnostic(parsed.source.displayPath, { line: 1, column: 1 }, 'info', skipped.rule, skipped.message), ...asked.diagnostics] };
  }
  // Front matter `title:` names the file in any notes folder (Docusaurus, Hugo); in a vault, or a note linking like one, the file name does.
  const vault = Boolean(options.vault) || linksLikeAWiki(parsed);
  const named = vault || parsed.frontMatter.title || namesItsTopic(parsed) ? titleCrumb(parsed) : null;
  const shown = withoutUnrendered(withoutTasks(parsed.tree), parsed.source.displayPath);
  // `1.6.md` stating `Prove that …`: the statement is the question its number stands for (rules/exercise.ts).
  const statement = named && (isGeneric(named.text) || isPositional(named.text)) ? exerciseStatement(shown.tree.children[0]) : null;
  const title: Crumb | null = statement ? { text: statementText(statement), nodes: statement.children, question: { rule: 'question-heading', position: positionOf(statement) } } : named;
  const extraction = new Extraction({ ...parsed, tree: shown.tree }, title ? [title] : [], options.prose || parsed.frontMatter.prose === true, vault);
  if (statement) extraction.statements.add(statement);
  extraction.blocks(shown.tree.children, { crumbs: extraction.titleCrumbs, headings: [], tags: [] }, 0, true, true);
  extraction.flushSection();
  extraction.reportUnanswered();
  const notes = extraction.notes.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { notes, diagnostics: [...shown.diagnostics, ...extraction.diagnostics] };
}

/** A file that makes no cards by what it is still makes those its author asked for in so many words (askedExplicitly). */
function askedIn(parsed: ParsedFile, vault: boolean): { notes: ExtractedNote[]; diagnostics: Diagnostic[] } {
  // Tasks are to-dos wherever they are (`- [ ] 정리 :: 나중에` makes no card); what only Obsidian shows is left out quietly, the file's info says enough.
  const shown = withoutUnrendered(withoutTasks(parsed.tree), parsed.source.displayPath);
  const extraction = new Extraction({ ...parsed, tree: shown.tree }, [], false, vault);
  for (const block of shown.tree.children) extraction.askedExplicitly(block, { crumbs: [], headings: [], tags: [] });
  return { notes: extraction.notes, diagnostics: extraction.diagnostics };
}

/** A file that makes no cards by what it is — a journal entry, a to-do list, a repository's apparatus — and the info saying so. */
function skippedFile(parsed: ParsedFile): { rule: string; message: string } | null {
  const { relativePath } = parsed.source;
  const name = relativePath.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
  if (isJournalHeading(name)) return { rule: 'journal-entry', message: `"${name}" is a date: a journal entry, not something to learn; no cards made from this file` };
  if (isToDoFile(relativePath)) return { rule: 'todo-list', message: `"${name}" is a to-do list, notes to self, not something to learn; no cards made from this file` };
  const apparatus = isApparatusFile(relativePath, parsed.frontMatter.title);
  if (apparatus) {
    return { rule: 'boilerplate-file', message: `"${apparatus}" is the repository's apparatus (licence, credits, contributing, changelog), not notes to learn; no cards made from this file` };
  }
  return null;
}

/**
 * A heading whose section makes no card, nor anything under it: with the info
 * saying why, or `true` for apparatus, references and ads, which need none.
 */
function skippedSection(heading: Heading, text: string, seeAlso: boolean, topicless: string[] | null): { rule: string; message: string } | true | null {
  const whole = 'no card made from it or what is under it';
  if (topicless) {
    const asked = [...topicless, text].join(' › ');
    const labels = topicless.length ? `${topicless.map((name) => `"${name}"`).join(', ')} ${topicless.length === 1 ? 'is a label' : 'are labels'} too` : 'nothing above it names one';
    return { rule: 'no-topic', message: `"${asked}" names no topic: "${text}" only marks a place and ${labels}; ${whole}` };
  }
  if (isJournalHeading(text)) return { rule: 'journal-entry', message: `"${text}" is a date: a journal entry, not something to learn; ${whole}` };
  if (isToDoList(text)) return { rule: 'todo-list', message: `"${text}" is a to-do list, notes to self, not something to learn; ${whole}` };
  if (seeAlso) return { rule: 'see-also', message: seeAlsoMessage(text) };
  if (isIndexHeading(heading)) return { rule: 'table-of-contents', message: `"${text}" links to the page it sums up: a table of contents, ${whole}` };
  return APPARATUS_HEADING.test(text) || REFERENCE_HEADING.test(text) || isSponsoredHeading(heading) ? true : null;
}

class Extraction {
  readonly notes: ExtractedNote[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly deck: string;
  private readonly fileTags: string[];
  /** Tags of tag lines (`#os/memory #interview`), by the scope they tag. */
  private readonly scopeTags: Map<TagScope, string[]>;
  /** `owner`: the sibling a repeated heading is about (rules/sibling.ts), asked before it. */
  /** `outline`: the sub-headings' titles (rules/heading-outline.ts), worked out only for an answer that introduces them. */
  private headingStack: { depth: number; crumb: Crumb; owner?: Crumb; tags: string[]; outline?: () => List | null }[] = [];
  private section: (SectionAnswer & { scope: Scope; position: Position }) | null = null;
  /** Depth of a heading whose whole section makes no card (a journal entry, a table of contents). */
  private skipBelow: number | null = null;
  private readonly questions: Crumb[] = [];
  /** Sections whose ad sells (rules/boilerplate.ts isSalesPitch): what else they say is the ad's copy. */
  private readonly sponsored = new Set<string>();
  /** Sections in which the document says what it is (rules/about-document.ts): an introduction, not an answer. */
  private readonly aboutDocument = new Set<string>();
  /** Where the blocks right after a thematic break (`---`) start: the break ended what came before (rules/lead-in.ts). */
  private readonly afterBreak = new Set<number>();
  private readonly answered = new Set<Crumb>();
  /** Sections in which bullets or questions made cards of their own: what the section's answer leads into is there (rules/lead-in.ts). */
  private readonly withCards = new Set<string>();
  /** Paragraphs stating an exercise (rules/exercise.ts): the question of their heading or file, not a line of its answer. */
  readonly statements = new Set<Paragraph>();
  /** The titles of callouts that asked a question of their own (rules/heading-outline.ts outlineOf), by the key of the section they are in. */
  private readonly askedParts = new Map<string, PhrasingContent[][]>();
  /** The headings of a template the file's questions repeat (rules/template.ts). */
  private readonly template: Set<string>;
  /** Lists of books without links (rules/reading-list.ts): reading lists too. */
  private readonly books: Set<List>;
  /** The file's top headings are several sections, not one heading that titles the file (rules/no-topic.ts sectionTitle). */
  private readonly sections: boolean;
  /** Headings that only mark a place under labels (`Educational 174` › `### F`): no card from their sections (rules/no-topic.ts). */
  private readonly topicless: Set<Heading>;
  /** Lists a sentence before them announces (`…다음과 같아요:`): their definitions stay lines of the section's answer too. */
  private readonly introducedLists = new Set<List>();
  /** Whether some of a list's bullets are not definitions (hasPlainPoints), by list. */
  private readonly plainLists = new WeakMap<List, boolean>();

  /** The start of every card's context: the file's title, when it is not a heading of the file (titleCrumb). */
  constructor(
    private readonly parsed: ParsedFile,
    readonly titleCrumbs: Crumb[],
    private readonly prose: boolean,
    private readonly vault: boolean,
  ) {
    this.deck = deckFor(parsed.source.relativePath, parsed.frontMatter.deck);
    this.sections = hasSections(parsed);
    this.scopeTags = scopeTags(parsed.tree);
    this.fileTags = [...(parsed.frontMatter.tags ?? []).map(cleanTag), ...(this.scopeTags.get(null) ?? [])].filter(Boolean);
    this.template = templateLabels(parsed.tree);
    this.books = bookLists(parsed.tree, parsed.source.relativePath);
    this.topicless = topiclessHeadings(parsed.tree, this.titles()[0]);
  }

  /**
   * `answers`: plain bullets and prose here answer the heading in scope (false
   * below a bullet, whose card already holds them). Headings only count at the
   * document's top level, not inside a quote.
   */
  blocks(blocks: RootContent[], scope: Scope, depth: number, answers: boolean, topLevel = false): void {
    let base = scope;
    let local = scope;
    let beforeDetails: Scope | null = null;
    let apparatus = false;
    const leads = boldLeads(blocks);
    const answer = (prose: RootContent) => this.answerSection(local, positionOf(prose), (section) => addProse(section, prose));
    const ask = (start: QuestionStart, rule: string, at: Nodes) => {
      local = extend(base, this.question(start.question, rule, at));
      if (start.answer && answers) answer(start.answer);
    };
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      if (block.type === 'heading' && topLevel && this.skipBelow === null && this.underOwnHeading(block)) {
        // A sub-heading answered only by an aside, or an example's (rules/aside.ts), is a line of the section above it.
        if (isAsideSection(blocks, index) || isExampleSection(blocks, index, this.section?.blocks ?? [])) {
          if (answers) answer({ type: 'paragraph', children: [{ type: 'strong', children: cleanFront(block.children) }], position: block.position });
          continue;
        }
        // `##### Input` and its data (rules/sample-data.ts) leave the exercise above; what follows goes on answering it.
        if (isSampleLabel(plainText(block.children))) {
          while (blocks[index + 1]?.type === 'code') index++;
          this.info(positionOf(block), 'sample-data', sampleDataMessage(plainText(block.children), this.headingStack[this.headingStack.length - 1].crumb.text));
          continue;
        }
      }
      if (block.type === 'heading' && topLevel) {
        this.flushSection(block);
        if (this.skipBelow !== null && block.depth > this.skipBelow) continue;
        this.skipBelow = null;
        base = local = this.enterHeading(block, blocks, index);
        beforeDetails = null;
        apparatus = false;
        continue;
      }
      if (topLevel && this.skipBelow !== null) {
        this.askedExplicitly(block, local);
        continue;
      }
      if (block.type === 'paragraph' && this.statements.has(block)) continue; // the question of the scope it opens
      if (block.type === 'thematicBreak' && blocks[index + 1]?.position) this.afterBreak.add(blocks[index + 1].position!.start.offset!);
      if (isSalesPitch(block)) this.sponsored.add(sectionKey(local));
      if (block.type === 'paragraph' && describesDocument(block)) this.aboutDocument.add(sectionKey(local));
      if (isBoilerplateBlock(block)) continue;
      if (block.type === 'html') {
        const contents = detailsContents(block);
        if (contents !== null) {
          this.info(positionOf(block), 'table-of-contents', `"${contents}" links to the page it sums up: a table of contents, no card made from what it folds`);
          index = detailsEnd(blocks, index);
          continue;
        }
        const details = detailsOpen(block);
        if (details) {
          beforeDetails = local;
          ask({ question: details.question, answer: null }, 'details', block);
          if (details.rest && answers) answer(details.rest);
          if (details.closed) local = beforeDetails;
          continue;
        }
        if (isDetailsClose(block) && beforeDetails) {
          local = beforeDetails;
          beforeDetails = null;
          continue;
        }
      }
      // `…다음 문서를 참조하세요:` over a list of links only (rules/cross-reference.ts): both left out.
      const pointed = block.type === 'paragraph' ? withoutListPointer(block, blocks[index + 1]) : undefined;
      if (pointed) {
        this.info(positionOf(block), 'cross-reference', crossReferenceMessage([pointed.removed]));
        index++;
        if (pointed.kept && answers && this.underHeading(local)) answer(pointed.kept);
        continue;
      }
      const quoted = quotedBoldQuestion(block);
      if (quoted) {
        ask(quoted, 'bold-question', block);
        continue;
      }
      if (block.type === 'paragraph') {
        const bold = boldQuestion(block);
        const qa = bold ? null : qaQuestion(block);
        if (bold || qa) {
          ask((bold ?? qa)!, bold ? 'bold-question' : 'qa-pair', block);
          continue;
        }
        const asked = local.crumbs[local.crumbs.length - 1]?.question?.rule === 'qa-pair' ? qaAnswer(block) : null;
        if (asked) {
          if (answers) answer(asked);
          continue;
        }
      }
      const found = pseudoHeading(block, blocks[index + 1], leads);
      // A bold lead that names the heading it is under (`## 플러그인` › `**플러그인**은 …`) is that heading's answer.
      const pseudo = found?.answer && sameText(found.text, local.crumbs[local.crumbs.length - 1]?.text) ? null : found;
      // `> **3단계**` under a question is a step of its answer, not a question of its own (`… › 3단계`).
      if (pseudo && isPositionalFront(pseudo.text) && base.crumbs.some((crumb) => crumb.question)) {
        if (answers) answer(block);
        continue;
      }
      // `**Collaborator**` over avatars: apparatus, like a heading that says so, up to the next (pseudo-)heading.
      apparatus = pseudo ? APPARATUS_HEADING.test(pseudo.text.trim()) : apparatus;
      if (apparatus) continue;
      if (pseudo) {
        local = extend(base, { text: plainText(cleanFront(pseudo.nodes)), nodes: cleanFront(pseudo.nodes) });
        if (pseudo.answer && answers) answer(pseudo.answer);
        continue;
      }
      if (block.type === 'list' && isPageContents(block)) {
        this.info(positionOf(block), 'table-of-contents', 'A list of links to this page\'s own headings is its table of contents: no card made from it');
        continue;
      }
      if (block.type === 'list' && (isReadingList(block) || this.books.has(block))) this.readingList(block, local, answers);
      else if (block.type === 'list' && isQuestionList(block)) this.questionList(block);
      else if (block.type === 'list') {
        // `운영 체제에 따른 방법은 다음과 같아요:` over `- **Windows/Linux**: …`: the sentence announces the list, which stays with it.
        if (blocks[index - 1] && (introduces(blocks[index - 1]) || countsWhatFollows(blocks[index - 1]))) this.introducedLists.add(block);
        block.children.forEach((item) => this.item(item, block, local, depth + 1, answers));
      }
      else if (block.type === 'paragraph') {
        const { rest: left, consumed } = this.paragraph(block, local, () => adjacentBlocks(blocks, index));
        index += consumed;
        const rest = left && answers && this.underHeading(local) ? this.withoutPointers(left) : left;
        if (answers && rest && this.underHeading(local) && isProse(rest)) answer(rest);
        // Before the first heading, the sentence that introduces a list (`다음 항목에 북마크를 추가할 수 있어요:`) says what it lists.
        else if (answers && rest && blocks[index + 1]?.type === 'list' && introduces(rest)) answer(rest);
        else if (answers && rest && isLinksOnly(rest.children)) this.linksLeftOut(local);
      } else if (block.type === 'callout' && this.callout(block, local, depth, answers, blocks[index - 1])) continue;
      else if (block.type === 'blockquote' && block.children.some((child) => child.type === 'list')) this.blocks(block.children, local, depth, answers);
      else if (answers && this.underHeading(local) && isProse(block)) answer(block);
    }
  }

  /**
   * Prose before the first heading is a preamble (banners, badges, a site
   * page's introduction under its front matter `title:`), not an answer —
   * unless the file is a vault note: its name is its title (titleCrumb), and
   * its first paragraph answers it, as a note's first paragraph does.
   */
  private underHeading(scope: Scope): boolean {
    return scope.crumbs.length > (this.vault ? 0 : this.titleCrumbs.length);
  }

  /**
   * A callout with a title of its own and a body asks its title like a
   * heading (`… › Thrashing` → the body; its bullets are cards under it),
   * without ending the section around it. One with bullets but no title of
   * its own is read like a quote holding a list. Returns false for the rest,
   * which are a box in their section's answer — also one titled by a label
   * (`참고`, `Tip`: rules/no-topic.ts) and one that a sentence before it
   * introduces (`… hosted in these regions:`, rules/lead-in.ts).
   */
  private callout(callout: Callout, scope: Scope, depth: number, answers: boolean, before: RootContent | undefined): boolean {
    const title = plainText(callout.title);
    // `> [!tip]- 기여하기` (file an issue, send a pull request): the page's apparatus, as under a heading.
    if (callout.titled && APPARATUS_HEADING.test(title)) return true;
    const asks = !isGeneric(title) && !(before && introduces(before));
    if (callout.titled && asks && callout.children.length && [...title].length <= MAX_CALLOUT_QUESTION) {
      const outer = this.section;
      this.section = null;
      this.blocks(callout.children, extend(scope, { text: title, nodes: callout.title }), depth, answers);
      this.flushSection();
      this.section = outer;
      const key = sectionKey(scope);
      this.askedParts.set(key, [...(this.askedParts.get(key) ?? []), callout.title]);
      return true;
    }
    if (!callout.children.some((child) => child.type === 'list')) return false;
    this.blocks(callout.children, scope, depth, answers);
    return true;
  }

  /** The heading is below the one in scope: a part of its section. */
  private underOwnHeading(heading: Heading): boolean {
    const own = this.headingStack[this.headingStack.length - 1];
    return Boolean(own && own.depth < heading.depth);
  }

  /** `blocks[index]` is the heading; what follows it tells a see-also section (rules/see-also.ts). */
  private enterHeading(heading: Heading, blocks: RootContent[], index: number): Scope {
    const taken = takeInlineTags(heading.children);
    const tags = [...taken.tags, ...(this.scopeTags.get(heading) ?? [])];
    const nodes = cleanFront(taken.nodes);
    const text = plainText(nodes);
    while (this.headingStack.length && this.headingStack[this.headingStack.length - 1].depth >= heading.depth) this.headingStack.pop();
    // `#### Statement` over `Prove that …`: the statement is the exercise's question (rules/exercise.ts).
    const statement = isGeneric(text) || isPositional(text) ? exerciseStatement(blocks[index + 1]) : null;
    if (statement) this.statements.add(statement);
    const crumb: Crumb = statement ? { text: statementText(statement), nodes: statement.children } : { text, nodes };
    const topicless = this.topicless.has(heading) ? [...this.titles().slice(0, 1), ...this.headingStack.map((entry) => entry.crumb.text)] : null;
    const skipped = skippedSection(heading, text, isSeeAlsoSection(text, blocks, index), topicless);
    // A question whose whole section makes no card is not left unanswered (`#### F?` in a contest log).
    if ((statement || isQuestion(text)) && !skipped) this.questions.push(Object.assign(crumb, { question: { rule: 'question-heading', position: positionOf(heading) } }));
    const owner = ownerOf(blocks, heading);
    this.headingStack.push({ depth: heading.depth, crumb, owner: owner && headingCrumb(owner), tags, outline: () => subheadingOutline(blocks, index) });
    if (skipped) {
      this.skipBelow = heading.depth;
      if (skipped !== true) this.info(positionOf(heading), skipped.rule, skipped.message);
    }
    const crumbs = this.headingStack.flatMap((entry) => (entry.owner ? [entry.owner, entry.crumb] : [entry.crumb])).filter((crumb) => crumb.text);
    return { crumbs: [...this.titleCrumbs, ...crumbs], headings: crumbs.map((crumb) => crumb.text), tags: this.headingStack.flatMap((entry) => entry.tags) };
  }

  private item(item: ListItem, list: List, scope: Scope, depth: number, emitRuns: boolean): void {
    if (depth > MAX_LIST_DEPTH || isEmptyItem(item)) return; // reported by validation
    if (isLinkOnlyItem(item, list)) {
      if (emitRuns) this.linksLeftOut(scope);
      return; // reported by validation (link-only)
    }
    if (tagItem(item)) return; // metadata for its scope (scopeTags)
    const raw = itemHead(item);
    if (raw && isBoilerplateLine(raw)) return;
    // `- 그림과 함께 설명하기 위해 일단 블로그 링크를 추가한다.`, `- 자세한 내용은 [Python an interpreted language.](#4) 참고`:
    // only says a link is attached, or points to it (rules/cross-reference.ts).
    if (raw && item.children.length === 1 && onlyPoints(raw)) {
      this.info(positionOf(item), 'cross-reference', crossReferenceMessage([raw]));
      if (emitRuns) this.linksLeftOut(scope);
      return;
    }
    const parts = this.bullet(item, raw, scope);
    const { rest, head, tags, here, note } = parts;
    const at = positionOf(item);
    const children = (childScope: Scope) => this.blocks(rest, childScope, depth, false);
    // `- #t1 #t2 : x`: the tags were all of the term. The card with no question is reported (empty-side), never made.
    const termless = tags.length ? afterLeadingSeparator(head) : null;
    if (termless) return note('basic', 'definition', [], withRest(termless, rest));
    const asked = this.askedInBullet(parts, at, scope);
    if (asked) return children(asked);
    const shape = bulletShape(item, head, rest);
    const plain: ListItem = { ...item, children: raw ? [{ type: 'paragraph', children: head }, ...rest] : rest };
    if (shape.kind === 'definition') {
      note('basic', 'definition', shape.split.before, withRest(shape.split.after, rest));
      // `- Tell me about yourself: …` among two questions without a colon: the section's answer still lists all three.
      if (emitRuns && (this.hasPlainPoints(list) || this.introducedLists.has(list))) this.answerSection(here, at, (answer) => addBullet(answer, plain, list));
      return children(extend(scope, crumbOf(shape.split.before)));
    }
    // A reference, an index entry (only its children can hold cards), a topic over links (a reading list): no question.
    if (shape.kind === 'reading') for (const list of rest) if (list.type === 'list' && isReadingList(list, true)) this.readingList(list, scope, false);
    if (shape.kind === 'reference' || shape.kind === 'index' || shape.kind === 'reading') {
      if (emitRuns) this.linksLeftOut(scope);
      return shape.kind === 'index' ? children(scope) : undefined;
    }
    const text = shape.text;
    if (shape.kind === 'parent') {
      note('basic', 'parent', frontOfParent(head), outlineOfLong(rest, asksOfItsOwn));
      return children(extend(scope, { text: parentFront(text), nodes: head }));
    }
    if (emitRuns) this.answerSection(here, at, (answer) => addBullet(answer, plain, list));
    // `1. ##### 커널 작업 중 인터럽트 발생` › `- 해결법 : …`: a heading in a bullet titles what is under it, as a heading does.
    children(text && item.children[0].type === 'heading' ? extend(scope, { text, nodes: head }) : scope);
  }

  /**
   * The list is one of points, some with a colon, so the section's answer lists
   * them all — its definitions are cards of their own too, not holes in the
   * list: fewer than half of its one-line bullets are `term : definition`
   * lines, or only one line would be left (cut apart, `하드웨어` was answered by
   * "중앙처리장치(CPU)" alone). Two or more plain lines are an answer of their own
   * (`컨테이너 vs 이미지` › its two comparison lines under two definitions).
   */
  private hasPlainPoints(list: List): boolean {
    let known = this.plainLists.get(list);
    if (known === undefined) {
      // Points are bullets of one line: a link (`- [참고1](…)`), an empty bullet or a parent over its children is none.
      const heads = list.children.filter((item) => item.children.length === 1 && !isLinkOnlyItem(item, list) && !isEmptyItem(item)).map(itemHead);
      // A card written as such (`Q :: A`, a cloze) is no point of the answer either.
      const kinds = heads.map((head) => (!head ? null : splitDefinition(head) ? 'definition' : splitExplicit(head) || parseClozes(head, '').found ? 'asked' : 'point'));
      const definitions = kinds.filter((kind) => kind === 'definition').length;
      const points = kinds.filter((kind) => kind === 'point').length;
      known = definitions * 2 < heads.length || (points === 1 && definitions > 0);
      this.plainLists.set(list, known);
    }
    return known;
  }

  /** A bullet's parts: the blocks under its first line, that line without its id and tags, their scope, and how to make its card. */
  private bullet(item: ListItem, raw: PhrasingContent[] | null, scope: Scope): BulletParts {
    const rest = (raw ? item.children.slice(1) : item.children).filter((block) => !isBoilerplateBlock(block));
    const withId = takeExplicitId(raw ?? []);
    const { nodes: head, tags } = takeInlineTags(withId.nodes);
    const here: Scope = tags.length ? { ...scope, tags: [...scope.tags, ...tags] } : scope;
    const note = (kind: NoteKind, rule: string, front: Nodes[], back: Nodes[]) =>
      this.emit({ kind, rule, front, back, scope: here, at: positionOf(item), explicitId: withId.id });
    return { rest, head, tags, here, note };
  }

  /** The card a bullet asks for in so many words (a cloze, `Q :: A`), made; returns its children's scope, or null if it asks none. */
  private askedInBullet({ rest, head, note }: BulletParts, at: Position, scope: Scope): Scope | null {
    const cloze = parseClozes(head, this.parsed.source.displayPath);
    this.diagnostics.push(...cloze.diagnostics);
    if (cloze.found) {
      note('cloze', 'cloze', cloze.nodes, rest);
      return scope;
    }
    const explicit = this.explicit(head, at);
    if (!explicit) return null;
    note(explicit.kind, 'explicit', explicit.before, withRest(explicit.after, rest));
    return extend(scope, crumbOf(explicit.before));
  }

  /**
   * What makes no card by what it is (a journal entry, a to-do list, a
   * see-also section, a section with no topic) still gives the cards its
   * author asked for in so many words: `Q :: A` lines and bullets, clozes.
   */
  askedExplicitly(block: RootContent, scope: Scope): void {
    if (block.type === 'paragraph') this.paragraph(block, scope, () => []);
    else if (block.type === 'blockquote' || block.type === 'callout') block.children.forEach((child) => this.askedExplicitly(child, scope));
    else if (block.type === 'list') {
      for (const item of block.children) {
        const parts = this.bullet(item, itemHead(item), scope);
        const below = this.askedInBullet(parts, positionOf(item), scope) ?? scope;
        parts.rest.forEach((child) => this.askedExplicitly(child, below));
      }
    }
  }

  /**
   * Explicit syntaxes also work outside lists, one card per line or a `?`
   * multi-line card, whose answer goes on to the blocks right below it (a code
   * block or a list with no blank line before it). A paragraph holding a cloze
   * is one cloze note, all its lines. Returns what is left of the paragraph
   * once the lines that made cards are taken out (null when nothing is left),
   * and how many of the blocks `below` it the card took.
   */
  private paragraph(paragraph: Paragraph, scope: Scope, below: () => RootContent[]): { rest: Paragraph | null; consumed: number } {
    const lines = splitLines(paragraph.children);
    const start = positionOf(paragraph);
    const lineAt = (index: number): Position => ({ line: start.line + index, column: index ? 1 : start.column });
    const question = questionMarkLine(lines);
    if (question > 0) {
      const after = lines.slice(question + 1);
      const following = below();
      const back: Nodes[] = following.length ? [...(after.length ? [paragraphOf(after)] : []), ...following] : joinLines(after);
      this.emit({ kind: 'basic', rule: 'explicit', front: joinLines(lines.slice(0, question)), back, scope, at: start });
      return { rest: null, consumed: following.length };
    }
    const file = this.parsed.source.displayPath;
    const left = lines.filter((raw, index) => {
      if (tagLine(raw)) return false; // metadata for its scope (scopeTags)
      const { nodes: line, id } = takeExplicitId(raw);
      const explicit = parseClozes(line, file).found ? null : this.explicit(line, lineAt(index));
      if (explicit) this.emit({ kind: explicit.kind, rule: 'explicit', front: explicit.before, back: explicit.after, scope, at: lineAt(index), explicitId: id });
      return !explicit;
    });
    const { nodes: clozeText, id } = takeExplicitId(joinLines(left));
    const cloze = parseClozes(clozeText, file);
    this.diagnostics.push(...cloze.diagnostics);
    if (cloze.found) {
      this.emit({ kind: 'cloze', rule: 'cloze', front: cloze.nodes, back: [], scope, at: lineAt(lines.indexOf(left[0])), explicitId: id });
      return { rest: null, consumed: 0 };
    }
    if (left.length === lines.length) return { rest: paragraph, consumed: 0 };
    if (left.length === 0) return { rest: null, consumed: 0 };
    return { rest: { type: 'paragraph', children: joinLines(left, 'text'), position: paragraph.position }, consumed: 0 };
  }

  /** `Q :: A`, or `Q::A` where that cannot be a name in code; a `Q::A` that could be one is reported, not guessed. */
  private explicit(line: PhrasingContent[], at: Position): ExplicitCard | null {
    const spaced = splitExplicit(line);
    if (spaced) return spaced;
    const unspaced = splitUnspaced(line);
    if (unspaced && 'ambiguous' in unspaced) {
      this.diagnostics.push(
        diagnostic(
          this.parsed.source.displayPath,
          at,
          'warning',
          'explicit-unspaced',
          `\`${plainText(line)}\` was not made a card: without spaces, \`${unspaced.ambiguous}\` may be a name in code (like \`std::vector\`). ` +
            'Write `Q :: A` for a card, put code in backticks, or tag the note #flashcards to use obsidian-spaced-repetition syntax',
        ),
      );
    }
    return unspaced && 'card' in unspaced ? unspaced.card : null;
  }

  /** A question crumb: what follows answers it, up to the next question or heading. */
  private question(nodes: PhrasingContent[], rule: string, at: Nodes): Crumb {
    const clean = cleanFront(nodes);
    const crumb: Crumb = { text: plainText(clean), nodes: clean, question: { rule, position: positionOf(at) } };
    this.questions.push(crumb);
    return crumb;
  }

  /** A question nothing answered is no card, and likely a mistake (the answer is missing or not indented). */
  reportUnanswered(): void {
    for (const crumb of this.questions) {
      if (this.answered.has(crumb)) continue;
      this.diagnostics.push(
        diagnostic(this.parsed.source.displayPath, crumb.question!.position, 'warning', 'question-unanswered', `Question "${crumb.text}" has no answer before the next question or heading; no card made`),
      );
    }
  }

  /**
   * The context a card is asked under (rules/no-topic.ts): the breadcrumb, with
   * the file's title in front when it names no topic for a generic front; null
   * when there is no topic to give (no card).
   */
  private topic(front: string, context: string[], at: Position): string[] | null {
    // An empty context under a front that names its topic is the file's own heading: nothing to add — unless the
    // file's top headings are several sections of its subject, or it has none (sectionTitle). Under generic crumbs
    // only (`Proof › Mathematical notation`) the front is a detail of something the card does not name.
    const genericFront = isGeneric(front);
    if (context.some((crumb) => !isGeneric(crumb))) return context;
    const titles = this.titles();
    if (!genericFront && context.length === 0) {
      const title = this.sections && !isQuestion(front) ? sectionTitle(front, titles) : null;
      return title ? [title] : context;
    }
    const { displayPath } = this.parsed.source;
    const title = titles.find((candidate) => candidate.toLowerCase() !== front.toLowerCase());
    if (!title && !genericFront) return context;
    const asked = [...context, front].join(' › ');
    const message = title ? `"${asked}" names no topic: asked under the file's title, "${title} › ${asked}"` : `"${asked}" names no topic and neither does the file's title; no card made`;
    this.diagnostics.push(diagnostic(displayPath, at, 'info', 'no-topic', message));
    return title ? [title, ...context] : null;
  }

  private titles(): string[] {
    const { relativePath, absolutePath } = this.parsed.source;
    return fileTitles(relativePath, absolutePath, this.parsed.frontMatter.title);
  }

  /** The paragraph without the sentences that only point to other notes (rules/cross-reference.ts); what went is reported. */
  private withoutPointers(paragraph: Paragraph): Paragraph | null {
    const { paragraph: kept, removed } = withoutCrossReferences(paragraph);
    if (removed.length) this.info(positionOf(paragraph), 'cross-reference', crossReferenceMessage(removed));
    return kept;
  }

  private info(at: Position, rule: string, message: string): void {
    this.diagnostics.push(diagnostic(this.parsed.source.displayPath, at, 'info', rule, message));
  }

  /** A reading list (rules/reading-list.ts) makes no card; what introduced it is no answer either (isEmptyAnswer). */
  private readingList(list: List, scope: Scope, answers: boolean): void {
    const count = list.children.length;
    const what = this.books.has(list) ? 'book' : 'link';
    const message = `This list only points to things to read (${count} ${what}${count === 1 ? '' : 's'}): a reading list, nothing to ask; no card made`;
    this.info(positionOf(list), 'reading-list', message);
    if (answers) this.linksLeftOut(scope);
  }

  /** A list of questions with no answers (rules/question-list.ts) makes no card. */
  private questionList(list: List): void {
    const message = `This list is ${list.children.length} questions with no answers (a question bank): nothing for the answer side, no card made`;
    this.info(positionOf(list), 'question-list', message);
  }

  /** References left out of the answer being built: what came before them may only introduce them (isEmptyAnswer). */
  private linksLeftOut(scope: Scope): void {
    if (this.section?.key === sectionKey(scope)) addLinks(this.section);
  }

  /** Adds to the answer of the heading in scope, starting a new one when the scope changed. */
  private answerSection(scope: Scope, at: Position, add: (answer: SectionAnswer) => void): void {
    const key = sectionKey(scope);
    if (this.section && this.section.key !== key) this.flushSection();
    this.section ??= { ...startSection(key), scope, position: at };
    add(this.section);
  }

  /** `next`: the heading that ends the section; deeper than the section's own, it goes on answering it (rules/lead-in.ts). */
  flushSection(next?: Heading): void {
    const section = this.section;
    this.section = null;
    const asked = section && this.askedParts.get(section.key);
    if (section) this.askedParts.delete(section.key);
    if (!section || isEmptyAnswer(section) || this.sponsored.has(section.key)) return;
    const own = this.headingStack[this.headingStack.length - 1];
    const crumbs = section.scope.crumbs;
    const title: Crumb = crumbs[crumbs.length - 1] ?? { text: this.deck.split('::').pop() ?? '', nodes: [] };
    if (this.aboutDocument.has(section.key)) {
      // Not unanswered: what is under the heading is the document's introduction.
      this.answered.add(title);
      return this.info(section.position, 'about-document', aboutDocumentMessage(title.text));
    }
    const filled = withoutEmptyTemplate(section.blocks, this.template);
    if (filled.blocks.length === 0) return this.emptyTemplate(title, filled.removed, section.position);
    const afterBreak = (block: RootContent) => block.position?.start.offset !== undefined && this.afterBreak.has(block.position.start.offset);
    const continued = Boolean(next && own && next.depth > own.depth) || this.withCards.has(section.key);
    let blocks = withoutTrailingLeadIns(filled.blocks, continued, afterBreak);
    if (blocks.length < filled.blocks.length && blocks.length && blocks.every(isIllustration)) {
      return this.info(section.position, 'figure-only', figureOnlyMessage(title.text, filled.blocks.filter((block) => !isIllustration(block))));
    }
    const front: Nodes[] = title.nodes.length ? title.nodes : [{ type: 'text', value: title.text }];
    const scope = { ...section.scope, crumbs: crumbs.slice(0, -1) };
    // A heading that asks is still answered the way any heading is (rules/section.ts).
    const shape = title.question?.rule;
    const rule = shape && shape !== 'question-heading' ? shape : section.hasProse ? 'section' : 'list';
    const split = rule === 'list' ? null : splitAnswer(blocks);
    if (split) {
      // A part's last sentence can lead into what left it (cards of its own, the next part) as well.
      split.parts.forEach((part) => this.emit({ kind: 'basic', rule: 'split', front: part.term, back: withoutTrailingLeadIns(part.blocks, continued), scope: section.scope, at: positionOf(part.at) }));
      if (split.intro.length === 0) return;
      // What led into the terms (`아래 4가지 종류가 있다:`) leads into cards of their own now, as into sub-headings.
      blocks = withoutTrailingLeadIns(split.intro, true);
    }
    // A long answer's table of terms is split along its rows, as a list of definitions is (rules/table-rows.ts).
    // Measured only when there is a table: this runs for every section.
    const tables = !split && blocks.some((block) => block.type === 'table') && isLongAnswer(blocks) ? blocks.map(termRows) : [];
    if (tables.some(Boolean)) {
      for (const rows of tables) {
        for (const { term, answer, row } of rows ?? []) {
          this.emit({ kind: 'basic', rule: 'table-row', front: term, back: [{ type: 'paragraph', children: answer }], scope: section.scope, at: positionOf(row) });
        }
      }
      blocks = withoutTrailingLeadIns(blocks.filter((_, index) => !tables[index]), true);
      if (blocks.length === 0) return;
    }
    const parts = !split && asked ? outlineOf(asked) : null;
    // What leads into callouts asking their titles has them to list (rules/heading-outline.ts outlineOf).
    if (blocks.length === 0 && parts && isIntroduction(filled.blocks)) blocks = filled.blocks;
    if (blocks.length === 0) return this.leadInOnly(title.text, section.blocks, section.position);
    // An introduction to the sub-headings that follow lists them (rules/heading-outline.ts) when it points at them
    // (`다음의 두 가지 알고리즘`, `these buckets`) — not after an answer complete in itself (`Generator는 … 일종이다.`),
    // nor after one that only says what the heading is (`속성 관련 명령어예요.`): the list would be the section's index.
    const introduces = !split && isIntroduction(blocks) && announcesParts(blocks[blocks.length - 1]) && !restatesHeading(title.text, blocks);
    const subheadings = introduces && next && own?.outline && next.depth > own.depth && own.crumb === title ? own.outline() : null;
    const outline = subheadings ?? (introduces ? parts : null);
    const outlined = outline && withOutline(blocks, outline);
    if (outlined) blocks = outlined;
    // Prose under a question (`### 알고 있는 metric에 대해 설명해주세요.` › `#### ROC-AUC`) is part of its answer; so is
    // what comes before the terms of a split answer (the section had things to ask).
    if (rule === 'section' && !split && !crumbs.some((crumb) => crumb.question) && !this.prose && isLongProse(blocks)) {
      const size = answerSize(blocks);
      this.diagnostics.push(
        diagnostic(this.parsed.source.displayPath, section.position, 'info', 'prose-section', `"${title.text}" is answered by ${size.lines} lines of prose with nothing to ask in it (no question, definition, list or cloze); no card made (front matter \`prose: true\` or --prose makes one)`),
      );
      return;
    }
    const pointer = this.pointerOnly(blocks, title.text, rule);
    if (pointer) return this.info(section.position, pointer.rule, pointer.message);
    this.answered.add(title);
    this.emit({ kind: 'basic', rule, front, back: blocks, scope, at: section.position });
  }

  /** Only empty template headings: a question nothing else answered is reported as such (reportUnanswered). */
  private emptyTemplate(title: Crumb, removed: string[], at: Position): void {
    if (!title.question || this.answered.has(title)) this.info(at, 'empty-template', emptyTemplateMessage(title.text, removed));
  }

  private leadInOnly(title: string, blocks: RootContent[], at: Position): void {
    this.info(at, 'lead-in', `"${title}" is answered only by a sentence leading into what follows (${plainText(blocks).slice(0, 60)}…), which is not there; no card made`);
  }

  /** An answer that only points elsewhere: embeds of other notes (rules/note-embed.ts), or the heading said again (rules/restated-heading.ts). */
  private pointerOnly(blocks: RootContent[], title: string, rule: string): { rule: string; message: string } | null {
    const embedded = embeddedNotesOnly(blocks);
    if (embedded) return { rule: 'embed-note', message: embedsOnlyMessage(title, embedded) };
    if (rule === 'section' && restatesHeading(title, blocks)) return { rule: 'restated-heading', message: restatedMessage(title, blocks) };
    return null;
  }

  private emit(card: { kind: NoteKind; rule: string; front: Nodes[]; back: Nodes[]; scope: Scope; at: Position; explicitId?: string }): void {
    const { source } = this.parsed;
    card.scope.crumbs.forEach((crumb) => this.answered.add(crumb));
    this.withCards.add(sectionKey(card.scope));
    const front = card.kind === 'cloze' ? card.front : (cleanFront(card.front as PhrasingContent[]) as Nodes[]);
    if (card.kind === 'basic' && isUnansweredChoice(plainText(front), card.back)) {
      const message = `Question "${plainText(front)}" lists its choices but not which one is right; no card made (mark the answer, e.g. \`정답: 2\` or a bold choice)`;
      this.diagnostics.push(diagnostic(source.displayPath, card.at, 'warning', 'question-unanswered', message));
      return;
    }
    // `- **표준편차**: 표준 편차.`: the question repeated as its answer asks nothing (rules/restated-heading.ts).
    if (card.kind === 'basic' && repeatsQuestion(plainText(front), plainText(card.back)) && !hasPicture(card.back)) {
      return this.info(card.at, 'restated-heading', `"${plainText(front)}" is answered by itself ("${plainText(card.back)}"); no card made`);
    }
    const context = this.topic(plainText(front), card.scope.crumbs.map((crumb) => crumb.text).filter((text) => !isPositional(text)), card.at);
    if (!context) return;
    const tags = [pathTag(source.relativePath, card.scope.headings), ...this.fileTags, ...card.scope.tags];
    this.notes.push({
      kind: card.kind,
      rule: card.rule,
      source: source.displayPath,
      relativePath: source.relativePath,
      absolutePath: source.absolutePath,
      position: card.at,
      deck: this.deck,
      context,
      headings: card.scope.headings,
      front,
      back: card.back,
      frontText: plainText(front),
      backText: plainText(card.back),
      tags: [...new Set(tags.filter(Boolean))],
      ...(card.explicitId ? { explicitId: card.explicitId } : {}),
    });
  }
}

/** The blocks right below `blocks[index]`, with no blank line between one and the next. */
function adjacentBlocks(blocks: RootContent[], index: number): RootContent[] {
  const adjacent: RootContent[] = [];
  let previous = blocks[index];
  for (let i = index + 1; i < blocks.length; i++) {
    const next = blocks[i];
    const end = previous.position?.end.line;
    if (end === undefined || next.position?.start.line !== end + 1 || next.type === 'heading') break;
    adjacent.push(next);
    previous = next;
  }
  return adjacent;
}

/** Whether Extraction.item makes a card of its own of this bullet that answers with what is under it: a parent, or a definition with more under it. */
function asksOfItsOwn(item: ListItem): boolean {
  const head = itemHead(item);
  const rest = item.children.slice(1).filter((block) => !isBoilerplateBlock(block));
  if (!head || rest.length === 0) return false;
  const { kind } = bulletShape(item, head, rest);
  return kind === 'definition' || kind === 'parent';
}

/** Lines back into one run of phrasing content, joined by hard breaks (card sides) or newlines (prose left over). */
function joinLines(lines: PhrasingContent[][], joint: 'break' | 'text' = 'break'): PhrasingContent[] {
  const separator = (): PhrasingContent => (joint === 'break' ? { type: 'break' } : { type: 'text', value: '\n' });
  return lines.flatMap((line, i) => (i ? [separator(), ...line] : line));
}

function paragraphOf(lines: PhrasingContent[][]): Paragraph {
  return { type: 'paragraph', children: joinLines(lines) };
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/\s+/gu, '').toLowerCase() === b.replace(/\s+/gu, '').toLowerCase();
}

function sectionKey(scope: Scope): string {
  return scope.crumbs.map((crumb) => crumb.text).join('\u0000');
}

/** `#3`, `12.`: a crumb that only numbers its section says nothing on a card. */
function isPositional(text: string): boolean {
  return /^#?\d+(?:[.-]\d+)*\.?$/u.test(text);
}

/**
 * A note that links to others with `[[wikilinks]]` is written for a wiki-like
 * app (Obsidian, Logseq, Foam), where a note's name is its title, even when the
 * vault's `.obsidian/` folder did not come along (it is often git-ignored).
 */
function linksLikeAWiki(parsed: ParsedFile): boolean {
  // Most notes hold no `[[` at all: no walk of their tree for them.
  if (!parsed.source.text.includes('[[')) return false;
  let found = false;
  walk(parsed.tree, (node) => {
    if (node.type === 'wikiLink') found = true;
  });
  return found;
}

/**
 * In a vault the file name is the note's title (`Dense set.md` holding
 * `## Examples` asks `Dense set › Examples`, and its first paragraph answers
 * `Dense set`), and front matter `title:` is, in any folder, so it starts
 * every card's context — unless the file has a
 * level-1 heading (its own title) or its first heading is the title anyway.
 */
function titleCrumb(parsed: ParsedFile): Crumb | null {
  const headings = parsed.tree.children.filter((block): block is Heading => block.type === 'heading');
  if (headings.some((heading) => heading.depth === 1)) return null;
  const title = parsed.frontMatter.title ?? parsed.source.relativePath.split('/').pop()!.replace(/\.(md|markdown)$/i, '').trim();
  const first = headings[0] ? plainText(takeInlineTags(headings[0].children).nodes) : '';
  if (!title || first.toLowerCase() === title.toLowerCase()) return null;
  return { text: title, nodes: [{ type: 'text', value: title }] };
}

/**
 * Outside a vault, a file's name is its title when it is written as one
 * — words with spaces (`Basic Relations.md`, `커뮤니티 디렉터리.md`; not one word
 * or a slug like `interview.md`, `면접.md`, `4-python.md`, `HeapSort.md`) — and no heading of the file is its title: its top headings
 * are sections, several at their level (`#### Reflexive`, `#### Transitive`),
 * not one heading every other one is under.
 */
function namesItsTopic(parsed: ParsedFile): boolean {
  const name = parsed.source.relativePath.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
  if (!/\s/u.test(name.trim())) return false;
  return topHeadings(parsed).length >= 2;
}

/**
 * The file's top headings are sections of its subject, not one heading that
 * titles it: there are several, or none, or the one below level 1 comes after
 * the file's own words (`E[X] = …` then `##### Variance` in `Expected Value.md`).
 */
function hasSections(parsed: ParsedFile): boolean {
  const top = topHeadings(parsed);
  // No heading at all: every card is a part of what the file's name says (`나가는 링크.md` › `> [!note] 코드 블록`).
  if (top.length !== 1) return true;
  const first = parsed.tree.children.indexOf(top[0]);
  const says = (block: RootContent) =>
    block.type === 'list' || block.type === 'math' || (block.type === 'paragraph' && /\p{L}/u.test(plainText(block.children)) && !isLinksOnly(block.children));
  return top[0].depth > 1 && parsed.tree.children.slice(0, first).some(says);
}

/** The headings at the file's top level (the smallest depth used). */
function topHeadings(parsed: ParsedFile): Heading[] {
  const headings = parsed.tree.children.filter((block): block is Heading => block.type === 'heading');
  const top = Math.min(...headings.map((heading) => heading.depth));
  return headings.filter((heading) => heading.depth === top);
}

function extend(scope: Scope, crumb: Crumb): Scope {
  return { ...scope, crumbs: [...scope.crumbs, crumb] };
}

function headingCrumb(heading: Heading): Crumb {
  const nodes = cleanFront(takeInlineTags(heading.children).nodes);
  return { text: plainText(nodes), nodes };
}

function crumbOf(nodes: PhrasingContent[]): Crumb {
  return { text: plainText(nodes), nodes };
}

/** The answer is the text after the separator, followed by any nested bullets. */
function withRest(after: PhrasingContent[], rest: RootContent[]): Nodes[] {
  return rest.length ? [{ type: 'paragraph', children: after }, ...rest] : after;
}

/** What follows a separator that starts the content (`: x` → `x`), else null. */
function afterLeadingSeparator(head: PhrasingContent[]): PhrasingContent[] | null {
  const [first, ...others] = head;
  const match = first?.type === 'text' ? /^(:{1,3}|：|[-–—])(\s+|$)/u.exec(first.value) : null;
  return match && first.type === 'text' ? trimPhrasing([{ ...first, value: first.value.slice(match[0].length) }, ...others]) : null;
}

function frontOfParent(head: PhrasingContent[]): PhrasingContent[] {
  const last = head[head.length - 1];
  if (last?.type !== 'text') return head;
  return [...head.slice(0, -1), { ...last, value: parentFront(last.value) }];
}

function positionOf(node: Nodes): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

