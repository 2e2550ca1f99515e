/**
 * Issue 12, "no input crashes the build": each input of the review, next to
 * a good file whose card must still be built. Through the CLI, as a user runs
 * it: never a stack trace, and `--json` always one document.
 */
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from './helpers/cli.js';

interface Report {
  notes: number;
  diagnostics: { file: string; line: number | null; rule: string; severity: string; message: string }[];
}

const GOOD = '# Good\n\n- 헤더 : 토큰의 타입\n';

function buildWith(bad: string, extra: string[] = []): { status: number | null; report: Report; stderr: string } {
  const dir = workspace({ 'good.md': GOOD, 'bad.md': bad });
  const result = runCli(['--json', ...extra], dir, { SOURCE_DATE_EPOCH: '1700000000' });
  expect(result.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
  const report = JSON.parse(result.stdout) as Report;
  return { status: result.status, report, stderr: result.stderr };
}

// `long-answer` is a card-quality warning about what these inputs hold, not about how they are handled.
const rules = (report: Report, file = 'notes/bad.md') => [
  ...new Set(report.diagnostics.filter((d) => d.file === file && d.rule !== 'long-answer').map((d) => d.rule)),
];

describe('inputs that used to crash or hang the build', () => {
  it.each([
    ['2,000 `>` on a line', `# Q\n\n- a : b\n\n${'>'.repeat(2000)} x\n`, ['nesting-too-deep']],
    ['a list nested 800 deep', `# L\n\n${Array.from({ length: 800 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`, ['list-too-deep', 'nesting-too-deep']],
    ['5,000 unclosed inline HTML tags', `# H\n\n- a : ${'<b>'.repeat(5000)}x\n`, ['nesting-too-deep']],
    ['a long run of emphasis markers', `# E\n\n- a : ${'*a _b '.repeat(1500)}\n- b : ${'*'.repeat(9000)}x${'*'.repeat(9000)}\n`, ['nesting-too-deep']],
    ['{{c501::x}}', '# C\n\n- {{c501::x}} y\n', ['cloze-number-too-large', 'cloze-gap']],
    ['20,000 ATX headings', Array.from({ length: 20_000 }, (_, i) => `## h${i}`).join('\n'), ['file-too-large']],
    ['40,000 setext headings', Array.from({ length: 40_000 }, (_, i) => `h${i}\n---`).join('\n'), ['file-too-large']],
    ['a 3 MB file', `# Big\n\n${'- a : b\n'.repeat(400_000)}`, ['file-too-large']],
  ])('%s: a diagnostic, and the other file still builds', (_name, bad, expected) => {
    const { status, report } = buildWith(bad);
    expect(status).toBe(expected.some((rule) => rule !== 'cloze-gap') ? 1 : 0);
    expect(rules(report)).toEqual(expected);
    expect(report.diagnostics.every((d) => d.line === null || d.line > 0)).toBe(true);
    expect(report.notes).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('more than 120,000 diagnostics from one file', () => {
    const { status, report } = buildWith(`# Empty\n\n${'-\n'.repeat(125_000)}`);
    expect(status).toBe(0);
    expect(report.diagnostics.filter((d) => d.rule === 'empty-bullet').length).toBe(125_000);
    expect(report.notes).toBe(1);
  }, 180_000);
});

describe('usage errors, not surprises', () => {
  it.each([
    [['--notes', 'a', '--notes', 'b'], '--notes is given 2 times'],
    [['--format', 'apkg', '--format', 'csv'], '--format is given 2 times'],
    [['--notes', ''], '--notes is empty'],
    [['--out='], '--out is empty'],
  ])('%j', (args, message) => {
    const dir = workspace({ 'good.md': GOOD });
    const result = runCli(['--json', ...args], dir);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnostics.map((d) => [d.rule, d.message])).toEqual([['usage', message + (message.endsWith('empty') ? '' : '; give it once')]]);
  });

  it('--help --json prints the help as JSON', () => {
    const result = runCli(['--help', '--json'], workspace());
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { help: string }).help).toContain('--notes');
  });

  it('--notes /proc stops at once', () => {
    const result = runCli(['--json', '--notes', '/proc'], workspace());
    expect(result.status).toBe(2);
    expect((JSON.parse(result.stdout) as Report).diagnostics.map((d) => d.rule)).toEqual(['notes-missing']);
  });
});

describe('files that used to be ignored without a word', () => {
  it('reads *.MD and *.markdown', () => {
    const dir = workspace({ 'a.MD': '# A\n\n- 헤더 : 타입\n', 'b.markdown': '# B\n\n- 페이로드 : 클레임\n' });
    const report = JSON.parse(runCli(['--json'], dir).stdout) as Report;
    expect(report.notes).toBe(2);
  });
});
