/**
 * A callout (parse/callout.ts) as a box: `<div class="callout callout-tip">`
 * holding its title and body. The stylesheet colours it by type
 * (write/anki/style.ts); folding (`+`/`-`) means nothing on a card, so the
 * body is always shown.
 */
import type { Element, ElementContent } from 'hast';
import type { Handler } from 'mdast-util-to-hast';
import type { Callout } from '../model.js';

export const calloutHandler: Handler = (state, node: Callout) => {
  const title: Element = { type: 'element', tagName: 'div', properties: { className: ['callout-title'] }, children: state.all({ type: 'paragraph', children: node.title }) };
  const children: ElementContent[] = [title];
  if (node.children.length) {
    children.push({ type: 'element', tagName: 'div', properties: { className: ['callout-body'] }, children: state.wrap(state.all(node), true) });
  }
  const box: Element = { type: 'element', tagName: 'div', properties: { className: ['callout', `callout-${node.calloutType}`] }, children };
  state.patch(node, box);
  return box;
};
