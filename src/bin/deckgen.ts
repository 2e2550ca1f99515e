#!/usr/bin/env node
/**
 * deckgen CLI. Exit codes: 0 built (warnings allowed); 1 an error diagnostic
 * (or a warning under --strict), or --check found stale decks — the decks are
 * still written from every valid card; 2 usage or configuration error.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { build, OUTPUT_FORMATS, type BuildReport, type OutputFormat } from '../lib/build.js';
import { formatDiagnostic, formatSummary, toJson } from '../lib/report.js';
import { formatPlan } from '../lib/identify/index.js';

async function main(argv: string[]): Promise<number> {
  let usageError: string | null = null;
  const args = await yargs(argv)
    .scriptName('deckgen')
    .usage('$0 [options]\n\nTurn the bullets in markdown notes into Anki decks (.apkg) and Anki-importable CSV.')
    .option('notes', { type: 'string', default: 'notes', describe: 'Folder of markdown notes, read recursively (*.md)' })
    .option('out', { type: 'string', default: 'decks', describe: 'Folder the decks are written to' })
    .option('format', {
      type: 'string',
      default: OUTPUT_FORMATS.join(','),
      describe: 'Comma-separated outputs: apkg, csv',
      coerce: parseFormats,
    })
    .option('lock', { type: 'string', describe: 'Lock file keeping card identities (default: <notes>/deckgen.lock.json)' })
    .option('strict', { type: 'boolean', default: false, describe: 'Warnings fail the build (exit 1)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON report on stdout; human output goes to stderr' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Write nothing; print what a re-import would change' })
    .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if the decks on disk are not what the notes build (for CI)' })
    .epilogue(
      'Exit codes: 0 built (warnings allowed), 1 errors in notes (decks still written from valid cards) or --check found stale decks, 2 usage or configuration error.\n' +
        'Rules, note syntax and diagnostics: README.md and docs/.',
    )
    .strict()
    .version(false)
    .help()
    .alias('h', 'help')
    .fail((message, error) => {
      usageError = message ?? error?.message ?? 'invalid arguments';
    })
    .parseAsync();
  if (usageError) {
    process.stderr.write(`deckgen: ${usageError}\nRun deckgen --help for usage.\n`);
    return 2;
  }
  const report = await build({
    notesDir: args.notes,
    outDir: args.out,
    formats: args.format as OutputFormat[],
    strict: args.strict,
    dryRun: args['dry-run'],
    check: args.check,
    lockPath: args.lock,
  });
  print(report, { json: args.json, dryRun: args['dry-run'], check: args.check });
  return report.exitCode;
}

function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((format) => !OUTPUT_FORMATS.includes(format as OutputFormat));
  if (unknown.length || formats.length === 0) throw new Error(`--format: unknown format "${unknown.join(',')}" (use apkg, csv)`);
  return formats as OutputFormat[];
}

function print(report: BuildReport, mode: { json: boolean; dryRun: boolean; check: boolean }): void {
  for (const problem of report.diagnostics) process.stderr.write(`${formatDiagnostic(problem)}\n`);
  const human = mode.json ? process.stderr : process.stdout;
  if (mode.dryRun && report.changes) human.write(`${formatPlan(report.changes)}\n`);
  human.write(`${formatSummary(report, mode)}\n`);
  if (mode.json) process.stdout.write(`${JSON.stringify(toJson(report, mode.dryRun), null, 2)}\n`);
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in deckgen, not in the notes: say so plainly, keep the trace for the bug report.
    process.stderr.write(`deckgen: internal error — please report it with the notes that caused it.\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
