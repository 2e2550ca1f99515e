/**
 * Links inside a card. A link to a heading on the same page (`[TCP](#tcp)`,
 * tables of contents, "back to top") or to another note (`[OSI](./network.md)`)
 * points nowhere once the text is on a card in Anki, so only its text is kept;
 * links to the web render as usual.
 */
import type { Link } from 'mdast';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';

export const linkHandler: Handler = (state, node: Link) => {
  return pointsNowhere(node.url) ? state.all(node) : defaultHandlers.link(state, node);
};

function pointsNowhere(url: string): boolean {
  if (url.startsWith('#')) return true;
  // Relative links to other notes: no scheme, and a markdown file before any #fragment or ?query.
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && /\.(md|markdown)$/i.test(url.split(/[#?]/)[0]);
}
