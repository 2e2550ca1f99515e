/** `deckgen removed [NOTES] [--clear]`: list the notes the lock remembers as removed, or forget them. */
import type { Argv } from 'yargs';
import { removedSearchLines } from '../lib/identify/index.js';
import { removedNotes } from '../lib/removed.js';
import { formatDiagnostic } from '../lib/report.js';
import type { Command } from './command.js';

interface RemovedArgs {
  notes: string;
  lock?: string;
  clear: boolean;
  json: boolean;
}

export function removedCommand(): Command<RemovedArgs> {
  return {
    command: 'removed [notes]',
    describe: 'List the notes removed from your notes that are still in Anki, with one search that selects them',
    builder: (yargs: Argv) =>
      yargs
        // Positional like the build's NOTES; --notes kept for the build's spelling.
        .positional('notes', { type: 'string', default: 'notes', describe: 'Folder of markdown notes (finds <notes>/deckgen.lock.json); also --notes NOTES' })
        .option('lock', { type: 'string', requiresArg: true, describe: 'Lock file (default: <notes>/deckgen.lock.json, or the config\'s "lock")' })
        .option('clear', { type: 'boolean', default: false, describe: 'Forget them: once deleted in Anki (or kept on purpose), builds stop listing them' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }) as unknown as Argv<RemovedArgs>,
    run,
  };
}

async function run(args: RemovedArgs): Promise<number> {
  const report = await removedNotes({ notesDir: args.notes, clear: args.clear, ...(args.lock === undefined ? {} : { lockPath: args.lock }) });
  for (const problem of report.diagnostics) process.stderr.write(`${formatDiagnostic(problem)}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ removed: report.removed, cleared: report.cleared, diagnostics: report.diagnostics }, null, 2)}\n`);
    return report.exitCode;
  }
  if (report.exitCode !== 0) return report.exitCode;
  const out = process.stdout;
  if (report.removed.length === 0) {
    out.write(`No removed notes listed in ${report.lockPath}.\n`);
    return 0;
  }
  if (report.cleared) {
    out.write(`Cleared ${report.removed.length} removed note${report.removed.length === 1 ? '' : 's'} from ${report.lockPath}; builds no longer list them.\n`);
    return 0;
  }
  out.write(`Removed notes still listed (${report.removed.length}):\n`);
  for (const note of report.removed) out.write(`  - ${note.question}  (note id ${note.nid}, GUID ${note.guid})\n`);
  out.write(`${removedSearchLines(report.removed).join('\n')}\n`);
  out.write('Run `deckgen removed --clear` once they are deleted in Anki.\n');
  return 0;
}

