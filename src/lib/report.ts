/** How a build report is shown: compiler-style lines for people, one JSON document for programs. */
import type { BuildReport } from './build.js';
import type { Diagnostic } from './diagnostic.js';
import { keptSentence } from './identify/index.js';

/** `notes/interview.md:81:1  warning  Empty bullet  empty-bullet` */
export function formatDiagnostic(problem: Diagnostic): string {
  const place = problem.line === null ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${place}  ${problem.severity}  ${problem.message}  ${problem.rule}`;
}

export function formatSummary(report: BuildReport, mode: { dryRun: boolean; check: boolean }): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bySeverity = (severity: Diagnostic['severity']) => report.diagnostics.filter((d) => d.severity === severity).length;
  const lines = [
    `${count(report.decks.length, 'deck')}, ${count(report.notes, 'note')}, ${count(report.cards, 'card')}; ` +
      `${count(bySeverity('error'), 'error')}, ${count(bySeverity('warning'), 'warning')}, ${count(bySeverity('info'), 'info')}`,
    ...report.decks.map((deck) => `  ${deck.name}: ${count(deck.notes, 'note')}, ${count(deck.cards, 'card')}`),
  ];
  const kept = report.changes?.inFilesWithErrors.length ?? 0;
  // Said on every build: these notes are missing from the decks until their files are fixed.
  if (kept > 0) lines.push(`${keptSentence(kept)} They are not in the decks until the errors are fixed.`);
  const verb = mode.dryRun ? 'Would write' : mode.check ? 'Checked' : 'Wrote';
  lines.push(...report.outputs.map((output) => `${verb} ${output.path}`));
  if (mode.check && report.upToDate !== null) lines.push(report.upToDate ? 'Decks are up to date.' : 'Decks are out of date: run deckgen to rebuild them.');
  return lines.join('\n');
}

/** The `--json` document; its shape is a public interface (README "JSON report"). */
export function toJson(report: BuildReport, withChanges: boolean) {
  return {
    cards: report.cards,
    notes: report.notes,
    decks: report.decks,
    outputs: report.outputs,
    diagnostics: report.diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    ...(withChanges && report.changes ? { changes: report.changes } : {}),
  };
}
