/**
 * `invisible-characters` (warning): a deck name or tag the user wrote holds
 * characters that change how text looks without being seen — a
 * bidirectional override, a zero-width space or joiner:
 *
 *     ---
 *     deck: "interview\u202e"      (shows as another deck's name in Anki's deck list)
 *     tags: ["net\u200bwork"]
 *     ---
 *
 * The extract stage removes them from deck names and tags (extract/invisible.ts);
 * this says where they were. A file or folder name is a deck name too.
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { invisibleCharacters } from '../../extract/invisible.js';
import type { TreeRule } from '../rule.js';

const ID = 'invisible-characters';

export const invisibleCharactersRule: TreeRule = {
  id: ID,
  severity: 'warning',
  check({ source, frontMatter }) {
    const problems: Diagnostic[] = [];
    const report = (what: string, value: string, line: number | null) => {
      const found = invisibleCharacters(value);
      if (found.length === 0) return;
      const at = line === null ? null : { line, column: 1 };
      problems.push(diagnostic(source.displayPath, at, 'warning', ID, `${what} holds invisible characters (${found.join(', ')}) that can make it look like another; they were removed`));
    };
    const lineOf = (value: string) => {
      const index = source.text.split('\n').findIndex((line) => invisibleCharacters(line).some((code) => invisibleCharacters(value).includes(code)));
      return index === -1 ? 1 : index + 1;
    };
    if (frontMatter.deck !== undefined) report('The deck name', frontMatter.deck, lineOf(frontMatter.deck));
    else report('The file path, which names the deck,', source.relativePath, null);
    for (const tag of frontMatter.tags ?? []) report(`The tag "${tag}"`, tag, lineOf(tag));
    return problems;
  },
};
