/**
 * Cloze nodes become Anki's `{{cN::…::hint}}`. Between the syntax tree and the
 * final string a cloze travels as an element with a per-process random tag
 * name: raw HTML in a note cannot guess it, so only clozes the extract stage
 * found ever become cloze markup.
 */
import { randomBytes } from 'node:crypto';
import type { Element } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Cloze } from '../model.js';

export const CLOZE_TAG = `deckgen-cloze-${randomBytes(6).toString('hex')}`;

export const clozeHandler: Handler = (state, node: Cloze) => {
  const properties: Element['properties'] = { dataNumber: node.number };
  if (node.hint !== undefined) properties.dataHint = node.hint;
  const element: Element = { type: 'element', tagName: CLOZE_TAG, properties, children: state.all(node) };
  // The extract stage gives clozes line and column only; the HTML parser (hast-util-to-parse5) expects offsets too.
  if (typeof node.position?.start.offset === 'number' && typeof node.position.end.offset === 'number') state.patch(node, element);
  return element;
};

/**
 * Anki reads cloze syntax from the raw field HTML, so inside a cloze every `}}`
 * would end it and every `::` would start the hint, in text and attributes
 * alike (e.g. `x^{a^{b}}` or `std::vector`). Both are broken up in ways a browser
 * and MathJax do not see: TeX ignores the space, `&#58;` is a colon.
 */
export function protectClozeContent(html: string): string {
  return html.replace(/\}(?=\})/g, '} ').replace(/::/g, ':&#58;');
}

export function clozeMarkup(number: number, innerHtml: string, escapedHint: string | undefined): string {
  // The edges too: a `}` before the closing `}}` would close the cloze one brace early, and a `:` before `::hint`
  // would move the hint's start (Anki takes the first `}}` and the first `::`).
  const hint = escapedHint ? `::${protectClozeContent(escapedHint).replace(/\}$/, '&#125;')}` : '';
  let inner = protectClozeContent(innerHtml);
  inner = hint ? inner.replace(/:$/, '&#58;') : inner.replace(/\}$/, '&#125;');
  return `{{c${number}::${inner}${hint}}}`;
}

/** Card ords of a cloze note: one per distinct cloze number, `ord = number - 1`. */
export function clozeOrds(fields: MdastNodes[][]): number[] {
  const numbers = new Set<number>();
  for (const nodes of fields) {
    for (const node of nodes) {
      visit(node, 'cloze', (cloze: Cloze) => {
        numbers.add(cloze.number);
      });
    }
  }
  return [...numbers].sort((a, b) => a - b).map((number) => number - 1);
}
