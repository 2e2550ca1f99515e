/**
 * The notes folder's own settings: `deckgen.config.json` (or `.deckgenrc`,
 * `.deckgenrc.json`), found by lilconfig in the notes folder only — a notes
 * repository carries its settings with it, and a config file in some parent
 * folder never changes a build by surprise. JSON only: a notes folder someone
 * shared must not run code on the machine that builds it.
 */
import { lilconfigSync } from 'lilconfig';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../write/index.js';

export const CONFIG_FILES = ['deckgen.config.json', '.deckgenrc', '.deckgenrc.json'];

/** What a config file may set; every key is optional and a command-line flag wins over it. */
export interface NotesConfig {
  /** Globs (relative to the notes folder) of the notes to read; default every `*.md`. */
  include?: string[];
  /** Globs of notes not to read. */
  exclude?: string[];
  /** Output folder, relative to the notes folder. */
  out?: string;
  /** Lock file, relative to the notes folder. */
  lock?: string;
  format?: OutputFormat[];
  strict?: boolean;
  prose?: boolean;
  osr?: boolean;
  tsvHtml?: boolean;
  /** Honour the notes folder's `.gitignore` (default true). */
  gitignore?: boolean;
}

type Check = (value: unknown) => string | null;

const boolean: Check = (value) => (typeof value === 'boolean' ? null : 'must be true or false');
const path: Check = (value) => (typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty path');
const globs: Check = (value) =>
  Array.isArray(value) && value.every((glob) => typeof glob === 'string' && glob.trim() !== '') ? null : 'must be a list of globs, e.g. ["drafts/**"]';
const formats: Check = (value) => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  const known = list?.every((format) => typeof format === 'string' && OUTPUT_FORMATS.includes(format.trim() as OutputFormat));
  return list && list.length > 0 && known ? null : `must list formats among ${OUTPUT_FORMATS.join(', ')}, e.g. ["apkg", "csv"]`;
};

const KEYS: Record<keyof NotesConfig, Check> = {
  include: globs,
  exclude: globs,
  out: path,
  lock: path,
  format: formats,
  strict: boolean,
  prose: boolean,
  osr: boolean,
  tsvHtml: boolean,
  gitignore: boolean,
};

export interface ConfigResult {
  config: NotesConfig;
  /** The file it came from, or null when the folder has none. */
  path: string | null;
  diagnostics: Diagnostic[];
}

/** The config of `notesDir`; an invalid file is one `config-invalid` error per problem (and no config). */
export function loadConfig(notesDir: string, show: (path: string) => string): ConfigResult {
  // The loader hands back the text: parsing it here lets every problem name its line.
  const found = lilconfigSync('deckgen', { searchPlaces: CONFIG_FILES, stopDir: notesDir, loaders: { '.json': raw, noExt: raw } }).search(notesDir);
  if (!found) return { config: {}, path: null, diagnostics: [] };
  const file = show(found.filepath);
  const text = String(found.config);
  const problem = (place: { line: number; column: number } | null, message: string) => diagnostic(file, place, 'error', 'config-invalid', message);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { config: {}, path: found.filepath, diagnostics: [problem(placeOfJsonError(text, error), `Not valid JSON: ${(error as Error).message}`)] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { config: {}, path: found.filepath, diagnostics: [problem({ line: 1, column: 1 }, 'A config file holds one JSON object, e.g. {"exclude": ["drafts/**"]}')] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const check = KEYS[key as keyof NotesConfig] as Check | undefined;
    const reason = check ? check(value) : `is not a setting (known: ${Object.keys(KEYS).join(', ')})`;
    if (reason) diagnostics.push(problem(placeOfKey(text, key), `"${key}" ${reason}`));
  }
  if (diagnostics.length) return { config: {}, path: found.filepath, diagnostics };
  const config = parsed as Record<string, unknown>;
  if (typeof config.format === 'string') config.format = config.format.split(',').map((format) => format.trim());
  return { config: config as NotesConfig, path: found.filepath, diagnostics };
}

function raw(_path: string, content: string): string {
  return content;
}

function placeAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function placeOfKey(text: string, key: string): { line: number; column: number } | null {
  const offset = text.indexOf(JSON.stringify(key));
  return offset < 0 ? null : placeAt(text, offset);
}

/** V8 names the failing offset (`at position 42`) or the line itself (`line 3 column 5`, Node 22+). */
function placeOfJsonError(text: string, error: unknown): { line: number; column: number } | null {
  const message = String((error as Error).message);
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return { line: Number(line[1]), column: Number(line[2]) };
  const position = /position (\d+)/.exec(message);
  return position ? placeAt(text, Number(position[1])) : null;
}
