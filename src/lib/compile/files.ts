/**
 * Compiles every notes file of a build: from the cache where it can, the
 * rest in this thread or, when there is enough of it, in worker threads.
 *
 * The compile stage (remark, rehype, highlight.js…) is imported on the first
 * miss only: a build whose files all come from the cache never loads it,
 * which is most of a small build's start-up time.
 */
import { availableParallelism } from 'node:os';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostic.js';
import { readNoteFile } from '../read/index.js';
import type { CompileCache } from './cache.js';
import { guarded, internalError } from './guard.js';
import type { CompiledFile, CompileOptions } from './index.js';
import type { CompileTask } from './worker.js';
import type { SourceFile } from '../model.js';

/** Below this much text to compile, starting workers (each loads the whole compile stage) costs more than it saves. */
export const WORKER_MIN_CHARS = 400_000;

/**
 * In a large build (over WORKER_HEAP_CAP_CHARS) a worker's old generation is capped: left alone, V8 lets each
 * worker's heap fill with garbage (about 200 MB each at 100k bullets), and the two of them made the build's peak
 * memory. The cap grows with the largest file; a file that still does not fit (the worker runs out of memory) is
 * compiled again in this thread.
 */
export const WORKER_HEAP_MB = 128;
const WORKER_HEAP_BYTES_PER_CHAR = 400;
/**
 * Up to this much text to compile, the workers' heaps are not capped (V8's own limits): a capped heap is collected
 * far more often, which cost a sixth of a cold 10k build's CPU, and the garbage the cap holds back only weighs when
 * the results this thread keeps are large too. Measured on 2 cores (docs/decisions.md, speed4): 20k bullets in 20
 * files (2 MB) peak at 540 MiB uncapped against 368 MiB capped, for 0.79× the CPU; a 100k build (9.8 MB) stays capped.
 */
export const WORKER_HEAP_CAP_CHARS = 2_000_000;

export interface CompileRun {
  files: CompiledFile[];
  /** How many files came from the cache. */
  cached: number;
  /** Worker threads that compiled files; 0 when all was done in this thread. */
  threads: number;
}

export interface CompileFilesOptions {
  cache: CompileCache | null;
  /** Called after each file; `cached` counts the files that came from the cache so far. */
  progress?: (done: number, total: number, cached: number) => void;
  /** Worker threads at most; defaults to the cores. 0 or 1: compile in this thread. */
  workers?: number;
  /** Text to compile below which no worker is started (default WORKER_MIN_CHARS). */
  workerMinChars?: number;
  /** The smallest cap of a worker's heap, in MiB (default WORKER_HEAP_MB, above WORKER_HEAP_CAP_CHARS only); given, it always applies. For tests: below what the compile stage's modules take, no worker can start and the compile waits forever. */
  workerHeapMb?: number;
}

/** One notes file as read for a build: its text (null when unreadable), reading's diagnostics, and its cache key. */
export interface ReadSource {
  path: string;
  file: SourceFile | null;
  diagnostics: Diagnostic[];
  /** The compile cache's key of this file; null without a cache or when it could not be read. */
  key: string | null;
}

/** Reads every notes file and finds its cache key: what the build's up-to-date check (compile/up-to-date.ts) and the compile both need. */
export function readSources(paths: readonly string[], options: CompileOptions, cache: CompileCache | null): ReadSource[] {
  return paths.map((path) => {
    const guard = guarded(shown(path, options), () => readNoteFile(path, options.notesDir, options.cwd));
    const read = guard.ok ? guard.value : { file: null, diagnostics: [guard.problem] };
    return { path, file: read.file, diagnostics: read.diagnostics, key: read.file && cache ? cache.key(read.file, options) : null };
  });
}

