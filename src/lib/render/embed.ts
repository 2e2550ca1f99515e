/**
 * Obsidian embeds `![[name]]` (parse/wikilink.ts) on a card:
 *
 *     ![[diagram.png|300]]      → <img src="<hash>.png" width="300">   (bundled by rehypeMedia)
 *     ![[talk.mp3]]             → [sound:<hash>.mp3]                     (Anki plays it; video too)
 *     ![[Other note#Heading]]   → "Other note", info `embed-note`          (not inlined; left out when it
 *                                                                         is a paragraph of its own)
 *     ![[board.canvas]]         → left out, info `obsidian-unsupported`
 *
 * A file is found the way Obsidian finds it (resolveEmbed). Between the syntax
 * tree and rehypeMedia an embed travels as an element with a per-process
 * random tag name, and a sound as another one until the field's final string,
 * so raw HTML in a note can never forge either.
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import type { Handler } from 'mdast-util-to-hast';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic } from '../diagnostic.js';
import type { Embed } from '../model.js';
import { embedSize } from '../parse/wikilink.js';
import { locate, MEDIA_CONTEXT, type MediaContext } from './media.js';

export const EMBED_TAG = `deckgen-embed-${randomBytes(6).toString('hex')}`;
/** A bundled sound or video; becomes Anki's `[sound:name]` (finishField), which is how Anki's editor embeds both. */
export const SOUND_TAG = `deckgen-sound-${randomBytes(6).toString('hex')}`;

const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'svg', 'webp', 'avif']);
const SOUND = new Set(['mp3', 'ogg', 'wav', 'm4a', 'flac', '3gp', 'webm', 'mp4', 'mov', 'mkv', 'ogv']);
/** Files Obsidian can embed that a card cannot show. */
const UNSUPPORTED: Record<string, string> = {
  pdf: 'a PDF',
  canvas: 'a canvas',
  base: 'a base (Bases view)',
  excalidraw: 'an Excalidraw drawing',
};

export const embedHandler: Handler = (state, node: Embed) => {
  const properties: Element['properties'] = { dataTarget: node.target, dataText: node.children.map((child) => child.value).join('') };
  if (node.alias !== undefined) properties.dataAlias = node.alias;
  const element: Element = { type: 'element', tagName: EMBED_TAG, properties, children: [] };
  state.patch(node, element);
  return element;
};

/**
 * rehype plugin, before rehypeMedia: each embed becomes an image or sound to
 * bundle, its text, or nothing. A note embedded as a paragraph of its own is
 * left out (its note makes cards of its own: extract/rules/note-embed.ts), and
 * a paragraph left empty goes with it.
 */
export function rehypeEmbeds() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const context = file.data[MEDIA_CONTEXT] as MediaContext;
    const paragraphs = embedParagraphs(tree);
    const standalone = new Set(paragraphs.flatMap(({ paragraph }) => paragraph.children));
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== EMBED_TAG || !parent || index === undefined) return;
      const replacement = embedded(node, context, standalone.has(node));
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
    for (const { paragraph, parent } of paragraphs) {
      if (paragraph.children.every(isSpace)) parent.children.splice(parent.children.indexOf(paragraph), 1);
    }
  };
}

/** Paragraphs made only of embeds, as blocks of their own (a bullet's text is its bullet's, not a block). */
function embedParagraphs(tree: Root): { paragraph: Element; parent: Root | Element }[] {
  const found: { paragraph: Element; parent: Root | Element }[] = [];
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'p' || !parent || (parent.type === 'element' && parent.tagName === 'li')) return;
    const embeds = node.children.filter((child) => !isSpace(child));
    if (embeds.length && embeds.every((child) => child.type === 'element' && child.tagName === EMBED_TAG)) found.push({ paragraph: node, parent });
  });
  return found;
}

function isSpace(node: ElementContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || (node.type === 'element' && node.tagName === 'br');
}

