/**
 * `deckgen removed [--clear]`: the notes the lock still lists as removed (they stay in Anki until the user
 * deletes them there), and clearing that list once they are dealt with.
 */
import { join, relative, resolve, sep } from 'node:path';
import { LOCK_FILE_NAME } from './build.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { BuildLockBusyError, readLock, withBuildLock, writeLock, type RemovedNote } from './identify/index.js';

export interface RemovedOptions {
  notesDir: string;
  lockPath?: string;
  clear?: boolean;
  cwd?: string;
}

export interface RemovedReport {
  /** The removed notes listed before this command (cleared ones included). */
  removed: RemovedNote[];
  cleared: boolean;
  lockPath: string;
  diagnostics: Diagnostic[];
  exitCode: number;
}

export async function removedNotes(options: RemovedOptions): Promise<RemovedReport> {
  const cwd = options.cwd ?? process.cwd();
  const lockPath = resolve(cwd, options.lockPath ?? join(resolve(cwd, options.notesDir), LOCK_FILE_NAME));
  const shown = relative(cwd, lockPath).split(sep).join('/');
  const report: RemovedReport = { removed: [], cleared: false, lockPath: shown, diagnostics: [], exitCode: 0 };
  const run = async (): Promise<RemovedReport> => {
    const { lock, diagnostics } = readLock(lockPath, shown);
    report.diagnostics.push(...diagnostics);
    if (diagnostics.length > 0) return { ...report, exitCode: 2 };
    report.removed = lock?.removed ?? [];
    if (options.clear && lock && report.removed.length > 0) {
      writeLock(lockPath, { ...lock, removed: [] });
      report.cleared = true;
    }
    return report;
  };
  if (!options.clear) return run();
  try {
    return await withBuildLock(lockPath, run, { displayPath: `${shown}.lock` });
  } catch (error) {
    const problem = error instanceof BuildLockBusyError ? error.diagnostic : writeProblem(shown, error);
    return { ...report, diagnostics: [...report.diagnostics, problem], exitCode: 2 };
  }
}

function writeProblem(file: string, error: unknown): Diagnostic {
  if (!(error instanceof Error) || !('code' in error)) throw error;
  return diagnostic(file, null, 'error', 'write-failed', `cannot write the lock file: ${error.message}`);
}
