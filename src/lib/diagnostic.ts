/**
 * Every problem a user can cause is reported as one Diagnostic, never thrown.
 * Exceptions are reserved for bugs in deckgen itself.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path as the user typed it on the command line (e.g. `notes/interview.md`), posix separators. */
  file: string;
  /** 1-based; null when the problem has no place in the file (e.g. the file is binary). */
  line: number | null;
  column: number | null;
  severity: Severity;
  /** Stable kebab-case id, documented in docs/diagnostics.md. */
  rule: string;
  message: string;
}

export function diagnostic(
  file: string,
  place: { line: number; column: number } | null | undefined,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  return { file, line: place?.line ?? null, column: place?.column ?? null, severity, rule, message };
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: by file, then position, then severity. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      order[a.severity] - order[b.severity],
  );
}
