/**
 * Obsidian syntax that only a plugin can render — its source on a card would
 * be noise — is left out, each with an info diagnostic naming it:
 *
 *     ```dataview / dataviewjs / query / tasks / base       a live query, not text
 *     `= this.file.name`, `$= dv.pages().length`             an inline Dataview query
 *
 * (Embedded canvases, bases, PDFs and Excalidraw drawings are left out by
 * the renderer, render/embed.ts; an Excalidraw drawing's own file by
 * extractNotes.) A copy of the tree is returned; the parsed tree is not changed.
 */
import type { Nodes, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { pruneTree } from './prune.js';

const QUERY_BLOCKS: Record<string, string> = {
  dataview: 'a Dataview query',
  dataviewjs: 'a DataviewJS script',
  query: 'an embedded search',
  tasks: 'a Tasks query',
  base: 'a Bases view',
};

const INLINE_QUERY = /^\$?=\s/;

export function withoutUnrendered(tree: Root, file: string): { tree: Root; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (node: Nodes, what: string) => {
    const at = node.position?.start;
    diagnostics.push(diagnostic(file, at ? { line: at.line, column: at.column } : null, 'info', 'obsidian-unsupported', `${what} is only shown inside Obsidian; it was left out of the card`));
  };
  const drop = (node: Nodes): boolean => {
    const query = node.type === 'code' && node.lang ? QUERY_BLOCKS[node.lang.toLowerCase()] : undefined;
    if (query) report(node, `This \`\`\`${(node as { lang: string }).lang} block (${query})`);
    const inline = node.type === 'inlineCode' && INLINE_QUERY.test(node.value);
    if (inline) report(node, `\`${node.value}\` (an inline Dataview query)`);
    return Boolean(query) || inline;
  };
  return { tree: pruneTree(tree, drop), diagnostics };
}
