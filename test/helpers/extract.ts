import { extractNotes, type ExtractOptions } from '../../src/lib/extract/index.js';
import type { ExtractedNote } from '../../src/lib/model.js';
import { parseFile } from '../../src/lib/parse/index.js';
import { validateFile } from '../../src/lib/validate/index.js';

/** Runs parse → extract on markdown text as if it were `notes/<relativePath>`. */
export function extract(markdown: string, relativePath = 'topic.md', options: ExtractOptions = {}) {
  const source = { absolutePath: `/notes/${relativePath}`, displayPath: `notes/${relativePath}`, relativePath, text: markdown };
  const { parsed, diagnostics } = parseFile(source);
  if (!parsed) return { notes: [] as ExtractedNote[], diagnostics };
  const extracted = extractNotes(parsed, options);
  return { notes: extracted.notes, diagnostics: [...diagnostics, ...validateFile(parsed), ...extracted.diagnostics] };
}

/** `context › front => back`, the way a reviewer reads a card. */
export function cardText(note: ExtractedNote): string {
  return `${[...note.context, note.frontText].join(' › ')} => ${note.backText}`;
}
