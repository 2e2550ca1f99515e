/**
 * Anki tags. Every note gets one hierarchical tag for where it lives — the
 * file and heading path, e.g. `interview::프로젝트에서_사용했었던::JWT` — so the
 * browser's tag tree mirrors the notes. Front matter `tags:` and inline
 * `#tags` are added as written (`#network/osi` → `network::osi`).
 * Anki splits tags on whitespace, so spaces inside a tag become `_`.
 */
import type { PhrasingContent } from 'mdast';
import { NOTE_EXTENSION } from '../model.js';
import { withoutInvisible } from './invisible.js';
import { trimPhrasing } from './phrasing.js';

export function cleanTag(raw: string): string {
  return withoutInvisible(raw)
    .trim()
    .replace(/^#/, '')
    .replace(/\//g, '::')
    .replace(/[\s\u3000]+/gu, '_')
    .replace(/[\u0000-\u001f"]/g, '')
    .split('::')
    .filter(Boolean)
    .join('::');
}

export function pathTag(relativePath: string, headings: readonly string[]): string {
  const fileLevels = relativePath.replace(NOTE_EXTENSION, '').split('/');
  // Inside one heading, `/` and `::` are words (`Async/Await`), not tag levels.
  const headingLevels = headings.map((heading) => heading.replace(/::|\//g, '_'));
  return cleanTag([...fileLevels, ...headingLevels].join('::'));
}

// `#tag` at the start or after whitespace, starting with a letter: `C#` and `#1` are not tags.
const INLINE_TAG = /(^|\s)#(\p{L}[\p{L}\p{N}_\-/]*)/gu;

/**
 * Removes inline `#tags` from text nodes and returns them. A `#` the user
 * escaped (`\#literal`, marked by parse/escaped-hash.ts) is text. The space a
 * tag leaves at the start or end of the content goes with it, so
 * `## Paging #os` asks `Paging`, not `Paging `.
 */
export function takeInlineTags(nodes: PhrasingContent[]): { nodes: PhrasingContent[]; tags: string[] } {
  const tags: string[] = [];
  const out = nodes.map((node) => {
    if (node.type !== 'text' || node.data?.literalHash || !node.value.includes('#')) return node;
    const value = node.value.replace(INLINE_TAG, (_all, space: string, tag: string) => {
      tags.push(cleanTag(tag));
      return space;
    });
    return { ...node, value };
  });
  return { nodes: tags.length ? trimPhrasing(out) : nodes, tags };
}
