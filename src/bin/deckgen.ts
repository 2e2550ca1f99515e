#!/usr/bin/env node
/**
 * deckgen CLI. Exit codes: 0 built (warnings allowed); 1 an error diagnostic
 * (or a warning under --strict), or --check found stale decks — the decks are
 * still written from every valid card; 2 usage or configuration error.
 * With --json, stdout holds exactly one JSON document whatever happens.
 */
import { createRequire } from 'node:module';
import pc from 'picocolors';
import yargs, { type Argv } from 'yargs';
import { hideBin, Parser } from 'yargs/helpers';
import { emptyReport, type BuildReport } from '../lib/build.js';
import { diagnostic } from '../lib/diagnostic.js';
import type { Colors } from '../lib/report.js';
import { BUILD_OPTIONS, buildCommand, printJson } from './build-command.js';
import type { Command } from './command.js';
import { withSuggestions } from './suggest.js';
import { watchCommand } from './watch-command.js';
import { removedCommand } from './removed.js';

// ../../package.json from both src/bin (tsx) and dist/bin (installed).
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

async function main(argv: string[], json: boolean): Promise<number> {
  let usageError: string | null = null;
  let action: (() => Promise<number>) | null = null;
  const colors = colorsFor(json);
  const parser = yargs(argv).scriptName('deckgen');
  // Each command records its run; a new command is one more line here.
  const record = (run: () => Promise<number>) => {
    action = run;
  };
  register(parser, buildCommand(argv, colors), record);
  register(parser, watchCommand(), record);
  register(parser, removedCommand(), record);
  parser
    .usage('$0 [NOTES] [options]\n$0 watch [NOTES] [--serve [--port N]]\n$0 removed [NOTES] [--clear]\n\nTurn the bullets in markdown notes (a folder, default notes/, or one .md file) into Anki decks (.apkg), Anki-importable CSV and TSV for other apps.')
    .epilogue(
      'Settings can also live in deckgen.config.json (or .deckgenrc) in the notes folder; options given here win.\n' +
        'Exit codes: 0 built (warnings allowed), 1 errors in notes (decks still written from valid cards) or --check found stale decks, 2 usage or configuration error.\n' +
        'Rules, note syntax and diagnostics: README.md and docs/.',
    )
    .strict()
    .recommendCommands()
    .version(version)
    .help()
    .alias('h', 'help')
    .fail((message, error) => {
      const known = [...Object.keys(BUILD_OPTIONS), 'serve', 'port', 'clear', 'help', 'version'];
      usageError = withSuggestions(message ?? error?.message ?? 'invalid arguments', argv, known);
    });
  if (json && argv.some((arg) => arg === '--help' || arg === '-h')) {
    // stdout stays one JSON document with --json, help included.
    process.stdout.write(`${JSON.stringify({ help: await parser.getHelp() }, null, 2)}\n`);
    return 0;
  }
  await parser.parseAsync();
  if (usageError) {
    process.stderr.write(`deckgen: ${usageError}\nRun deckgen --help for usage.\n`);
    if (json) printJson(failure('usage', usageError), false);
    return 2;
  }
  // null after --help or --version, which yargs has answered.
  const run = action as (() => Promise<number>) | null;
  return run ? run() : 0;
}

function register<Args>(parser: Argv, command: Command<Args>, record: (run: () => Promise<number>) => void): void {
  parser.command(command.command, command.describe, command.builder, (args) => record(() => command.run(args as Args)));
}

/** Colour only for a person at a terminal: never into a pipe or a log, never with --json, never under NO_COLOR. */
function colorsFor(json: boolean): (stream: NodeJS.WriteStream) => Colors {
  const { NO_COLOR, FORCE_COLOR } = process.env;
  return (stream) => pc.createColors(!json && !NO_COLOR && (stream.isTTY || (!!FORCE_COLOR && FORCE_COLOR !== '0')));
}

/** A report with one error and nothing built, for problems found before a build could run (exit 2). */
function failure(rule: string, message: string): BuildReport {
  return { ...emptyReport(), diagnostics: [diagnostic('', null, 'error', rule, message)], exitCode: 2 };
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
