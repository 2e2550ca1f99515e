/**
 * Rule `bold-question` — interview repositories write each question as a bold
 * paragraph, its answer as the paragraphs, lists and code after it, up to the
 * next question or heading. Each question is a card of its own:
 *
 *     **What is regularization? 👶**          → card "What is regularization?"
 *                                                 / Regularization adds a penalty…
 *     Regularization adds a penalty …
 *
 *     **Why does it help?**                   → card "Why does it help?" / It keeps weights small…
 *     It keeps weights small …
 *
 * The question mark is inside the bold or just after it; trailing emoji
 * (difficulty markers) are allowed and taken off the front. An answer on the
 * bold line's next line belongs to it. A quoted bold question asks too, as a
 * quoted bold title is a pseudo-heading (rules/pseudo-heading.ts):
 *
 *     > **왜 패킷을 잘라서 보낼까?**             → card "왜 패킷을 잘라서 보낼까?" / 많은 데이터를…
 *
 *     많은 데이터를 한번에 보내게 되면, …
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { splitLines } from '../phrasing.js';

export interface QuestionStart {
  question: PhrasingContent[];
  /** What of the opening block already answers it. */
  answer: Paragraph | null;
}

const DECORATION = /^[\s\p{Extended_Pictographic}\ufe0f\u200d]*$/u;

export function boldQuestion(paragraph: Paragraph): QuestionStart | null {
  const [first, ...more] = splitLines(paragraph.children);
  const [bold, ...after] = first ?? [];
  if (bold?.type !== 'strong') return null;
  const tail = plainText(after);
  const asks = /[?？][\s\p{Extended_Pictographic}\ufe0f\u200d]*$/u.test(plainText(bold.children)) ? DECORATION.test(tail) : /^[?？]/u.test(tail) && DECORATION.test(tail.slice(1));
  if (!asks) return null;
  const question = [...bold.children, ...(tail.startsWith('?') || tail.startsWith('？') ? [{ type: 'text', value: '?' } as const] : [])];
  const answer: Paragraph | null = more.length
    ? { type: 'paragraph', children: more.flatMap((line, i) => (i ? [{ type: 'text', value: '\n' } as const, ...line] : line)), position: paragraph.position }
    : null;
  return { question, answer };
}

export function quotedBoldQuestion(block: RootContent): QuestionStart | null {
  const [only, ...more] = block.type === 'blockquote' ? block.children : [];
  return only?.type === 'paragraph' && more.length === 0 ? boldQuestion(only) : null;
}
