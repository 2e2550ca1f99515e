/**
 * Render stage: an extracted note's markdown (as mdast) becomes Anki field
 * HTML, plus the card ords it yields and the media it needs. Synchronous, and
 * all parsers and processors are built once per process: it runs for every note.
 */
import type { Diagnostic } from '../diagnostic.js';
import { CONTEXT_SEPARATOR, type ExtractedNote, type MediaFile, type RenderedNote } from '../model.js';
import { clozeOrds } from './cloze.js';
import { footnotesBlock } from './footnote.js';
import { renderField, renderPlainText } from './html.js';
import type { MediaContext } from './media.js';
import type { VaultLocation } from '../read/vault.js';
import { sourceField } from './source.js';

export interface RenderOptions {
  /** Absolute notes folder; images must stay inside it. */
  notesRoot: string;
  /** Its files (posix, relative to it): where `![[name]]` embeds are found (read/vault.ts listVaultFiles). */
  vaultFiles?: readonly string[];
  /** Where the notes folder is in an Obsidian vault (read/vault.ts): the Source field then links to the note. */
  vault?: VaultLocation | null;
}

/** A local image a note looked for: its absolute path, and the media name it was bundled as (null: not bundled). */
export interface MediaRef {
  path: string;
  name: string | null;
}

export interface RenderResult {
  rendered: RenderedNote;
  diagnostics: Diagnostic[];
  /** The local images the note looked for, found or not: the rendering depends on those files. */
  mediaRefs: MediaRef[];
}

export function renderNote(note: ExtractedNote, options: RenderOptions): RenderResult {
  const media: MediaContext = {
    notesRoot: options.notesRoot,
    vaultFiles: options.vaultFiles,
    noteFile: note.absolutePath,
    source: note.source,
    fallback: note.position,
    media: new Map<string, MediaFile>(),
    lookups: new Map<string, string | null>(),
    diagnostics: [],
    asked: [note.frontText, ...note.context],
  };
  const footnotes = footnotesBlock([note.front, note.back]);
  const fields = [
    renderField(note.front, { media }),
    renderField(footnotes ? [...note.back, footnotes] : note.back, { media }),
    note.context.map((part) => renderPlainText(part, media)).join(CONTEXT_SEPARATOR),
    sourceField(note.relativePath, note.headings, options.vault ?? null),
  ];
  const rendered: RenderedNote = { note, fields, ords: ords(note), media: [...media.media.values()] };
  return { rendered, diagnostics: media.diagnostics, mediaRefs: [...media.lookups].map(([path, name]) => ({ path, name })) };
}

function ords(note: ExtractedNote): number[] {
  if (note.kind === 'basic') return [0];
  if (note.kind === 'reversed') return [0, 1];
  return clozeOrds([note.front, note.back]);
}
