/**
 * `deckgen watch`: one build, then a build after every save in the notes
 * folder (new, changed, deleted and renamed files alike: notes, images, vault
 * settings), with chokidar. Saves that come in a burst (an editor writing a
 * temp file and renaming it, a `git checkout`) give one build; a save during
 * a build gives one more build after it. A build never throws at a half-saved
 * file: its problems are diagnostics, and the next save builds again.
 */
import { basename, join, relative, resolve, sep } from 'node:path';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { build, DEFAULT_FORMATS, LOCK_FILE_NAME, type BuildOptions, type BuildReport } from '../build.js';
import { defaultCacheDir } from '../compile/cache.js';

export interface WatchedBuild {
  report: BuildReport;
  /** 1 for the first build, then counting up. */
  number: number;
  /** Files saved since the previous build, relative to the notes folder (empty for the first build). */
  changed: string[];
  milliseconds: number;
}

export interface WatchOptions {
  build: BuildOptions;
  /** Called after each build, in order. */
  onBuild: (built: WatchedBuild) => void;
  /** Quiet time after a save before building (default 150 ms). */
  debounceMs?: number;
}

export interface NotesWatcher {
  /** Stops watching; resolves once a build under way has finished writing. */
  close(): Promise<void>;
}

export async function watchNotes(options: WatchOptions): Promise<NotesWatcher> {
  const cwd = options.build.cwd ?? process.cwd();
  const notesDir = resolve(cwd, options.build.notesDir);
  // TODO(config): a config file's `out` is not seen here; watch assumes --out or `decks`.
  const outDir = resolve(cwd, options.build.outDir ?? 'decks');
  const outputs = (options.build.formats ?? DEFAULT_FORMATS).map((format) => join(outDir, `${basename(notesDir)}.${format}`));
  // The compile cache is written by builds too, and may sit inside the notes folder (a project's node_modules/.cache).
  const cache = options.build.cache === false ? [] : [resolve(cwd, options.build.cache ?? defaultCacheDir(notesDir))];
  const ignored = ownFiles(notesDir, [resolve(cwd, options.build.lockPath ?? join(notesDir, LOCK_FILE_NAME)), ...outputs, ...cache]);
  const changed = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let number = 0;
  let closed = false;

  const runBuild = async (): Promise<void> => {
    const saved = [...changed].sort();
    changed.clear();
    const started = performance.now();
    const report = await build(options.build);
    number += 1;
    options.onBuild({ report, number, changed: saved, milliseconds: performance.now() - started });
  };
  // One build at a time; saves during a build are built right after it.
  const buildSoon = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = runBuild().finally(() => {
      running = null;
      if (again) {
        again = false;
        buildSoon();
      }
    });
  };

  const watcher: FSWatcher = watchFiles(notesDir, { ignoreInitial: true, ignored });
  await new Promise<void>((ready, fail) => watcher.once('ready', ready).once('error', fail));
  watcher.on('all', (_event, path) => {
    changed.add(relative(notesDir, path).split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(buildSoon, options.debounceMs ?? 150);
  });
  buildSoon();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/**
 * What a build writes or never reads: the lock file, the outputs and the
 * compile cache, with their temp and build-lock siblings (every build writes
 * them: watching them would build for ever), node_modules, and dot folders
 * other than an Obsidian vault's settings (whose workspace files are only the
 * app's window state).
 */
function ownFiles(notesDir: string, written: readonly string[]): (path: string) => boolean {
  return (path) => {
    if (written.some((file) => path === file || path.startsWith(`${file}.`) || path.startsWith(`${file}${sep}`))) return true;
    const parts = relative(notesDir, path).split(sep);
    if (parts[0] === '.obsidian') return /^workspace.*\.json$/.test(basename(path));
    // As read/index.ts: node_modules and dot folders hold no notes.
    return parts.some((part) => part === 'node_modules' || (part.startsWith('.') && part !== '.' && part !== '..'));
  };
}
