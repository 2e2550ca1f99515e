/**
 * `unclosed-code-fence` (error): a ``` fence that is never closed turns the
 * rest of the file into code, silently hiding every card after it.
 *
 *     ```python
 *     print(1)
 *     - 헤더 : …        ← never becomes a card
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { TreeRule } from '../rule.js';
import { walk } from '../../tree-walk.js';

export const unclosedFence: TreeRule = {
  id: 'unclosed-code-fence',
  severity: 'error',
  check({ source, tree }) {
    const found: Diagnostic[] = [];
    const lines = source.text.split('\n');
    walk(tree, (code) => {
      if (code.type !== 'code') return;
      const start = code.position?.start.line;
      const end = code.position?.end.line;
      if (!start || !end) return;
      const opening = /^\s*(`{3,}|~{3,})/.exec(lines[start - 1] ?? '');
      if (!opening) return; // indented code has no fence
      const fence = opening[1];
      const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (end > start && closing.test(lines[end - 1] ?? '')) return;
      found.push(
        diagnostic(source.displayPath, code.position?.start, 'error', 'unclosed-code-fence', `Code fence ${fence} is never closed: everything after it is treated as code and makes no cards`),
      );
    });
    return found;
  },
};
