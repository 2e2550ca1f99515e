/**
 * An exercise's statement is its question. Math and course notes title an
 * exercise by its number or a label (`1.6.md`, `#### Statement`, `## Problem`)
 * and state it in the first paragraph; the rest is the solution. With the
 * label as the front, the card asked "Statement" and showed the task on the
 * answer side. The statement takes the label's place instead — as the front of
 * the section's card and in the context of the sections under it:
 *
 *     #### Statement                                   → context of the cards below:
 *     Prove that | is an Order Relation for ℤ≥0.            "Prove that | is an Order Relation for ℤ≥0."
 *     ##### Reflective                                 → "… › Reflective" / prove that a | a …
 *     prove that a | a …
 *
 *     1.6.md (a vault note, titled by its name)         → "Prove that every cube of an integer …" / the proof
 *     Prove that every cube of an integer …
 *     Simple case analysis with modulo: …
 *
 * A statement is a paragraph of at most MAX_STATEMENT characters that asks for a
 * proof (`Prove that …`, `Show that …`, `… prove that …` after its premises,
 * `증명하시오`) or asks a question (`…?`). Only under a label or a number:
 * under a heading that names its topic the paragraph is an answer like any other.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

export const MAX_STATEMENT = 400;

const ASKS_PROOF = /^(?:prove|show|demonstrate|verify)\b|\b(?:prove|show) that\b|증명(?:하라|하시오|해라|하세요|해 ?보세요)/iu;

/** `block` states an exercise: the question its label stands for; else null. */
export function exerciseStatement(block: RootContent | undefined): Paragraph | null {
  if (block?.type !== 'paragraph') return null;
  const text = plainText(block.children).trim();
  if (!text || [...text].length > MAX_STATEMENT) return null;
  return ASKS_PROOF.test(text) || /[?？]$/u.test(text) ? block : null;
}

/**
 * The statement as the context shows it: text, with its formulas kept as MathJax
 * delimits them (`Prove that \(|\) is …`) — a statement without its formulas
 * would state nothing, and a context is text.
 */
export function statementText(statement: Paragraph): string {
  return plainText(statement.children.map((node): PhrasingContent => (node.type === 'inlineMath' ? { type: 'text', value: `\\(${node.value}\\)` } : node)));
}
