/**
 * Footnotes on a card. GitHub's rendering (a link to a list at the end of the
 * page, and a link back) would point nowhere inside Anki. A reference is
 * therefore its label as a superscript, and the answer ends with the text of
 * every footnote the card refers to (parse/footnotes.ts attached it to the
 * reference), small, each starting with the same superscript. A definition
 * that happens to be in the card is shown where it stands instead.
 */
import type { Element, ElementContent } from 'hast';
import type { Blockquote, FootnoteDefinition, FootnoteReference, Nodes } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import { walk } from '../tree-walk.js';

/** The class of the block of footnotes at the end of an answer (styled in write/anki/style.ts). */
export const FOOTNOTES_CLASS = 'footnotes';

function marker(node: FootnoteReference | FootnoteDefinition): Element {
  // The label as the user wrote it (`[^1]` → 1): GitHub's renumbering would not match the definition's card.
  return { type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: node.label ?? node.identifier }] };
}

export const footnoteReferenceHandler: Handler = (state, node: FootnoteReference) => {
  const sup = marker(node);
  state.patch(node, sup);
  return sup;
};

export const footnoteDefinitionHandler: Handler = (state, node: FootnoteDefinition) => {
  const blocks = state.wrap(state.all(node), false);
  const first = blocks.find((child): child is Element => child.type === 'element');
  const lead: ElementContent[] = [marker(node), { type: 'text', value: ' ' }];
  if (first?.tagName === 'p') {
    first.children.unshift(...lead);
    return blocks;
  }
  return [{ type: 'element', tagName: 'p', properties: {}, children: [marker(node)] }, { type: 'text', value: '\n' }, ...blocks];
};

/**
 * The footnotes a card's nodes refer to but do not hold, as one block for the
 * end of the answer, in the order of first reference; null when there are none.
 */
export function footnotesBlock(sides: Nodes[][]): Blockquote | null {
  const held = new Set<string>();
  const referred = new Map<string, FootnoteDefinition>();
  for (const node of sides.flat()) {
    walk(node, (child) => {
      if (child.type === 'footnoteDefinition') held.add(child.identifier);
      if (child.type === 'footnoteReference' && child.data?.footnote && !referred.has(child.identifier)) {
        referred.set(child.identifier, { type: 'footnoteDefinition', identifier: child.identifier, label: child.label, children: child.data.footnote });
      }
    });
  }
  const definitions = [...referred.values()].filter((definition) => !held.has(definition.identifier));
  if (definitions.length === 0) return null;
  // A blockquote is mdast's plain block container; hName makes it a <div>.
  return { type: 'blockquote', children: definitions, data: { hName: 'div', hProperties: { className: [FOOTNOTES_CLASS] } } };
}
