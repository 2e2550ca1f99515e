/**
 * The per-file compile unit: one markdown file (as read) in, its rendered notes out.
 *
 *   parse → validate (tree) → extract → render → validate (rendered, then each note) → describe (identity)
 *
 * The notes leave without their markdown trees (model.ts CompiledNote): every
 * rule that reads a tree runs here, so what is cached and sent between
 * threads is the fields and the few facts the later stages read. Each note's
 * identity is described here too (identify/index.ts describeNote: it reads
 * one note), so only matching against the lock is left for the whole build.
 *
 * Everything here depends only on the file, the media it references and the
 * CompileOptions, and writes nothing: that is what lets a result be cached
 * (compile/cache.ts) or computed in a worker thread (compile/files.ts). What
 * needs every file at once (duplicates, identity) comes after, in build.ts.
 */
import { append } from '../array.js';
import type { Diagnostic } from '../diagnostic.js';
import { extractNotes } from '../extract/index.js';
import { described, type Described } from '../identify/index.js';
import type { CompiledNote, ExtractedNote, RenderedNote, SourceFile } from '../model.js';
import type { OsrMode } from '../osr.js';
import type { VaultLocation } from '../read/vault.js';
import { parseFile } from '../parse/index.js';
import { renderNote, type MediaRef } from '../render/index.js';
import { validateEachNote, validateFile, validateRendered } from '../validate/index.js';
import { guarded } from './guard.js';

/**
 * Every setting that changes what a file compiles to. Keep it one plain,
 * JSON-serializable object: the cache keys on all of it and workers receive
 * it as is, so a setting added here is part of the cache key automatically.
 */
export interface CompileOptions {
  /** Absolute notes folder: decks and tags come from paths inside it; images must stay inside it. */
  notesDir: string;
  /** Base of the paths shown in diagnostics. */
  cwd: string;
  /** The notes folder is an Obsidian vault (`.obsidian/`): a file's name is its title. */
  vault: boolean;
  /** How obsidian-spaced-repetition notes are read (read/osr.ts findOsr: the plugin's settings, or none). */
  osr?: OsrMode;
  /** Long prose sections make cards too (`--prose`, extract/rules/prose-section.ts). */
  prose?: boolean;
  /** Every file of the notes folder (posix, relative to it): where `![[name]]` embeds are found. */
  vaultFiles: string[];
  /** Where the notes folder is in an Obsidian vault (read/vault.ts): the Source field then links to the note. */
  vaultLocation: VaultLocation | null;
}

export interface CompiledFile {
  /** Path relative to the notes folder, posix separators. */
  relativePath: string;
  /**
   * The file's notes, in document order; null when the file could not be read
   * or parsed (not UTF-8, front matter not valid YAML…): its notes are unknown
   * this build, not deleted.
   */
  notes: Described<CompiledNote>[] | null;
  /** Every local image the notes looked for, found or not: the result depends on these files too. */
  mediaRefs: MediaRef[];
  /** Notes extracted but left out by the rendered-note and note rules (e.g. an empty side). */
  leftOut: number;
  diagnostics: Diagnostic[];
}

/**
 * Everything after reading: a function of the decoded file, its images and the options (what the cache keys on).
 * Never throws: a bug while parsing or extracting loses the file (its notes keep their lock entries), a bug while
 * rendering one note loses that note (compile/guard.ts).
 */
export function compileFile(file: SourceFile, options: CompileOptions): CompiledFile {
  const diagnostics: Diagnostic[] = [];
  const extracted = guarded(file.displayPath, () => extractFile(file, options, diagnostics));
  if (!extracted.ok) diagnostics.push(extracted.problem);
  const notes = extracted.ok ? extracted.value : null;
  if (!notes) return { relativePath: file.relativePath, notes: null, mediaRefs: [], leftOut: 0, diagnostics };
  const refs = new Map<string, MediaRef>();
  const rendered: RenderedNote[] = [];
  for (const note of notes) {
    const result = guarded(file.displayPath, () => renderNote(note, { notesRoot: options.notesDir, vaultFiles: options.vaultFiles, vault: options.vaultLocation }));
    if (!result.ok) {
      // Left out like a note the rendered-note rules drop: the file counts as having a problem, the note keeps its entry.
      diagnostics.push({ ...result.problem, line: note.position.line, column: note.position.column });
      continue;
    }
    append(diagnostics, result.value.diagnostics);
    for (const ref of result.value.mediaRefs) refs.set(ref.path, ref);
    rendered.push(result.value.rendered);
  }
  const kept = validated(rendered, diagnostics).map((note) => described(withoutTrees(note)));
  return { relativePath: file.relativePath, notes: kept, mediaRefs: [...refs.values()], leftOut: notes.length - kept.length, diagnostics };
}

/** The rendered notes the rendered-note rules and then the note rules keep. */
function validated(rendered: RenderedNote[], diagnostics: Diagnostic[]): RenderedNote[] {
  const shown = validateRendered(rendered);
  append(diagnostics, shown.diagnostics);
  const valid = validateEachNote(shown.notes.map(({ note }) => note));
  append(diagnostics, valid.diagnostics);
  const kept = new Set(valid.notes);
  return shown.notes.filter(({ note }) => kept.has(note));
}

function withoutTrees({ note, ...rendered }: RenderedNote): CompiledNote {
  const { front, back, ...info } = note;
  let lastLine = note.position.line;
  for (const node of [...front, ...back]) lastLine = Math.max(lastLine, node.position?.end.line ?? lastLine);
  return { ...rendered, note: { ...info, lastLine } };
}

/** Parse, tree rules and extraction; null when the file was skipped for an error (its diagnostics say why). */
function extractFile(file: SourceFile, options: CompileOptions, diagnostics: Diagnostic[]): ExtractedNote[] | null {
  const { parsed, diagnostics: parseProblems } = parseFile(file);
  append(diagnostics, parseProblems);
  if (!parsed) return null;
  append(diagnostics, validateFile(parsed));
  const extracted = extractNotes(parsed, { vault: options.vault, prose: options.prose === true, ...(options.osr ? { osr: options.osr } : {}) });
  append(diagnostics, extracted.diagnostics);
  return extracted.notes;
}
