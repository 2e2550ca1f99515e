/**
 * The plain tree walk (tree-walk.ts) stands in for unist-util-visit in the
 * read-only walks: it must visit the same nodes, with the same parents, in
 * the same order, on real notes and on every syntax deckgen parses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Parents } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/lib/parse/index.js';
import { walk } from '../src/lib/tree-walk.js';
import { projectRoot } from './helpers/cli.js';

const RICH = [
  '# 제목',
  '',
  '- 용어 : 설명 $x$ $$y$$ **굵게** [[노트|링크]] \\#태그아님 <b>굵게</b>[^1]',
  '  - 하위',
  '    1. 번호 `code`',
  '> [!note] 콜아웃',
  '> - 안의 불릿',
  '',
  '| a | b |',
  '| - | - |',
  '| [링크][ref] | ![그림](a.png) |',
  '',
  '```js',
  'let x = 1;',
  '```',
  '',
  '[ref]: https://example.com',
  '[^1]: 각주 **본문**',
].join('\n');

function tree(text: string) {
  const { parsed } = parseFile({ absolutePath: '/notes/a.md', relativePath: 'a.md', displayPath: 'a.md', text });
  return parsed!.tree;
}

function visited(root: Nodes, by: 'walk' | 'visit'): [Nodes, Parents | undefined][] {
  const seen: [Nodes, Parents | undefined][] = [];
  if (by === 'walk') walk(root, (node, parent) => void seen.push([node, parent]));
  else visit(root, (node, _index, parent) => void seen.push([node as Nodes, parent as Parents | undefined]));
  return seen;
}

describe('walk', () => {
  it.each([
    ['the seed notes', readFileSync(join(projectRoot, 'notes', 'interview.md'), 'utf8')],
    ['every syntax at once', RICH],
  ])('visits what unist-util-visit visits, in its order, with the same parents: %s', (_name, text) => {
    const root = tree(text);
    const walked = visited(root, 'walk');
    expect(walked.length).toBeGreaterThan(50);
    const expected = visited(root, 'visit');
    expect(walked.length).toBe(expected.length);
    walked.forEach(([node, parent], index) => {
      expect(node).toBe(expected[index][0]);
      expect(parent).toBe(expected[index][1]);
    });
  });

  it('reads a node’s children after its visitor ran, as visit does', () => {
    const root = tree('- a **b**\n');
    const texts: string[] = [];
    walk(root, (node) => {
      if (node.type === 'paragraph') node.children = [{ type: 'text', value: 'replaced' }];
      if (node.type === 'text') texts.push(node.value);
    });
    expect(texts).toEqual(['replaced']);
  });
});
