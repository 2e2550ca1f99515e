/**
 * The content cache of compile results: a file whose bytes, referenced
 * images, compile options and deckgen code are all unchanged is not compiled
 * again. Where it lives and how it is bounded: docs/decisions.md ("The
 * compile cache").
 *
 * An entry is one file, written atomically: a header line holding the key
 * and the SHA-256 of the body, then the body (JSON). An entry that does not
 * parse, whose digest or key does not match, or whose images changed is a
 * miss — never trusted, overwritten by the next store.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import findCacheDirectory from 'find-cache-dir';
import type { DeckPackage, MediaFile, SourceFile } from '../model.js';
import { mediaState } from '../render/media.js';
import { isProcessRunning, writeFileAtomic } from '../write/atomic.js';
import type { CompiledFile, CompileOptions } from './index.js';

/** Past this, the least recently used entries go (100k bullets take about a tenth of it). */
export const CACHE_MAX_BYTES = 512 * 1024 * 1024;

/** 2: notes without their markdown trees (model.ts CompiledNote). */
const FORMAT = 2;
const ENTRY = '.json';

/**
 * `node_modules/.cache/deckgen` of the package that holds the notes (the
 * build-tool convention, found by find-cache-dir; `CACHE_DIR` overrides it),
 * else the user's cache folder (`~/.cache/deckgen` on Linux).
 */
export function defaultCacheDir(notesDir: string): string {
  return findCacheDirectory({ name: 'deckgen', cwd: notesDir }) ?? envPaths('deckgen', { suffix: '' }).cache;
}

/** The state of an image a compiled file looked for (render/media.ts mediaState): bundled bytes, or why not. */
interface MediaDependency {
  path: string;
  digest: string;
}

interface EntryBody {
  dependencies: MediaDependency[];
  /** The result with media bytes left out: they are read again, checked by `dependencies`. */
  result: CompiledFile;
}

export class CompileCache {
  constructor(readonly dir: string) {}

  /** The key of one file's compile: everything its result depends on except the images, which the entry lists. */
  key(file: SourceFile, options: CompileOptions): string {
    const { absolutePath, displayPath, relativePath, text } = file;
    // The folder's file list only decides where `![[name]]` embeds are found: a file without one does not depend on
    // it, and keeps its entry when files come and go (the lock file appearing after the first build, a new image).
    const digest = optionsDigest(text.includes('![[') ? options : { ...options, vaultFiles: [] });
    return sha256(JSON.stringify([FORMAT, codeVersion(), digest, absolutePath, displayPath, relativePath, text]));
  }

  /** The cached result, or null on a miss (absent, unreadable, corrupt, or an image changed). */
  load(key: string, options: CompileOptions): CompiledFile | null {
    const path = this.entryPath(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return null;
    }
    const body = verifiedBody(bytes, key);
    if (!body) return null;
    const media = currentMedia(body.dependencies, options.notesDir);
    if (!media) return null;
    const result = withMedia(body.result, media);
    if (!result) return null;
    touch(path);
    return result;
  }

  store(key: string, result: CompiledFile, options: CompileOptions): void {
    const dependencies: MediaDependency[] = [];
    for (const ref of result.mediaRefs) {
      const state = mediaState(ref.path, options.notesDir);
      // An image that changed between compiling and now: the entry would describe neither version.
      if (state.data && ref.name && !sameMediaName(result, ref.name, state.data)) return;
      dependencies.push({ path: ref.path, digest: state.digest });
    }
    const body = JSON.stringify({ dependencies, result: withoutMediaBytes(result) } satisfies EntryBody);
    const header = JSON.stringify({ format: FORMAT, key, digest: sha256(body) });
    const path = this.entryPath(key);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, `${header}\n${body}`);
    } catch {
      // A cache that cannot be written (read-only, full disk) only costs speed.
    }
  }

  /**
   * Drops the least recently used files (compile entries, output digests, build records) past CACHE_MAX_BYTES, and
   * temps left by killed builds; called once per build that stored something.
   */
  prune(maxBytes = CACHE_MAX_BYTES): void {
    const entries: { path: string; size: number; used: number }[] = [];
    try {
      for (const file of readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
        if (!file.isFile()) continue;
        const path = join(file.parentPath, file.name);
        if (isAbandonedTemp(file.name)) rmSync(path, { force: true });
        else if (!file.name.endsWith('.tmp')) entries.push({ path, ...usage(path) });
      }
    } catch {
      return; // a folder vanished under us (another build pruning): next time
    }
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= maxBytes) break;
      rmSync(entry.path, { force: true });
      total -= entry.size;
    }
  }

  /**
   * The key of one output file's bytes: the package it is written from (packageDigest), and deckgen itself.
   */
  outputKey(format: string, packageDigest: string): string {
    return sha256(JSON.stringify([FORMAT, codeVersion(), format, packageDigest]));
  }

  /** The bytes of the output file at `path` when they are what this key built last time, else null. */
  loadOutput(key: string, path: string): Buffer | null {
    try {
      const digest = readFileSync(this.outputPath(key), 'utf8');
      const bytes = readFileSync(path);
      if (sha256(bytes) !== digest) return null;
      touch(this.outputPath(key));
      return bytes;
    } catch {
      return null; // never built, or the file was removed: build it
    }
  }

  storeOutput(key: string, bytes: Uint8Array | string): void {
    try {
      writeFileAtomic(this.outputPath(key), sha256(bytes));
    } catch {
      // only costs speed
    }
  }

  private outputPath(key: string): string {
    return join(this.dir, 'outputs', key.slice(0, 2), key.slice(2));
  }

  private entryPath(key: string): string {
    return join(this.dir, key.slice(0, 2), key.slice(2) + ENTRY);
  }
}

