/**
 * An explicit id written by the user pins a card's identity through any edit:
 * a trailing Obsidian block id `^my-id`, or an HTML comment `<!-- id: my-id -->`.
 * Both are removed from the card text.
 */
import type { PhrasingContent } from 'mdast';
import { trimPhrasing } from './phrasing.js';

const BLOCK_ID = /\s\^([A-Za-z0-9][A-Za-z0-9_-]*)\s*$/u;
const COMMENT_ID = /^<!--\s*id:\s*([^\s>]+)\s*-->$/u;

export function takeExplicitId(nodes: PhrasingContent[]): { nodes: PhrasingContent[]; id?: string } {
  const commentIndex = nodes.findIndex((node) => node.type === 'html' && COMMENT_ID.test(node.value.trim()));
  if (commentIndex >= 0) {
    const id = COMMENT_ID.exec((nodes[commentIndex] as { value: string }).value.trim())?.[1];
    return { nodes: trimPhrasing(nodes.filter((_, index) => index !== commentIndex)), id };
  }
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return { nodes };
  const match = BLOCK_ID.exec(last.value);
  if (!match) return { nodes };
  const rest = [...nodes.slice(0, -1), { ...last, value: last.value.slice(0, match.index) }];
  return { nodes: trimPhrasing(rest), id: match[1] };
}
