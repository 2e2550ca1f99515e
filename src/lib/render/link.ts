/**
 * Links inside a card. A link to a heading on the same page (`[TCP](#tcp)`,
 * tables of contents, "back to top") points nowhere once the text is on a
 * card, so only its text is kept; every other link renders as usual.
 */
import type { Link } from 'mdast';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';

export const linkHandler: Handler = (state, node: Link) => {
  if (!node.url.startsWith('#')) return defaultHandlers.link(state, node);
  return state.all(node);
};
