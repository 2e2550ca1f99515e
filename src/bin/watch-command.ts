/**
 * `deckgen watch [NOTES] [--serve [--port N]]`: the build's options, then a
 * rebuild after every save (src/bin/watch.ts).
 */
import type { Argv } from 'yargs';
import { BUILD_OPTIONS, buildOptions, type BuildArgs } from './build-command.js';
import type { Command } from './command.js';
import { DEFAULT_PORT, runWatch } from './watch.js';

type WatchArgs = BuildArgs & { serve: boolean; port: number };

export function watchCommand(): Command<WatchArgs> {
  return {
    command: 'watch [notes]',
    describe: 'Build, then rebuild after every save; --serve shows the preview live',
    builder: (yargs: Argv) =>
      yargs
        .positional('notes', { type: 'string', describe: 'Folder of markdown notes (or --notes)' })
        .options(BUILD_OPTIONS)
        .option('serve', { type: 'boolean', default: false, describe: 'Also serve the preview page on 127.0.0.1, updated in place after each build' })
        .option('port', { type: 'number', default: DEFAULT_PORT, requiresArg: true, describe: 'Port of --serve (0: any free port)' }) as unknown as Argv<WatchArgs>,
    run: (args) => watch(args),
  };
}

function watch(args: WatchArgs): Promise<number> {
  const port = Number(args.port);
  const problem =
    args.json || args.check || args['dry-run']
      ? 'watch writes the decks after every save and prints for people: --json, --dry-run and --check do not go with it'
      : !Number.isInteger(port) || port < 0 || port > 65535
        ? `--port ${String(args.port)} is not a port number (0 to 65535)`
        : null;
  if (problem) {
    process.stderr.write(`deckgen: ${problem}\nRun deckgen --help for usage.\n`);
    return Promise.resolve(2);
  }
  return runWatch({ build: { ...buildOptions(args), dryRun: false, check: false }, serve: args.serve, port });
}
