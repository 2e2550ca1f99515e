/**
 * `$$…$$` written inside a line is display math to the people who write it
 * (Obsidian and Typora render it so), but remark-math gives it the same
 * `inlineMath` node as `$…$`. Only the source text still shows which
 * delimiter was used, so it is read here, once, and kept on the node.
 */
import type { Root } from 'mdast';
import { walk } from '../tree-walk.js';

declare module 'mdast-util-math' {
  interface InlineMathData {
    /** Written with `$$`: rendered as display math (`\[…\]`). */
    display?: boolean;
  }
}

export function markDisplayMath(tree: Root, text: string): void {
  // Nothing to mark in a text without `$$`, the common case: no walk at all.
  if (!text.includes('$$')) return;
  walk(tree, (node) => {
    if (node.type !== 'inlineMath') return;
    const start = node.position?.start.offset;
    if (start !== undefined && text.startsWith('$$', start)) node.data = { ...node.data, display: true };
  });
}
