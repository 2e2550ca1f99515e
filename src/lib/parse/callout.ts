/**
 * Obsidian callouts: a quote whose first line is `[!type]`, with an optional
 * fold marker (`+`, `-`) and title, becomes a `callout` node.
 *
 *     > [!tip]- Thrashing              → callout { calloutType: 'tip', title: "Thrashing",
 *     > The system spends its time…                body: the paragraph }
 *
 * Types are matched case-insensitively, Obsidian's aliases to its base types
 * (`faq` → question, `caution` → warning, …); an unknown type is a note. A
 * callout without a title is titled by its type, as Obsidian shows it.
 */
import type { BlockContent, Blockquote, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { Callout } from '../model.js';

/** Obsidian's callout types and their aliases (help.obsidian.md "Callouts"). */
const TYPES: Record<string, string> = {
  note: 'note',
  abstract: 'abstract', summary: 'abstract', tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip', hint: 'tip', important: 'tip',
  success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'failure', fail: 'failure', missing: 'failure',
  danger: 'danger', error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote', cite: 'quote',
};

const MARKER = /^\[!([^\]\s]+)\]([+-]?)[ \t]*/;

export function markCallouts(tree: Root): void {
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    (node.children as Nodes[]).forEach(walk);
    node.children = (node.children as Nodes[]).map((child) => (child.type === 'blockquote' ? (callout(child) ?? child) : child)) as never;
  };
  walk(tree);
}

function callout(quote: Blockquote): Callout | null {
  const [first, ...rest] = quote.children;
  if (first?.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (lead?.type !== 'text') return null;
  const marker = MARKER.exec(lead.value);
  if (!marker) return null;
  const written = marker[1].toLowerCase();
  const { title, body } = splitFirstLine([{ ...lead, value: lead.value.slice(marker[0].length) }, ...first.children.slice(1)]);
  const blocks: BlockContent[] = body.length ? [{ type: 'paragraph', children: body, position: first.position } satisfies Paragraph, ...(rest as BlockContent[])] : (rest as BlockContent[]);
  return {
    type: 'callout',
    calloutType: calloutTypeOf(written),
    fold: marker[2] === '+' || marker[2] === '-' ? marker[2] : undefined,
    title: title.length ? title : [{ type: 'text', value: written.charAt(0).toUpperCase() + written.slice(1) }],
    titled: title.length > 0,
    children: blocks,
    position: quote.position,
  };
}

/** Obsidian's base type of a type as written (`faq` → question); an unknown type is a note. */
export function calloutTypeOf(written: string): string {
  return TYPES[written.toLowerCase()] ?? 'note';
}

/** The title is the rest of the marker's line; the lines after it start the body. */
export function splitFirstLine(nodes: PhrasingContent[]): { title: PhrasingContent[]; body: PhrasingContent[] } {
  const title: PhrasingContent[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (node.type === 'break') return { title: trim(title), body: nodes.slice(index + 1) };
    if (node.type === 'text' && node.value.includes('\n')) {
      const cut = node.value.indexOf('\n');
      title.push({ ...node, value: node.value.slice(0, cut) });
      const after = node.value.slice(cut + 1);
      return { title: trim(title), body: [...(after ? [{ ...node, value: after }] : []), ...nodes.slice(index + 1)] };
    }
    title.push(node);
  }
  return { title: trim(title), body: [] };
}

function trim(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = nodes.map((node, index) => {
    if (node.type !== 'text') return node;
    let value = node.value;
    if (index === 0) value = value.trimStart();
    if (index === nodes.length - 1) value = value.trimEnd();
    return { ...node, value };
  });
  return out.filter((node) => !(node.type === 'text' && node.value === ''));
}
