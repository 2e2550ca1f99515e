/**
 * Footnotes on a card. A card holds only its own nodes, so the definition is
 * usually not there, and GitHub's rendering (a link to a list at the end of
 * the page, and a link back) would point nowhere. A reference is therefore
 * only its label as a superscript, and a definition that happens to be in the
 * card is shown where it stands, starting with the same superscript.
 */
import type { Element, ElementContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';

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
