/**
 * An aside — `cf) …`, `cf. …`, `※ …`, `참고) …`, `(참고) …`, `P.S. …` — says
 * something beside the point it follows; it does not answer it. A heading or
 * a bullet answered only by asides already states its point, and is read as
 * a line of what is above it, not as a question:
 *
 *     ## Graph                                  → card "Graph": 정점과 간선의 집합, Graph
 *     ### 정점과 간선의 집합, Graph                   cf) 트리 또한 그래프이며, …
 *     _cf) 트리 또한 그래프이며, …_                 (not "정점과 간선의 집합, Graph" → "cf) …")
 *
 *     - 정점과 간선의 집합, Graph                → a line of the list card of its heading,
 *       - cf) 트리 또한 그래프이며, …               its aside under it
 */
import type { Heading, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

const ASIDE = /^\s*(?:cf[.)]|※|\(?참고\)|p\.\s?s\.)/iu;

/** Blocks that are all asides (an empty run is not). */
export function isAsideOnly(blocks: readonly RootContent[]): boolean {
  const said = blocks.filter((block) => block.type !== 'html' && block.type !== 'thematicBreak');
  return said.length > 0 && said.every(isAside);
}

function isAside(block: RootContent): boolean {
  if (block.type === 'paragraph') return ASIDE.test(plainText(block.children));
  if (block.type === 'list') return block.children.every((item) => item.children.length > 0 && isAsideOnly(item.children));
  return false;
}

/** `blocks[index]` is a heading whose section, up to the next heading, is only asides, and has no sub-headings. */
export function isAsideSection(blocks: readonly RootContent[], index: number): boolean {
  const heading = blocks[index];
  const next = blocks.findIndex((block, i) => i > index && block.type === 'heading');
  const nested = next >= 0 && heading.type === 'heading' && (blocks[next] as Heading).depth > heading.depth;
  return !nested && isAsideOnly(blocks.slice(index + 1, next < 0 ? blocks.length : next));
}
