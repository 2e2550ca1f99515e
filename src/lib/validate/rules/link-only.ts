/**
 * `link-only` (info): a bullet that is only a link has nothing to ask, so it
 * makes no card. Reported so the card is never silently missing.
 *
 *     - [참고1](http://blog.drakejin.me/Docker-araboza-1/)
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { isLinkOnlyItem } from '../../parse/mdast.js';
import { walk } from '../../tree-walk.js';
import type { TreeRule } from '../rule.js';

export const linkOnly: TreeRule = {
  id: 'link-only',
  severity: 'info',
  check({ source, tree }) {
    const found: Diagnostic[] = [];
    walk(tree, (item, parent) => {
      if (item.type === 'listItem' && isLinkOnlyItem(item, parent?.type === 'list' ? parent : undefined)) {
        found.push(diagnostic(source.displayPath, item.position?.start, 'info', 'link-only', 'Bullet is only a link: nothing to ask, no card made'));
      }
    });
    return found;
  },
};