export async function compileFiles(given: readonly string[] | readonly ReadSource[], options: CompileOptions, run: CompileFilesOptions): Promise<CompileRun> {
  const { cache } = run;
  const sources = given.map((source) => (typeof source === 'string' ? readSources([source], options, cache)[0] : source));
  const files: CompiledFile[] = new Array(sources.length);
  const tasks: { index: number; task: CompileTask; read: Diagnostic[] }[] = [];
  let cached = 0;
  let done = 0;
  const finished = () => run.progress?.(++done, sources.length, cached);
  sources.forEach(({ path, file, diagnostics, key }, index) => {
    if (!file) {
      files[index] = unreadable(path, options, diagnostics);
      return finished();
    }
    const hit = key ? cache!.load(key, options) : null;
    if (hit) {
      cached++;
      files[index] = withReadDiagnostics(hit, diagnostics);
      return finished();
    }
    tasks.push({ index, read: diagnostics, task: { file, options, cache: key ? { dir: cache!.dir, key } : null } });
  });
  if (tasks.length === 0) return { files, cached, threads: 0 };
  const size = tasks.reduce((sum, { task }) => sum + task.file.text.length, 0);
  const wanted = Math.min(run.workers ?? availableParallelism(), tasks.length);
  const threads = wanted > 1 && size >= (run.workerMinChars ?? WORKER_MIN_CHARS) ? wanted : 0;
  const compile = threads ? await workerPool(threads, workerHeapMb(tasks.map(({ task }) => task.file.text.length), size, run)) : await inThread();
  try {
    await Promise.all(
      tasks.map(async ({ index, task, read }) => {
        // compileFile guards itself; this catches what it cannot: a worker that died (other than out of memory, which
        // workerPool retries here) or a result that could not be sent back. The file is lost for this build only.
        const compiled = await compile.run(task).catch((error: unknown) => unreadable(task.file.absolutePath, options, [internalError(task.file.displayPath, error)]));
        files[index] = withReadDiagnostics(compiled, read);
        finished();
      }),
    );
  } finally {
    await compile.close();
  }
  cache?.prune();
  return { files, cached, threads: compile.threads() };
}

/** The cap of each worker's old generation in MiB, null for none: it grows with the largest file. */
function workerHeapMb(sizes: number[], size: number, run: CompileFilesOptions): number | null {
  if (run.workerHeapMb === undefined && size <= WORKER_HEAP_CAP_CHARS) return null;
  return Math.max(run.workerHeapMb ?? WORKER_HEAP_MB, Math.ceil((Math.max(...sizes) * WORKER_HEAP_BYTES_PER_CHAR) / 2 ** 20));
}

interface Compiler {
  run(task: CompileTask): Promise<CompiledFile>;
  close(): Promise<void>;
  /** How many worker threads did compile. */
  threads(): number;
}

async function inThread(): Promise<Compiler> {
  const { runTask } = await import('./worker.js');
  return { run: async (task) => runTask(task), close: async () => {}, threads: () => 0 };
}

/** tinypool, one thread per core, each loading the compile stage once; a task whose worker ran out of memory runs in this thread. */
async function workerPool(threads: number, heapMb: number | null): Promise<Compiler> {
  const { default: Tinypool } = await import('tinypool');
  const resourceLimits = heapMb === null ? {} : { maxOldGenerationSizeMb: heapMb };
  const pool = new Tinypool({ filename: workerModule(), minThreads: threads, maxThreads: threads, idleTimeout: 0, resourceLimits });
  // A worker that dies between tasks (out of memory while starting) is reported here too; its task, if any, rejects.
  pool.on('error', () => {});
  const used = new Set<number>();
  let fallback: Promise<Compiler> | undefined;
  return {
    run: async (task) => {
      try {
        const { result, thread } = (await pool.run(task)) as { result: CompiledFile; thread: number };
        used.add(thread);
        return result;
      } catch (error) {
        if ((error as NodeJS.ErrnoException | null)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
        return (await (fallback ??= inThread())).run(task);
      }
    },
    close: () => pool.destroy(),
    threads: () => used.size,
  };
}

const here = fileURLToPath(import.meta.url);

/** worker.js in dist/; from the TypeScript sources, a JavaScript entry that loads worker.ts through tsx. */
function workerModule(): string {
  return here.endsWith('.js') ? here.replace(/files\.js$/, 'worker.js') : here.replace(/files\.ts$/, 'worker-tsx.mjs');
}

function unreadable(path: string, options: CompileOptions, diagnostics: Diagnostic[]): CompiledFile {
  return { relativePath: relative(options.notesDir, path).split(sep).join('/'), notes: null, mediaRefs: [], leftOut: 0, diagnostics };
}

/** A path as diagnostics show it (read/index.ts does the same for the files it reads). */
function shown(path: string, options: CompileOptions): string {
  return relative(options.cwd, path).split(sep).join('/') || path;
}

/** Reading is never cached (it is how the cache key is found), so its problems join the compiled result afresh. */
function withReadDiagnostics(compiled: CompiledFile, diagnostics: Diagnostic[]): CompiledFile {
  return diagnostics.length ? { ...compiled, diagnostics: [...diagnostics, ...compiled.diagnostics] } : compiled;
}
