/**
 * `empty-bullet` (warning): a bullet with nothing in it.
 *
 *     ### CORS
 *     -                ← notes/interview.md:81:1  warning  Empty bullet
 */
import type { ListItem } from 'mdast';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { isEmptyItem } from '../../parse/mdast.js';
import type { TreeRule } from '../rule.js';

export const emptyBullet: TreeRule = {
  id: 'empty-bullet',
  severity: 'warning',
  check({ source, tree }) {
    const found: Diagnostic[] = [];
    visit(tree, 'listItem', (item: ListItem) => {
      if (isEmptyItem(item)) found.push(diagnostic(source.displayPath, item.position?.start, 'warning', 'empty-bullet', 'Empty bullet'));
    });
    return found;
  },
};
