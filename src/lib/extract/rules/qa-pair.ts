/**
 * Rule `qa-pair` — `Q.` / `A.` line pairs, one card per pair; the answer runs
 * from the `A.` line to the next `Q.` or heading:
 *
 *     Q. 데드락의 발생 조건은?                 → card "데드락의 발생 조건은?"
 *     A. 상호 배제, 점유 대기, 비선점, 순환 대기       / 상호 배제, 점유 대기, 비선점, 순환 대기
 *
 *     Q: What is a deadlock?                  → card "What is a deadlock?"
 *
 *     A: Two threads each wait for the other.     / Two threads each wait for the other.
 *
 * Also `Q1.`, `Q)`, `Question:` / `Answer:`.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { splitLines } from '../phrasing.js';
import type { QuestionStart } from './bold-question.js';

const QUESTION = /^(?:Q\d*[.:)]|Question\s*\d*[.:])\s+/iu;
const ANSWER = /^(?:A\d*[.:)]|Answer\s*\d*[.:])\s+/iu;

export function qaQuestion(paragraph: Paragraph): QuestionStart | null {
  const lines = splitLines(paragraph.children);
  const question = stripPrefix(lines[0], QUESTION);
  if (!question) return null;
  const answerAt = lines.findIndex((line, i) => i > 0 && stripPrefix(line, ANSWER));
  const questionLines = lines.slice(0, answerAt > 0 ? answerAt : lines.length);
  const joined = [question, ...questionLines.slice(1)].flatMap((line, i) => (i ? [{ type: 'break' } as const, ...line] : line));
  const answer = answerAt > 0 ? qaAnswer({ ...paragraph, children: join(lines.slice(answerAt)) }) : null;
  return { question: joined, answer };
}

/** An `A.` paragraph without its prefix; null when the paragraph does not start with one. */
export function qaAnswer(paragraph: Paragraph): Paragraph | null {
  const lines = splitLines(paragraph.children);
  const first = stripPrefix(lines[0], ANSWER);
  return first ? { ...paragraph, children: join([first, ...lines.slice(1)]) } : null;
}

function stripPrefix(line: PhrasingContent[] | undefined, prefix: RegExp): PhrasingContent[] | null {
  const first = line?.[0];
  if (first?.type !== 'text') return null;
  const match = prefix.exec(first.value);
  if (!match) return null;
  const rest = first.value.slice(match[0].length);
  const stripped = rest ? [{ ...first, value: rest }, ...line!.slice(1)] : line!.slice(1);
  return stripped.length ? stripped : null;
}

function join(lines: PhrasingContent[][]): PhrasingContent[] {
  return lines.flatMap((line, i) => (i ? [{ type: 'text', value: '\n' } as const, ...line] : line));
}
