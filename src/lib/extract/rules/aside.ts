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
import { isLongAnswer, plainText } from '../../parse/mdast.js';
import { isExampleLabel } from './definition.js';

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
  const section = leafSection(blocks, index);
  return section !== null && isAsideOnly(section);
}

/**
 * An example's heading (`### 예시`, `#### Examples`) with no sub-headings is
 * a part of the section above it, as `예시:` is a line of it (rules/definition.ts):
 *
 *     ## 일일 노트 생성 또는 열기                 → card "일일 노트 생성 또는 열기":
 *     `daily` 작업은 일일 노트를 생성하거나 열어요.      `daily` 작업은 … 예시 obsidian://daily?vault=…
 *     ### 예시                                   (not "… › 예시" → an example nobody can recall)
 *     - `obsidian://daily?vault=my%20vault`
 *
 * Only when the answer it joins (`answerAbove`, what the section above has
 * said so far) stays short enough to recall: a worked example of 15 lines is
 * a card of its own, as before.
 */
export function isExampleSection(blocks: readonly RootContent[], index: number, answerAbove: readonly RootContent[]): boolean {
  const heading = blocks[index];
  if (heading.type !== 'heading' || !isExampleLabel(plainText(heading.children))) return false;
  const section = leafSection(blocks, index);
  return section !== null && !isLongAnswer([...answerAbove, heading, ...section]);
}

/** What the heading at `blocks[index]` holds up to the next heading, or null when a sub-heading of its own follows. */
function leafSection(blocks: readonly RootContent[], index: number): readonly RootContent[] | null {
  const heading = blocks[index];
  const next = blocks.findIndex((block, i) => i > index && block.type === 'heading');
  const nested = next >= 0 && heading.type === 'heading' && (blocks[next] as Heading).depth > heading.depth;
  return nested ? null : blocks.slice(index + 1, next < 0 ? blocks.length : next);
}
