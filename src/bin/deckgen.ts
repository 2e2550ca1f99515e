#!/usr/bin/env node
/**
 * deckgen CLI. Exit codes: 0 built (warnings allowed); 1 an error diagnostic
 * (or a warning under --strict), or --check found stale decks — the decks are
 * still written from every valid card; 2 usage or configuration error.
 * With --json, stdout holds exactly one JSON document whatever happens.
 */
import yargs from 'yargs';
import { hideBin, Parser } from 'yargs/helpers';
import { build, DEFAULT_FORMATS, emptyReport, OUTPUT_FORMATS, type BuildReport, type OutputFormat } from '../lib/build.js';
import { diagnostic } from '../lib/diagnostic.js';
import { formatDiagnostic, formatSummary, toJson } from '../lib/report.js';
import { formatPlan, type Verbosity } from '../lib/identify/index.js';
import { removedCommand } from './removed.js';

interface PrintMode {
  json: boolean;
  dryRun: boolean;
  check: boolean;
  verbosity: Verbosity;
}

async function main(argv: string[], json: boolean): Promise<number> {
  let usageError: string | null = null;
  // Set by a subcommand's handler; the build runs only when none ran.
  let command: Promise<number> | null = null;
  const parser = yargs(argv)
    .scriptName('deckgen')
    .usage('$0 [options]\n\nTurn the bullets in markdown notes into Anki decks (.apkg) and Anki-importable CSV.')
    // requiresArg: `--notes` with its value forgotten is a mistake, not a request for the default.
    .option('notes', { type: 'string', default: 'notes', requiresArg: true, describe: 'Folder of markdown notes, read recursively (*.md)' })
    .option('out', { type: 'string', default: 'decks', requiresArg: true, describe: 'Folder the decks are written to' })
    .option('format', {
      type: 'string',
      default: DEFAULT_FORMATS.join(','),
      requiresArg: true,
      describe: `Comma-separated outputs: ${OUTPUT_FORMATS.join(', ')} (tsv: two columns for other flashcard apps)`,
      coerce: parseFormats,
    })
    .option('tsv-html', { type: 'boolean', default: false, describe: 'The TSV holds simple HTML instead of plain text' })
    .option('lock', { type: 'string', requiresArg: true, describe: 'Lock file keeping card identities (default: <notes>/deckgen.lock.json)' })
    .option('strict', { type: 'boolean', default: false, describe: 'Warnings fail the build (exit 1)' })
    .option('prose', { type: 'boolean', default: false, describe: 'Make cards of long prose sections too (front matter `prose: true` does it per file)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON report on stdout; human output goes to stderr' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Write nothing; print what a re-import would change' })
    .option('cache', { type: 'boolean', default: true, describe: 'Reuse the compiled notes of files that did not change (--no-cache: compile every file)' })
    .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if the decks on disk are not what the notes build (for CI)' })
    .option('osr', {
      type: 'boolean',
      describe:
        'Read every note as an obsidian-spaced-repetition note (--no-osr: none). Default: the notes of a vault with the plugin installed, and notes tagged #flashcards that hold OSR cards',
    })
    .command(removedCommand((run) => (command = run)))
    .epilogue(
      'Exit codes: 0 built (warnings allowed), 1 errors in notes (decks still written from valid cards) or --check found stale decks, 2 usage or configuration error.\n' +
        'Rules, note syntax and diagnostics: README.md and docs/.',
    )
    .strict()
    .version(false)
    .help()
    .alias('h', 'help')
    .check((parsed) => {
      // Each option once, never empty: `--notes ""` would build the whole working folder, and of
      // `--notes a --notes b` only one would be built without a word.
      for (const name of ['notes', 'out', 'lock', 'format'] as const) {
        const times = argv.filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)).length;
        if (times > 1) throw new Error(`--${name} is given ${times} times; give it once`);
        const value: unknown = parsed[name];
        if (typeof value === 'string' && !value.trim()) throw new Error(`--${name} is empty`);
      }
      return true;
    })
    .fail((message, error) => {
      usageError = message ?? error?.message ?? 'invalid arguments';
    });
  if (json && argv.some((arg) => arg === '--help' || arg === '-h')) {
    // stdout stays one JSON document with --json, help included.
    process.stdout.write(`${JSON.stringify({ help: await parser.getHelp() }, null, 2)}\n`);
    return 0;
  }
  const args = await parser.parseAsync();
  if (usageError) {
    process.stderr.write(`deckgen: ${usageError}\nRun deckgen --help for usage.\n`);
    if (json) printJson(failure('usage', usageError), false);
    return 2;
  }
  if (command) return await command;
  // Only for a person watching: never into a pipe or a log, never next to --json.
  const progress = process.stderr.isTTY && !args.json ? progressLine(process.stderr) : null;
  const report = await build({
    notesDir: args.notes,
    outDir: args.out,
    formats: args.format as OutputFormat[],
    strict: args.strict,
    prose: args.prose,
    dryRun: args['dry-run'],
    check: args.check,
    lockPath: args.lock,
    osr: args.osr,
    tsvHtml: args['tsv-html'],
    ...(args.cache ? {} : { cache: false as const }),
    ...(progress ? { progress: progress.update } : {}),
  });
  progress?.clear();
  print(report, { json: args.json, dryRun: args['dry-run'], check: args.check, verbosity: 'normal' });
  return report.exitCode;
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
  if (Array.isArray(value)) return []; // given twice: check() reports it
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((format) => !OUTPUT_FORMATS.includes(format as OutputFormat));
  if (unknown.length || formats.length === 0) throw new Error(`--format: unknown format "${unknown.join(',')}" (use ${OUTPUT_FORMATS.join(', ')})`);
  return formats as OutputFormat[];
}

/** A report with one error and nothing built, for problems found before a build could run (exit 2). */
function failure(rule: string, message: string): BuildReport {
  return { ...emptyReport(), diagnostics: [diagnostic('', null, 'error', rule, message)], exitCode: 2 };
}

function print(report: BuildReport, mode: PrintMode): void {
  for (const problem of report.diagnostics) process.stderr.write(`${formatDiagnostic(problem)}\n`);
  const human = mode.json ? process.stderr : process.stdout;
  // Every build says what the next import will do, not only --dry-run: removed notes are listed until cleared.
  const plan = report.changes ? formatPlan(report.changes, { verbosity: mode.verbosity }) : '';
  if (plan.trim() !== '') human.write(`${plan}\n`);
  if (mode.verbosity !== 'quiet') human.write(`${formatSummary(report, mode)}\n`);
  if (mode.json) printJson(report, true);
}

function printJson(report: BuildReport, withChanges: boolean): void {
  process.stdout.write(`${JSON.stringify(toJson(report, withChanges), null, 2)}\n`);
}

const argv = hideBin(process.argv);
// Known before yargs runs, so that a usage error or a crash still answers --json with JSON.
const json = Parser(argv, { boolean: ['json'] }).json === true;

main(argv, json).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in deckgen, not in the notes: say so plainly, keep the trace for the bug report.
    const message = 'internal error — please report it with the notes that caused it.';
    process.stderr.write(`deckgen: ${message}\n${error instanceof Error ? error.stack : String(error)}\n`);
    if (json) printJson(failure('internal-error', `deckgen ${message}`), false);
    process.exitCode = 2;
  },
);
