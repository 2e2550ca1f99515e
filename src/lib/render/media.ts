/**
 * Local images are bundled: read, named by content hash, and the `src`
 * rewritten to that bare name (Anki only finds media by bare filename). A
 * path that leads out of the notes folder is never read, so a shared note
 * cannot smuggle `../../.ssh/id_rsa` into a deck.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Element, Root, Text } from 'hast';
import { LRUCache } from 'lru-cache';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { MediaFile, Position } from '../model.js';
import { SOUND_TAG } from './embed.js';
import { hasHiddenPart, refusedMediaType } from './media-type.js';

export interface MediaContext {
  /** Absolute notes folder; media must resolve inside it. */
  notesRoot: string;
  /** Absolute path of the note's markdown file; relative `src` is relative to its folder. */
  noteFile: string;
  /** The note's display path, for diagnostics. */
  source: string;
  /** Where to point diagnostics for nodes without a position (should not happen). */
  fallback: Position;
  /** Every file of the notes folder (posix, relative to it), where `![[name]]` embeds are looked up. */
  vaultFiles?: readonly string[];
  /** Bundled files by media name, shared by all fields of the note. */
  media: Map<string, MediaFile>;
  /** Every local path an image looked for → the media name it was bundled as (null: not found or not allowed). */
  lookups: Map<string, string | null>;
  diagnostics: Diagnostic[];
}

export const MEDIA_CONTEXT = 'deckgenMedia';

/** rehype plugin; the per-note context travels in `file.data` so the processor can be built once. */
export function rehypeMedia() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const context = file.data[MEDIA_CONTEXT] as MediaContext | undefined;
    if (!context) throw new Error('rehypeMedia: no media context on the file (renderField sets it)');
    visit(tree, 'element', (node, index, parent) => {
      if ((node.tagName !== 'img' && node.tagName !== SOUND_TAG) || !parent || index === undefined) return;
      if (bundleImage(node, context)) return;
      // A broken image would show as a broken-image icon; its alt text is the useful part.
      const alt = typeof node.properties.alt === 'string' && node.properties.alt ? [{ type: 'text', value: node.properties.alt } satisfies Text] : [];
      parent.children.splice(index, 1, ...alt);
      return [SKIP, index + alt.length];
    });
  };
}

/** True when the image may stay (bundled, remote, or left to the sanitizer); false to drop it. */
function bundleImage(node: Element, context: MediaContext): boolean {
  const src = node.properties.src;
  if (typeof src !== 'string') return true;
  const place = node.position?.start ?? context.fallback;
  const report = (severity: 'error' | 'warning', rule: string, message: string) => {
    context.diagnostics.push(diagnostic(context.source, place, severity, rule, message));
    return false;
  };
  const target = src.trim();
  // An Obsidian embed (render/embed.ts) is named in messages as the user wrote it, not by its resolved path.
  const written = node.properties.dataWritten;
  delete node.properties.dataWritten;
  const shown = typeof written === 'string' ? written : target;
  if (!target) return report('warning', 'media-missing', 'This image has no source; it was left out');
  if (/^https?:/i.test(target) || target.startsWith('//')) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return report('warning', 'media-unsupported', `Image \`${shorten(target)}\` is neither a local file nor an http(s) URL; it was left out`);
  }
  const found = locate(target, context);
  if (found.kind === 'outside') {
    return report('error', 'media-outside-notes', `Image \`${shown}\` is outside the notes folder; it was not read or bundled`);
  }
  if (found.kind === 'hidden') {
    return report('error', 'media-hidden-path', `Image \`${shown}\` is in a hidden file or folder (a name starting with "."); it was not read or bundled`);
  }
  if (found.kind === 'missing') return report('warning', 'media-missing', `Image \`${shown}\` was not found (${found.reason}); it was left out`);
  const refused = refusedMediaType(found.path, found.data);
  if (refused) return report('warning', 'media-type-refused', `\`${shown}\` was not bundled: ${refused}`);
  const file = mediaFile(found.path, found.data);
  context.media.set(file.name, file);
  context.lookups.set(found.lexical, file.name);
  node.properties.src = file.name;
  return true;
}

