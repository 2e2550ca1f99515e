/**
 * Math is handed to Anki's MathJax, which only knows `\(…\)` and `\[…\]`.
 * The TeX is copied exactly as the parser found it; escaping `<`, `>`, `&`
 * happens when the text is written out, like every other text.
 */
import type { Code, Literal } from 'mdast';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';
import type { Element, Text } from 'hast';

/** `inlineMath` / `math` from remark-math; only the TeX source is needed. */
type MathNode = Literal;

export const inlineMathHandler: Handler = (_state, node: MathNode): Text => ({
  type: 'text',
  value: `\\(${node.value}\\)`,
  position: node.position,
});

/** A block of its own, so MathJax's display mode is not wedged between other text of the field. */
export function displayMath(value: string): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['math'] }, children: [{ type: 'text', value: `\\[${value}\\]` }] };
}

export const mathHandler: Handler = (_state, node: MathNode) => ({ ...displayMath(node.value), position: node.position });

/** GitHub renders a ```` ```math ```` fence as display math, so notes written for GitHub use it. */
export const codeHandler: Handler = (state, node: Code) => {
  if (node.lang?.toLowerCase() !== 'math') return defaultHandlers.code(state, node);
  const element = displayMath(node.value);
  state.patch(node, element);
  return element;
};
