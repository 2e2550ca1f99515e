/**
 * Which local files may be bundled into a deck. A deck is shared; a notes
 * folder is often a git repository holding `.git/config`, `.env` or editor
 * state. Only images, audio and video are media in Anki, and the check is on
 * both the name and the bytes (magic-bytes.js), so a renamed page, script or
 * credentials file is never packaged.
 */
import { extname } from 'node:path';
import { filetypeinfo } from 'magic-bytes.js';
import { refusedSvg } from './svg.js';

/** Extensions Anki shows or plays. SVG is a document that can hold script: it has a check of its own (svg.ts). */
const ALLOWED = new Map<string, 'image' | 'audio' | 'video'>([
  ...['png', 'apng', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff'].map((ext) => [ext, 'image'] as const),
  ...['mp3', 'ogg', 'oga', 'opus', 'wav', 'flac', 'm4a', 'aac', 'spx'].map((ext) => [ext, 'audio'] as const),
  ...['mp4', 'm4v', 'webm', 'ogv', 'mov', 'mkv', 'mpg', 'mpeg', 'avi'].map((ext) => [ext, 'video'] as const),
]);

/** A path (relative to the notes folder) with a part starting with a dot: `.git/config`, `.env`, `img/.cache/x.png`. */
export function hasHiddenPart(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

/** Null when the file may be bundled, else why not (for the diagnostic). */
export function refusedMediaType(path: string, data: Uint8Array): string | null {
  const extension = extname(path).slice(1).toLowerCase();
  if (extension === 'svg') return refusedSvg(data);
  const kind = ALLOWED.get(extension);
  if (!kind) return extension ? `\`.${extension}\` files are not images, audio or video` : 'a file without an extension is not known to be an image, audio or video';
  const sniffed = filetypeinfo(data.subarray(0, 4096)).map((type) => type.mime ?? '');
  // Some valid files have no signature magic-bytes.js knows (plain MPEG audio frames, some .ico/.tga): the name decides then,
  // unless the bytes say they are something else.
  if (sniffed.length === 0) return looksLikeText(data) ? `the file is text, not ${kind}` : null;
  if (sniffed.some((mime) => mime.startsWith(`${kind}/`) || (kind !== 'image' && /^(audio|video)\//.test(mime)))) return null;
  return `its content is ${sniffed[0] || 'another type'}, not ${kind}`;
}

function looksLikeText(data: Uint8Array): boolean {
  const sample = data.subarray(0, 512);
  if (sample.length === 0) return true;
  return sample.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127));
}