type Located =
  | { kind: 'file'; path: string; lexical: string; data: Uint8Array }
  | { kind: 'outside' }
  | { kind: 'hidden' }
  | { kind: 'missing'; reason: string };

/** Finds and reads a local file named by a note (`/x` from the top of the notes folder), never outside it. */
export function locate(target: string, context: MediaContext): Located {
  const path = localPath(target);
  // `/img/x.png` means "from the top of the notes", as on GitHub and static sites, not from the filesystem root.
  const lexical = path.startsWith('/') ? join(context.notesRoot, path) : resolve(dirname(context.noteFile), path);
  if (!context.lookups.has(lexical)) context.lookups.set(lexical, null);
  return locatePath(lexical, context.notesRoot);
}

/**
 * How an image path looks now, for the compile cache: a digest of what locate() decides and of the bytes it
 * would bundle. Like locate(), it never opens a file outside the notes or under a hidden name.
 */
export function mediaState(lexical: string, notesRoot: string): { digest: string; data: Uint8Array | null } {
  const found = locatePath(lexical, notesRoot);
  if (found.kind !== 'file') return { digest: found.kind === 'missing' ? `missing:${found.reason}` : found.kind, data: null };
  return { digest: createHash('sha256').update(found.path).update('\0').update(found.data).digest('hex'), data: found.data };
}

function locatePath(lexical: string, notesRoot: string): Located {
  const root = realRoot(notesRoot);
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (error) {
    if (!isInside(resolve(notesRoot), lexical) && !isInside(root, lexical)) return { kind: 'outside' };
    return { kind: 'missing', reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  // Checked on the real path so a symlink inside the notes cannot point outside them.
  if (!isInside(root, real)) return { kind: 'outside' };
  // Before reading: `.git/config` or `.env` must never be opened, under its own name or through a link.
  if (hasHiddenPart(relative(root, real)) || hasHiddenPart(relative(resolve(notesRoot), lexical))) return { kind: 'hidden' };
  try {
    const stat = statSync(real);
    if (!stat.isFile()) return { kind: 'missing', reason: 'not a file' };
    return { kind: 'file', path: real, lexical, data: readOnce(real, stat) };
  } catch (error) {
    return { kind: 'missing', reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
}

/**
 * An image that many notes show (a logo, a shared diagram) is read once per
 * process, not once per reference: 30 references to a 100 MB image held 3 GB.
 * A change on disk (size or time) reads it again, so a long-running process
 * never shows a stale file. Bounded by bytes, least recently used first out:
 * `deckgen watch` runs for hours over images that come and go.
 */
const MAX_HELD_BYTES = 256 * 1024 * 1024;
const contents = new LRUCache<string, { size: number; mtimeMs: number; data: Uint8Array }>({
  maxSize: MAX_HELD_BYTES,
  // An empty file still takes an entry.
  sizeCalculation: (entry) => Math.max(entry.data.byteLength, 1),
});

function readOnce(path: string, stat: Stats): Uint8Array {
  const known = contents.get(path);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.data;
  const data = readFileSync(path);
  // One image over the bound is read for each reference rather than held.
  if (data.byteLength <= MAX_HELD_BYTES) contents.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, data });
  return data;
}

/** Markdown URLs are percent-encoded (`my%20img.png`, non-ASCII names); a query or fragment is not part of the file. */
function localPath(target: string): string {
  const bare = target.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

const realRoots = new Map<string, string>();

function realRoot(notesRoot: string): string {
  let real = realRoots.get(notesRoot);
  if (real === undefined) {
    try {
      real = realpathSync(notesRoot);
    } catch {
      real = resolve(notesRoot);
    }
    realRoots.set(notesRoot, real);
  }
  return real;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Content-addressed, bare, `[a-z0-9.]` only (spec §6): changed bytes get a new name, so Anki updates the note. */
export function mediaFile(path: string, data: Uint8Array): MediaFile {
  const hash = createHash('sha1').update(data).digest('hex').slice(0, 16);
  const extension = extname(path).toLowerCase();
  return { name: /^\.[a-z0-9]{1,10}$/.test(extension) ? hash + extension : hash, data };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
