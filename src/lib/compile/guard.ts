/**
 * The global guard: a bug that throws while one file (or one note) is
 * compiled costs that file (or note) only. It is reported as a bug, for that
 * file, and the other files still build; the file's notes keep their lock
 * entries. Used wherever per-file work runs: in compileFile, around reading,
 * and around a worker thread's answer (compile/files.ts).
 */
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export const INTERNAL_ERROR = 'internal-error';

export type Guarded<T> = { ok: true; value: T } | { ok: false; problem: Diagnostic };

export function guarded<T>(displayPath: string, work: () => T): Guarded<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, problem: internalError(displayPath, error) };
  }
}

export function internalError(displayPath: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = `deckgen bug while building this file (${reason.slice(0, 200)}); please report it with this file. Its notes keep their lock entries`;
  return diagnostic(displayPath, null, 'error', INTERNAL_ERROR, message);
}
