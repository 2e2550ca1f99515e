/** How a build report is shown: compiler-style lines for people, one JSON document for programs. */
import pc from 'picocolors';
import type { BuildReport } from './build.js';
import type { Diagnostic } from './diagnostic.js';
import { keptSentence } from './identify/index.js';

/** picocolors' functions, all of them the identity when colour is off (the default). */
export type Colors = ReturnType<typeof pc.createColors>;
const plain = pc.createColors(false);

/** Up to this many decks the summary lists them; more are listed only with `verbose` (a vault has hundreds). */
const LISTED_DECKS = 10;

const SEVERITY_COLOR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** `notes/interview.md:81:1  warning  Empty bullet  empty-bullet` */
export function formatDiagnostic(problem: Diagnostic, colors: Colors = plain): string {
  const place = problem.line === null ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const severity = colors[SEVERITY_COLOR[problem.severity]](problem.severity);
  return `${colors.bold(place)}  ${severity}  ${problem.message}  ${colors.dim(problem.rule)}`;
}

/** The counts, the decks (all of them only when `verbose`, which also lists each file), the files written. */
export function formatSummary(report: BuildReport, mode: { dryRun: boolean; check: boolean; verbose?: boolean }, colors: Colors = plain): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bySeverity = (severity: Diagnostic['severity']) => report.diagnostics.filter((d) => d.severity === severity).length;
  const severities = (['error', 'warning', 'info'] as const).map((severity) => {
    const text = count(bySeverity(severity), severity);
    return bySeverity(severity) ? colors[SEVERITY_COLOR[severity]](text) : text;
  });
  const listDecks = mode.verbose || report.decks.length <= LISTED_DECKS;
  const lines = [
    `${count(report.decks.length, 'deck')}, ${count(report.notes, 'note')}, ${count(report.cards, 'card')}; ${severities.join(', ')}`,
    ...(listDecks ? report.decks.map((deck) => `  ${deck.name}: ${count(deck.notes, 'note')}, ${count(deck.cards, 'card')}`) : [colors.dim('  (--verbose lists the decks)')]),
    ...(mode.verbose ? report.sources.map((source) => `  ${colors.dim(source.file)}: ${count(source.notes, 'note')}`) : []),
    ...(mode.verbose && report.config ? [`Settings from ${report.config}`] : []),
  ];
  const kept = report.changes?.inFilesWithErrors.length ?? 0;
  // Said on every build: these notes are missing from the decks until their files are fixed.
  if (kept > 0) lines.push(`${keptSentence(kept)} They are not in the decks until the errors are fixed.`);
  const verb = mode.dryRun ? 'Would write' : mode.check ? 'Checked' : 'Wrote';
  lines.push(...report.outputs.map((output) => `${verb} ${colors.green(output.path)}`));
  if (mode.check && report.upToDate !== null) {
    lines.push(report.upToDate ? colors.green('Decks are up to date.') : colors.red('Decks are out of date: run deckgen to rebuild them.'));
  }
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
