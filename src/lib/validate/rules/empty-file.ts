/**
 * `empty-file` (warning): a notes file with nothing in it. Not an error — a
 * new, not yet written file is normal — but worth a line in the report.
 */
import { diagnostic } from '../../diagnostic.js';
import type { TreeRule } from '../rule.js';

export const emptyFile: TreeRule = {
  id: 'empty-file',
  severity: 'warning',
  check({ source, tree }) {
    return tree.children.length === 0 ? [diagnostic(source.displayPath, null, 'warning', 'empty-file', 'File is empty: no cards')] : [];
  },
};
