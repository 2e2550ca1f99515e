/**
 * `empty-bullet` (warning): a bullet with nothing in it.
 *
 *     ### CORS
 *     -                ← notes/interview.md:81:1  warning  Empty bullet
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { isEmptyItem } from '../../parse/mdast.js';
import { walk } from '../../tree-walk.js';
import type { TreeRule } from '../rule.js';

export const emptyBullet: TreeRule = {
  id: 'empty-bullet',
  severity: 'warning',
  check({ source, tree }) {
    const found: Diagnostic[] = [];
    walk(tree, (item) => {
      if (item.type === 'listItem' && isEmptyItem(item)) found.push(diagnostic(source.displayPath, item.position?.start, 'warning', 'empty-bullet', 'Empty bullet'));
    });
    return found;
  },
};
