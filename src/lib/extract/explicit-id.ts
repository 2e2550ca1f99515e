/**
 * An explicit id written by the user pins a card's identity through any edit:
 * a trailing Obsidian block id `^my-id`, or an HTML comment `<!-- id: my-id -->`.
 * Both are removed from the card text.
 */
import type { PhrasingContent } from 'mdast';
import { trimPhrasing } from './phrasing.js';

const COMMENT_ID = /^<!--\s*id:\s*([^\s>]+)\s*-->$/u;

export function takeExplicitId(nodes: PhrasingContent[]): { nodes: PhrasingContent[]; id?: string } {
  const commentIndex = nodes.findIndex((node) => node.type === 'html' && COMMENT_ID.test(node.value.trim()));
  if (commentIndex >= 0) {
    const id = COMMENT_ID.exec((nodes[commentIndex] as { value: string }).value.trim())?.[1];
    return { nodes: trimPhrasing(nodes.filter((_, index) => index !== commentIndex)), id };
  }
  // The parse stage made the trailing ` ^my-id` a blockId node (parse/block-id.ts).
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'blockId') return { nodes };
  return { nodes: trimPhrasing(nodes.slice(0, -1)), id: last.value };
}
