/**
 * `deckgen [NOTES]`, the default command: build the decks of a notes folder
 * (or of one .md file). Options the notes folder's config can set have no
 * yargs default: left out, the config (then build()'s default) decides.
 */
import type { Argv, InferredOptionTypes } from 'yargs';
import { build, DEFAULT_FORMATS, OUTPUT_FORMATS, type BuildOptions, type BuildReport, type OutputFormat } from '../lib/build.js';
import { formatPlan } from '../lib/identify/index.js';
import { formatDiagnostic, formatSummary, toJson, type Colors } from '../lib/report.js';
import type { Command } from './command.js';

export const BUILD_OPTIONS = {
  // requiresArg: `--notes` with its value forgotten is a mistake, not a request for the default.
  notes: { type: 'string', requiresArg: true, describe: 'Folder of markdown notes (read recursively), or one .md file; also --notes NOTES', defaultDescription: 'notes' },
  out: { type: 'string', requiresArg: true, describe: 'Folder the decks are written to', defaultDescription: '"decks", or the config\'s "out"' },
  format: {
    type: 'string',
    requiresArg: true,
    describe: `Comma-separated outputs: ${OUTPUT_FORMATS.join(', ')} (tsv: two columns for other flashcard apps; html: a preview page of every card)`,
    defaultDescription: DEFAULT_FORMATS.join(','),
    coerce: parseFormats,
  },
  'tsv-html': { type: 'boolean', describe: 'The TSV holds simple HTML instead of plain text' },
  lock: { type: 'string', requiresArg: true, describe: 'Lock file keeping card identities', defaultDescription: '<notes>/deckgen.lock.json' },
  strict: { type: 'boolean', describe: 'Warnings fail the build (exit 1)' },
  prose: { type: 'boolean', describe: 'Make cards of long prose sections too (front matter `prose: true` does it per file)' },
  gitignore: { type: 'boolean', describe: "Skip the notes the notes folder's .gitignore ignores (--no-gitignore: read them)", defaultDescription: 'true' },
  json: { type: 'boolean', default: false, describe: 'Print one JSON report on stdout; human output goes to stderr' },
  'dry-run': { type: 'boolean', default: false, describe: 'Write nothing; print what a re-import would change' },
  check: { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if the decks on disk are not what the notes build (for CI)' },
  cache: { type: 'boolean', default: true, describe: 'Reuse the compiled notes of files that did not change (--no-cache: compile every file)' },
  osr: {
    type: 'boolean',
    describe:
      'Read every note as an obsidian-spaced-repetition note (--no-osr: none). Default: the notes of a vault with the plugin installed, and notes tagged #flashcards that hold OSR cards',
  },
  quiet: { type: 'boolean', alias: 'q', conflicts: 'verbose', describe: 'Print only diagnostics and errors' },
  verbose: { type: 'boolean', alias: 'v', describe: 'Also list every deck and every notes file' },
} as const;

export type BuildArgs = InferredOptionTypes<typeof BUILD_OPTIONS> & { notes?: string };

/** Given once, never empty: `--notes ""` would build the whole working folder, and of `--notes a --notes b` only one. */
function checkOnce(argv: readonly string[], parsed: Record<string, unknown>): true {
  for (const name of ['notes', 'out', 'lock', 'format'] as const) {
    const times = argv.filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)).length;
    if (times > 1) throw new Error(`--${name} is given ${times} times; give it once`);
    const value = parsed[name];
    if (typeof value === 'string' && !value.trim()) throw new Error(`--${name} is empty`);
  }
  const flag = argv.findIndex((arg) => arg === '--notes' || arg.startsWith('--notes='));
  const flagValue = flag < 0 ? undefined : argv[flag].startsWith('--notes=') ? argv[flag].slice('--notes='.length) : argv[flag + 1];
  // `--notes --json` (value forgotten) is requiresArg's to report.
  if (flagValue !== undefined && !flagValue.startsWith('-') && parsed.notes !== flagValue) throw new Error('The notes are given twice (NOTES and --notes); give them once');
  return true;
}

export function buildCommand(argv: readonly string[], colors: (stream: NodeJS.WriteStream) => Colors): Command<BuildArgs> {
  return {
    command: '$0 [notes]',
    describe: 'Build the decks of a notes folder, or of one .md file',
    builder: (yargs: Argv) =>
      yargs
        .positional('notes', { type: 'string' })
        .options(BUILD_OPTIONS)
        .check((parsed) => checkOnce(argv, parsed)) as unknown as Argv<BuildArgs>,
    run: (args) => runBuild(args, colors),
  };
}

async function runBuild(args: BuildArgs, colors: (stream: NodeJS.WriteStream) => Colors): Promise<number> {
  // Only for a person watching: never into a pipe or a log, never next to --json.
  const progress = process.stderr.isTTY && !args.json && !args.quiet ? progressLine(process.stderr) : null;
  const options: BuildOptions = { ...buildOptions(args), ...(progress ? { progress: progress.update } : {}) };
  const report = await build(options);
  progress?.clear();
  print(report, args, colors);
  return report.exitCode;
}

/** The build the arguments ask for (also `deckgen watch`'s, src/bin/watch-command.ts). */
export function buildOptions(args: BuildArgs): BuildOptions {
  return {
    notesDir: args.notes ?? 'notes',
    outDir: args.out,
    formats: args.format,
    strict: args.strict,
    prose: args.prose,
    dryRun: args['dry-run'],
    check: args.check,
    lockPath: args.lock,
    osr: args.osr,
    tsvHtml: args['tsv-html'],
    gitignore: args.gitignore,
    ...(args.cache ? {} : { cache: false as const }),
  };
}

/**
 * `compiled 40/100 files (12 cached)` on one line, redrawn at most ten times a second, shown only once a
 * build has run for a second (a quick build prints nothing), and erased before the summary.
 */
function progressLine(stream: NodeJS.WriteStream) {
  const started = Date.now();
  let drawn = 0;
  let shown = false;
  return {
    update(done: number, total: number, cached: number) {
      const now = Date.now();
      if (now - started < 1000 || (now - drawn < 100 && done < total)) return;
      drawn = now;
      shown = true;
      stream.write(`\r\x1b[Kcompiled ${done}/${total} files (${cached} cached)`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

function parseFormats(value: string | string[]): OutputFormat[] {
  if (Array.isArray(value)) return []; // given twice: the check reports it
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((format) => !OUTPUT_FORMATS.includes(format as OutputFormat));
  if (unknown.length || formats.length === 0) throw new Error(`--format: unknown format "${unknown.join(',')}" (use ${OUTPUT_FORMATS.join(', ')})`);
  return formats as OutputFormat[];
}

function print(report: BuildReport, args: BuildArgs, colors: (stream: NodeJS.WriteStream) => Colors): void {
  const mode = { dryRun: args['dry-run'], check: args.check, verbose: args.verbose };
  for (const problem of report.diagnostics) process.stderr.write(`${formatDiagnostic(problem, colors(process.stderr))}\n`);
  const human = args.json ? process.stderr : process.stdout;
  // Every build says what the next import will do, not only --dry-run: removed notes are listed until cleared.
  const verbosity = args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal';
  const plan = report.changes ? formatPlan(report.changes, { verbosity }) : '';
  if (plan.trim() !== '') human.write(`${plan}\n`);
  if (!args.quiet) human.write(`${formatSummary(report, mode, colors(human))}\n`);
  if (args.json) printJson(report, true);
}

export function printJson(report: BuildReport, withChanges: boolean): void {
  process.stdout.write(`${JSON.stringify(toJson(report, withChanges), null, 2)}\n`);
}
