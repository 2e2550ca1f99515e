/**
 * `--format html`: a preview of every card, front and back, as Anki will show
 * it, with the build's diagnostics beside the cards they are about.
 */
import type { Diagnostic } from '../../diagnostic.js';
import type { DeckPackage, CompiledNote } from '../../model.js';
import { previewData } from './cards.js';
import { previewPage } from './page.js';

export interface PreviewInput {
  /** What the page is titled: the notes folder's name. */
  title: string;
  /** The notes the package was identified from, in the package's order. */
  notes: readonly CompiledNote[];
  diagnostics: readonly Diagnostic[];
}

export function buildHtml(pkg: DeckPackage, input: PreviewInput): string {
  return previewPage(previewData(input.title, pkg.notes, input.notes, pkg.media, input.diagnostics));
}
