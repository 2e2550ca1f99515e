/**
 * A footnote's text usually stands at the end of the file, far from the card
 * that refers to it, and a card carries only its own nodes. So each
 * reference is given its definition here, once, and the render stage puts
 * the text at the end of the answer.
 */
import type { FootnoteDefinition, Root } from 'mdast';
import { walk } from '../tree-walk.js';

declare module 'mdast' {
  interface FootnoteReferenceData {
    /** The definition's content, when the file has one. */
    footnote?: (BlockContent | DefinitionContent)[];
  }
}

export function attachFootnotes(tree: Root): void {
  const definitions = new Map<string, FootnoteDefinition>();
  walk(tree, (node) => {
    // The first definition wins, as in GitHub's rendering.
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  if (definitions.size === 0) return;
  walk(tree, (node) => {
    if (node.type !== 'footnoteReference') return;
    const definition = definitions.get(node.identifier);
    if (definition) node.data = { ...node.data, footnote: definition.children };
  });
}