function embedded(node: Element, context: MediaContext, standalone: boolean): ElementContent[] {
  const target = String(node.properties.dataTarget ?? '');
  const alias = typeof node.properties.dataAlias === 'string' ? node.properties.dataAlias : undefined;
  const text = String(node.properties.dataText ?? '');
  const place = node.position?.start ?? context.fallback;
  const report = (severity: 'warning' | 'info', rule: string, message: string) =>
    context.diagnostics.push(diagnostic(context.source, place, severity, rule, message));
  const shown = `![[${target}${alias === undefined ? '' : `|${alias}`}]]`;
  const extension = /\.([a-z0-9]+)$/i.exec(target)?.[1]?.toLowerCase() ?? '';
  const media = IMAGE.has(extension) || SOUND.has(extension);
  if (!media) {
    if (UNSUPPORTED[extension]) {
      report('info', 'obsidian-unsupported', `\`${shown}\` embeds ${UNSUPPORTED[extension]}, which a card cannot show; it was left out`);
      return [];
    }
    if (isDrawing(target, context)) {
      report('info', 'obsidian-unsupported', `\`${shown}\` embeds an Excalidraw drawing, which a card cannot show; it was left out`);
      return [];
    }
    if (standalone) {
      report('info', 'embed-note', `\`${shown}\` embeds another note, which makes cards of its own; it was left out of this card`);
      return [];
    }
    report('info', 'embed-note', `\`${shown}\` embeds another note; the card shows its name, not its text`);
    return text ? [{ type: 'text', value: text }] : [];
  }
  const found = resolveEmbed(target, context.noteFile, context.notesRoot, context.vaultFiles ?? []);
  if (!found) {
    report('warning', 'media-missing', `\`${shown}\` was not found in the notes folder; it was left out`);
    return [];
  }
  // A path from the top of the notes folder: rehypeMedia reads it with every check a markdown image gets.
  const src = '/' + found.split('/').map(encodeURIComponent).join('/');
  if (SOUND.has(extension)) return [{ type: 'element', tagName: SOUND_TAG, properties: { src, dataWritten: shown }, children: [], position: node.position }];
  const size = alias === undefined ? null : embedSize(alias);
  const properties: Element['properties'] = { src, alt: alias !== undefined && !size ? alias : '', dataWritten: shown };
  if (size) properties.width = size.width;
  return [{ type: 'element', tagName: 'img', properties, children: [], position: node.position }];
}

/** The Excalidraw plugin keeps a drawing in a note whose front matter has `excalidraw-plugin:`. */
function isDrawing(target: string, context: MediaContext): boolean {
  if (/\.excalidraw(\.md)?$/i.test(target)) return true;
  const note = resolveEmbed(/\.md$/i.test(target) ? target : `${target}.md`, context.noteFile, context.notesRoot, context.vaultFiles ?? []);
  if (!note) return false;
  const found = locate('/' + note.split('/').map(encodeURIComponent).join('/'), context);
  return found.kind === 'file' && /^---[ \t]*\n(?:.*\n)*?excalidraw-plugin[ \t]*:/.test(Buffer.from(found.data.subarray(0, 4096)).toString('utf8'));
}

/**
 * Which file `![[target]]` means, as Obsidian resolves it (case-insensitive):
 * a path from the vault root, else a path from the note's folder, else any
 * file whose path ends with the target — the one in the note's own folder if
 * there is one, else the shortest path (then the first in alphabetical order).
 * `files` are the vault's files, posix paths relative to the notes folder.
 */
export function resolveEmbed(target: string, noteFile: string, notesRoot: string, files: readonly string[]): string | null {
  const wanted = posix.normalize(target.replace(/\\/g, '/')).replace(/^\/+/, '').toLowerCase();
  if (!wanted || wanted.startsWith('../')) return null;
  const noteDir = posix.dirname(posix.relative(toPosix(notesRoot), toPosix(noteFile)));
  const byPath = new Map(files.map((file) => [file.toLowerCase(), file]));
  const exact = byPath.get(wanted) ?? byPath.get(posix.normalize(posix.join(noteDir, wanted)).toLowerCase());
  if (exact) return exact;
  const matches = files.filter((file) => `/${file.toLowerCase()}`.endsWith(`/${wanted}`));
  if (matches.length === 0) return null;
  const near = matches.find((file) => posix.dirname(file) === noteDir);
  return near ?? [...matches].sort((a, b) => a.split('/').length - b.split('/').length || a.length - b.length || (a < b ? -1 : 1))[0];
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}
