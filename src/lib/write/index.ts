/**
 * The write stage: every output a build can write, by the name `--format`
 * takes. A writer is a function from the package to the file's contents; the
 * build names the file `<notes folder>.<format>`. Adding an output is adding
 * an entry here.
 */
import type { DeckPackage } from '../model.js';
import { buildApkg } from './apkg/index.js';
import { buildCsv } from './csv/index.js';
import { buildHtml, type PreviewInput } from './html/index.js';
import { buildTsv } from './tsv/index.js';

export interface WriteOptions {
  /** The TSV holds simple HTML instead of plain text. */
  tsvHtml?: boolean;
  /** What the preview page shows besides the package: the build's notes and diagnostics (html only). */
  preview?: PreviewInput;
}

export type Writer = (pkg: DeckPackage, options: WriteOptions) => Promise<Uint8Array | string> | string;

export const WRITERS = {
  apkg: (pkg) => buildApkg(pkg),
  csv: (pkg) => buildCsv(pkg),
  tsv: (pkg, options) => buildTsv(pkg, { html: options.tsvHtml }),
  html: (pkg, options) => {
    if (!options.preview) throw new Error('deckgen bug: the html writer needs the build\'s notes and diagnostics');
    return buildHtml(pkg, options.preview);
  },
} satisfies Record<string, Writer>;

export type OutputFormat = keyof typeof WRITERS;

/** Every format, in the order a build writes them. */
export const OUTPUT_FORMATS = Object.keys(WRITERS) as OutputFormat[];

/** What a build writes unless told otherwise: the files for Anki (not the preview, which is asked for). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['apkg', 'csv'];