/** The entry's body when its header is this key's and its digest the body's (checked on the bytes, before decoding them). */
function verifiedBody(bytes: Buffer, key: string): EntryBody | null {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as { format?: unknown; key?: unknown; digest?: unknown };
    const body = bytes.subarray(newline + 1);
    if (header.format !== FORMAT || header.key !== key || header.digest !== sha256(body)) return null;
    const parsed = JSON.parse(body.toString('utf8')) as EntryBody;
    return Array.isArray(parsed.dependencies) && parsed.result && typeof parsed.result === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** The bytes of every dependency by path, or null when any of them is not as it was. */
function currentMedia(dependencies: readonly MediaDependency[], notesDir: string): Map<string, Uint8Array> | null {
  const media = new Map<string, Uint8Array>();
  for (const dependency of dependencies) {
    const state = mediaState(dependency.path, notesDir);
    if (state.digest !== dependency.digest) return null;
    if (state.data) media.set(dependency.path, state.data);
  }
  return media;
}

function sameMediaName(result: CompiledFile, name: string, data: Uint8Array): boolean {
  const bundled = result.notes?.flatMap((note) => note.media).find((file) => file.name === name);
  return bundled === undefined || Buffer.compare(Buffer.from(bundled.data), Buffer.from(data)) === 0;
}

function withoutMediaBytes(result: CompiledFile): CompiledFile {
  if (!result.notes) return result;
  return { ...result, notes: result.notes.map((note) => ({ ...note, media: note.media.map(({ name }) => ({ name, data: new Uint8Array() })) })) };
}

/** Puts the bytes back into each note's media, from the dependencies just checked; null if one is missing. */
function withMedia(result: CompiledFile, media: Map<string, Uint8Array>): CompiledFile | null {
  if (!result.notes) return result;
  const byName = new Map<string, Uint8Array>();
  for (const ref of result.mediaRefs) {
    const data = ref.name ? media.get(ref.path) : undefined;
    if (ref.name && data) byName.set(ref.name, data);
  }
  let complete = true;
  const restore = (file: MediaFile): MediaFile => {
    const data = byName.get(file.name);
    if (!data) complete = false;
    return { name: file.name, data: data ?? new Uint8Array() };
  };
  const notes = result.notes.map((note) => ({ ...note, media: note.media.map(restore) }));
  return complete ? { ...result, notes } : null;
}

function usage(path: string): { size: number; used: number } {
  try {
    const stat = statSync(path);
    return { size: stat.size, used: stat.mtimeMs };
  } catch {
    return { size: 0, used: 0 }; // removed meanwhile
  }
}

function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // only the eviction order suffers
  }
}

/** `<entry>.<pid>.<ms>.tmp` left by a build killed while storing (write/atomic.ts names them so). */
function isAbandonedTemp(name: string): boolean {
  const pid = /\.(\d+)\.\d+\.tmp$/.exec(name)?.[1];
  return pid !== undefined && !isProcessRunning(Number(pid));
}

/**
 * A digest of everything a package's outputs are written from. Media names are hashes of their bytes, so the names
 * stand for the media. Hashed note by note: one JSON string of 100k notes (and its UTF-8 copy) was the largest
 * allocation of a build's writing stage.
 */
export function packageDigest(pkg: DeckPackage): string {
  const hash = createHash('sha256').update(JSON.stringify(pkg.media.map((file) => file.name).sort()));
  // A JSON text holds no raw newline, so the notes' boundaries are unambiguous.
  for (const note of pkg.notes) hash.update('\n').update(JSON.stringify(note));
  return hash.digest('hex');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const digests = new Map<string, string>();

/** Remembered: a vault's file list can be long, and the key of every file with an embed holds it. */
function optionsDigest(options: CompileOptions): string {
  const text = JSON.stringify(options);
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = sha256(text);
    if (digests.size > 16) digests.clear();
    digests.set(text, digest);
  }
  return digest;
}

let code: string | null = null;

/**
 * deckgen's version and a hash of its own code and dependency lock: any
 * change to the program (a new release, or an edit while developing) makes
 * every entry a miss.
 */
export function codeVersion(): string {
  if (code !== null) return code;
  const lib = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = dirname(dirname(lib));
  const hash = createHash('sha256');
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(join(root, name)));
    } catch {
      // an installed package has no lock file: its version (package.json) stands for it
    }
  }
  for (const file of sourceFiles(lib)) hash.update(file).update(readFileSync(file));
  code = hash.digest('hex');
  return code;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
