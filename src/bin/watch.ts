/**
 * `deckgen watch [NOTES] [--serve [--port N]]`, for people at a terminal:
 * what each rebuild changed, the diagnostics that are new since the build
 * before, and with --serve the preview's address. Ctrl-C (SIGINT) or SIGTERM
 * stops it once a build under way has written its files.
 */
import { basename, join, resolve } from 'node:path';
import { buildTargets, DEFAULT_FORMATS, OUTPUT_FORMATS, type BuildOptions, type OutputFormat } from '../lib/build.js';
import { formatPlan } from '../lib/identify/index.js';
import { formatDiagnostic } from '../lib/report.js';
import { watchNotes, type WatchedBuild } from '../lib/watch/index.js';
import { servePreview, type PreviewServer } from '../lib/watch/serve.js';

/** Where `--serve` listens unless told. */
export const DEFAULT_PORT = 7700;

export interface WatchCommand {
  build: BuildOptions;
  serve: boolean;
  port: number;
}

export async function runWatch(command: WatchCommand): Promise<number> {
  const options = command.serve ? withPage(command.build) : command.build;
  const cwd = options.cwd ?? process.cwd();
  let server: PreviewServer | null = null;
  if (command.serve) {
    // A build that cannot run yet (an invalid config) gets the default place until it can.
    const page = buildTargets(options)?.outputs.html ?? join(resolve(cwd, options.outDir ?? 'decks'), `${basename(resolve(cwd, options.notesDir))}.html`);
    try {
      server = await servePreview(page, command.port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(`deckgen: cannot serve the preview on port ${command.port}: ${code === 'EADDRINUSE' ? 'the port is in use; pick another with --port' : String(error)}\n`);
      return 2;
    }
    process.stdout.write(`Preview: ${server.url}\n`);
  }
  let seen = new Set<string>();
  const watcher = await watchNotes({
    build: options,
    onBuild: (built) => {
      seen = printBuild(built, seen);
      server?.publish({
        number: built.number,
        exitCode: built.report.exitCode,
        failure: built.report.exitCode === 2 ? built.report.diagnostics.filter((problem) => problem.severity === 'error') : [],
      });
    },
  });
  process.stdout.write(`Watching ${options.notesDir} (Ctrl-C stops)\n`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await watcher.close();
  await server?.close();
  process.stdout.write('Stopped.\n');
  return 0;
}

/**
 * The live preview is the page: serving it means writing it, besides the
 * formats asked for — on the command line, else in the config (which only
 * the build reads: buildTargets resolves it), else the defaults.
 */
function withPage(build: BuildOptions): BuildOptions {
  const asked = build.formats ?? (Object.keys(buildTargets(build)?.outputs ?? {}) as OutputFormat[]);
  const formats = new Set<OutputFormat>([...(asked.length ? asked : DEFAULT_FORMATS), 'html']);
  return { ...build, formats: OUTPUT_FORMATS.filter((format) => formats.has(format)) };
}

/** Prints one build; returns the diagnostics it had, to print only new ones next time. */
function printBuild({ report, number, changed, milliseconds }: WatchedBuild, before: ReadonlySet<string>): Set<string> {
  const time = new Date().toTimeString().slice(0, 8);
  const what = number === 1 ? 'Built' : `${changed.length === 1 ? changed[0] : `${changed.length} files`} changed: rebuilt`;
  const { total, cached } = report.files;
  // What the compile cache saved: after one save, one file is compiled again.
  const work = total === 0 ? '' : ` (${total - cached} of ${total} file${total === 1 ? '' : 's'} compiled, ${cached} from the cache)`;
  const lines = [`[${time}] ${what} in ${(milliseconds / 1000).toFixed(1)} s${work}`];
  if (report.changes) lines.push(formatPlan(report.changes, { limit: 10 }).trimEnd());
  const now = new Set(report.diagnostics.map((problem) => formatDiagnostic(problem)));
  for (const line of now) if (!before.has(line)) lines.push(line);
  const count = (severity: string) => report.diagnostics.filter((problem) => problem.severity === severity).length;
  const written = report.outputs.map((output) => output.path).join(', ');
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} info${written ? `; wrote ${written}` : '; nothing written'}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  return now;
}
