import type { List, ListItem } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bulletShape } from '../src/lib/extract/rules/bullet.js';
import { parseMarkdown } from '../src/lib/parse/index.js';
import { itemHead } from '../src/lib/parse/mdast.js';

/** The shape of the first bullet of `markdown`, as Extraction.item reads it. */
function shapeOf(markdown: string): string {
  const list = parseMarkdown(markdown).children.find((block): block is List => block.type === 'list')!;
  const item: ListItem = list.children[0];
  return bulletShape(item, itemHead(item) ?? [], item.children.slice(1)).kind;
}

describe('bulletShape: the examples of its doc comment (rules/bullet.ts)', () => {
  it.each([
    ['- 공식 문서 : [링크](https://developer.mozilla.org)', 'reference'],
    ['- 헤더 : 토큰 종류와 해시 알고리즘 정보', 'definition'],
    ['- [Guide](guide.md)\n  - what the guide covers', 'index'],
    ['- Binary tree\n  - [Same Tree](https://leetcode.com/problems/same-tree/)\n  - [Symmetric Tree](https://leetcode.com/problems/symmetric-tree/)', 'reading'],
    ['- 구조\n  - 헤더 : 토큰 종류', 'parent'],
    ['- 토큰을 발급한다', 'plain'],
  ])('%j is %s', (markdown, kind) => {
    expect(shapeOf(markdown)).toBe(kind);
  });

  it('a heading in a bullet is a title, never a `term - definition` line', () => {
    expect(shapeOf('1. ##### Open - Close Principle\n   - 확장에는 열려 있고 변경에는 닫혀 있다')).toBe('parent');
  });
});
