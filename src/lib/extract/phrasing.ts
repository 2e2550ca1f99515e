/**
 * Splitting a bullet's inline content at a separator. Only top-level text
 * nodes are searched, so a separator inside `code`, a link or `$math$` can
 * never split a card (`std::vector`, `http://`, `a:b` in TeX).
 */
import type { PhrasingContent, Text } from 'mdast';

export interface Match {
  index: number;
  length: number;
  separator: string;
}

export interface Split {
  before: PhrasingContent[];
  after: PhrasingContent[];
  separator: string;
}

/** `previous` is the node before the text node, e.g. `**term**` before `: definition`. */
export function splitPhrasing(nodes: PhrasingContent[], find: (text: string, previous: PhrasingContent | undefined) => Match | null): Split | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type !== 'text') continue;
    const match = find(node.value, nodes[i - 1]);
    if (!match) continue;
    const head: Text = { ...node, value: node.value.slice(0, match.index) };
    const tail: Text = { ...node, value: node.value.slice(match.index + match.length) };
    return {
      before: trimPhrasing([...nodes.slice(0, i), head]),
      after: trimPhrasing([tail, ...nodes.slice(i + 1)]),
      separator: match.separator,
    };
  }
  return null;
}

/** Drops surrounding whitespace so `헤더 : 정보 ` renders as `헤더` / `정보`. */
export function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = nodes.map((node) => node);
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out.filter((node) => !(node.type === 'text' && node.value === ''));
}

/** Splits inline content into lines at soft line breaks (`\n` inside text nodes). */
export function splitLines(nodes: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'break') {
      lines.push([]);
      continue;
    }
    if (node.type !== 'text' || !node.value.includes('\n')) {
      lines[lines.length - 1].push(node);
      continue;
    }
    node.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...node, value: part });
    });
  }
  return lines.map(trimPhrasing);
}
