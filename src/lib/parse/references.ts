/**
 * `[text][ref]` and `![alt][ref]` point at a definition elsewhere in the file.
 * A card carries only its own nodes, so the reference is resolved here, once,
 * into a plain link or image — otherwise it would render as literal brackets.
 */
import type { Image, Link, Parents, Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { SKIP, visit } from 'unist-util-visit';
import { walk } from '../tree-walk.js';

export function resolveReferences(tree: Root): void {
  // A reference resolves only to a definition: without one (most files) nothing changes, and the two walks below are skipped.
  if (!hasDefinition(tree)) return;
  const definition = definitions(tree);
  visit(tree, (node, index, parent: Parents | undefined) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || !parent || index === undefined) return;
    const target = definition(node.identifier);
    if (!target) return;
    const resolved: Link | Image =
      node.type === 'linkReference'
        ? { type: 'link', url: target.url, title: target.title, children: node.children, position: node.position }
        : { type: 'image', url: target.url, title: target.title, alt: node.alt, position: node.position };
    parent.children.splice(index, 1, resolved as never);
    return SKIP;
  });
}

function hasDefinition(tree: Root): boolean {
  let found = false;
  walk(tree, (node) => {
    found ||= node.type === 'definition';
  });
  return found;
}
