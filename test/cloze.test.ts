import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { parseClozes, parseClozesInBlocks } from '../src/lib/extract/rules/cloze.js';
import type { Cloze } from '../src/lib/model.js';

const parser = remark().use(remarkGfm).use(remarkMath);
const FILE = 'notes/clozes.md';

/** The inline content of the first paragraph, as the extract stage hands it over. */
function inline(markdown: string): PhrasingContent[] {
  const paragraph = parser.parse(markdown).children.find((node): node is Paragraph => node.type === 'paragraph');
  if (!paragraph) throw new Error('no paragraph');
  return paragraph.children;
}

const clozesOf = (nodes: Nodes[]) => nodes.filter((node): node is Cloze => node.type === 'cloze');
const summary = (nodes: Nodes[]): string[] =>
  nodes.map((node): string => (node.type === 'cloze' ? `c${node.number}[${summary(node.children).join('')}]${node.hint ? `(${node.hint})` : ''}` : node.type === 'text' ? node.value : `<${node.type}>`));
const rules = (diagnostics: { rule: string; line: number | null; column: number | null }[]) =>
  diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`);

describe('parseClozes', () => {
  it('numbers ==highlights== in order of appearance', () => {
    const { nodes, found, diagnostics } = parseClozes(inline('==TCP== 는 ==연결 지향== 이다'), FILE);
    expect(found).toBe(true);
    expect(diagnostics).toEqual([]);
    expect(summary(nodes)).toEqual(['c1[TCP]', ' 는 ', 'c2[연결 지향]', ' 이다']);
  });

  it('lets a highlight span formatting within one parent', () => {
    const { nodes } = parseClozes(inline('==**TCP** 3-way== handshake'), FILE);
    expect(summary(nodes)).toEqual(['c1[<strong> 3-way]', ' handshake']);
    expect(clozesOf(nodes)[0].children[0]).toMatchObject({ type: 'strong', children: [{ type: 'text', value: 'TCP' }] });
  });

  it('finds clozes inside formatting and links, but leaves the URL alone', () => {
    const { nodes } = parseClozes(inline('**==bold==** and [==link==](http://x.example/a==b==)'), FILE);
    const strong = nodes[0] as { children: Nodes[] };
    const link = nodes[2] as { url: string; children: Nodes[] };
    expect(summary(strong.children)).toEqual(['c1[bold]']);
    expect(summary(link.children)).toEqual(['c2[link]']);
    expect(link.url).toBe('http://x.example/a==b==');
  });

  it('reads explicit {{cN::text::hint}} and gives highlights the free numbers', () => {
    const { nodes, diagnostics } = parseClozes(inline('==a== {{c1::b}} {{c3::c::a hint}} ==d=='), FILE);
    expect(diagnostics).toEqual([]);
    expect(summary(nodes)).toEqual(['c2[a]', ' ', 'c1[b]', ' ', 'c3[c](a hint)', ' ', 'c4[d]']);
  });

  it('never looks inside code, math or raw HTML', () => {
    const source = '`==x==` and `{{c1::y}}` and $a==b$ and <span title="==z==">t</span>';
    const original = inline(source);
    const { nodes, found, diagnostics } = parseClozes(original, FILE);
    expect(found).toBe(false);
    expect(diagnostics).toEqual([]);
    expect(nodes).toEqual(original);
  });

  it('keeps math with }} inside an explicit cloze whole', () => {
    const { nodes } = parseClozes(inline('{{c1::$x^{a^{b}}$}} tower'), FILE);
    expect(summary(nodes)).toEqual(['c1[<inlineMath>]', ' tower']);
    expect(clozesOf(nodes)[0].children[0]).toMatchObject({ type: 'inlineMath', value: 'x^{a^{b}}' });
  });

  it('does not take comparisons, operators or rulers for highlights', () => {
    for (const text of ['a == b and c == d', 'x === y', 'a ===== b', '{{ vue }} template']) {
      const { found, diagnostics } = parseClozes(inline(text), FILE);
      expect([text, found, diagnostics]).toEqual([text, false, []]);
    }
  });

  it('never takes == between two ASCII words for a marker: a==b is an operator', () => {
    for (const text of ['if a==b and c==d', 'x==y', 'n_1==0x1F']) {
      const { nodes, found, diagnostics } = parseClozes(inline(text), FILE);
      expect([text, found, diagnostics, summary(nodes)]).toEqual([text, false, [], [text]]);
    }
  });

  it('still closes ==…== before a Korean particle and opens it after a space', () => {
    expect(summary(parseClozes(inline('==TCP==는 연결 지향이다'), FILE).nodes)).toEqual(['c1[TCP]', '는 연결 지향이다']);
    expect(summary(parseClozes(inline('키는 ==값==이다'), FILE).nodes)).toEqual(['키는 ', 'c1[값]', '이다']);
    // A highlight next to formatting is no operator: what touches the marker is `*`, not a letter.
    expect(summary(parseClozes(inline('==**TCP**==s'), FILE).nodes)).toEqual(['c1[<strong>]', 's']);
  });

  it('gives clozes the position of their markers in the file', () => {
    const source = 'intro line\nthen ==TCP== here';
    const { nodes } = parseClozes(inline(source), FILE);
    const cloze = clozesOf(nodes)[0];
    expect(cloze.position?.start).toMatchObject({ line: 2, column: 6 });
    expect(source.slice(cloze.position?.start.offset, cloze.position?.end.offset)).toBe('==TCP==');
  });
});

describe('cloze diagnostics', () => {
  it('cloze-unbalanced: an unclosed {{c1:: or an odd ==, at its line and column', () => {
    const { nodes, found, diagnostics } = parseClozes(inline('first line\nsee {{c1::oops and ==odd'), FILE);
    expect(found).toBe(false);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.file === FILE)).toBe(true);
    expect(rules(diagnostics)).toEqual(['cloze-unbalanced@2:5', 'cloze-unbalanced@2:20']);
    expect(summary(nodes)).toEqual(['first line\nsee {{c1::oops and ==odd']);
  });

  it('an unclosed cloze does not swallow the next one', () => {
    const { nodes, diagnostics } = parseClozes(inline('{{c1::a {{c1::b}}'), FILE);
    expect(summary(nodes)).toEqual(['{{c1::a ', 'c1[b]']);
    expect(rules(diagnostics)).toEqual(['cloze-unbalanced@1:1']);
  });

  it('cloze-empty: {{c1::}} and ====', () => {
    const { found, diagnostics } = parseClozes(inline('x {{c1::}} y ==== z'), FILE);
    expect(found).toBe(false);
    expect(rules(diagnostics)).toEqual(['cloze-empty@1:3', 'cloze-empty@1:14']);
  });

  it('cloze-gap: c1 and c3 but no c2, reported at c3', () => {
    const { found, diagnostics } = parseClozes(inline('{{c1::a}} and {{c3::b}}'), FILE);
    expect(found).toBe(true);
    expect(rules(diagnostics)).toEqual(['cloze-gap@1:15']);
    expect(diagnostics[0].message).toContain('c2');
  });
});

describe('parseClozesInBlocks', () => {
  it('numbers across a whole note and is idempotent', () => {
    const tree = parser.parse('==one== and\n\n- ==two==\n- **==three==**\n\n```\n==not code==\n```');
    const first = parseClozesInBlocks(tree.children, FILE);
    const numbers = (nodes: Nodes[]) => {
      const found: number[] = [];
      const walk = (node: Nodes) => (node.type === 'cloze' ? found.push(node.number) : 'children' in node && node.children.forEach(walk));
      nodes.forEach(walk);
      return found;
    };
    expect(numbers(first.nodes)).toEqual([1, 2, 3]);
    expect(first.nodes[2]).toBe(tree.children[2]);
    const again = parseClozesInBlocks(first.nodes, FILE);
    expect(numbers(again.nodes)).toEqual([1, 2, 3]);
    expect(again.diagnostics).toEqual([]);
  });
});
