/**
 * `list-too-deep` (error): bullets nested deeper than 12 levels are kept in
 * their parent's answer but make no cards of their own; reported once per list.
 */
import type { List } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { MAX_LIST_DEPTH } from '../../parse/mdast.js';
import type { TreeRule } from '../rule.js';

export const listDepth: TreeRule = {
  id: 'list-too-deep',
  severity: 'error',
  check({ source, tree }) {
    const found: Diagnostic[] = [];
    // Iterative walk: a pathological 10,000-deep list must not overflow the stack here.
    const stack: { node: { type: string; children?: unknown[] }; depth: number }[] = [{ node: tree, depth: 0 }];
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      const here = node.type === 'list' ? depth + 1 : depth;
      if (node.type === 'list' && here === MAX_LIST_DEPTH + 1) {
        const list = node as unknown as List;
        found.push(
          diagnostic(source.displayPath, list.position?.start, 'error', 'list-too-deep', `Bullets nested more than ${MAX_LIST_DEPTH} levels deep make no cards of their own`),
        );
        continue;
      }
      for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) stack.push({ node: child, depth: here });
    }
    return found;
  },
};
