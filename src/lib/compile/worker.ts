/**
 * A worker thread's task (the tinypool of compile/files.ts): compile one file and store the
 * result in the cache, so the main thread only collects results.
 */
import { threadId } from 'node:worker_threads';
import type { SourceFile } from '../model.js';
import { CompileCache } from './cache.js';
import { INTERNAL_ERROR } from './guard.js';
import { compileFile, type CompiledFile, type CompileOptions } from './index.js';

export interface CompileTask {
  file: SourceFile;
  options: CompileOptions;
  /** Where to store the result, and under which key; null without a cache. */
  cache: { dir: string; key: string } | null;
}

export function runTask(task: CompileTask): CompiledFile {
  const result = compileFile(task.file, task.options);
  // A bug's outcome is not kept: it may not happen again (a stack overflow depends on the thread's stack size).
  const crashed = result.diagnostics.some((problem) => problem.rule === INTERNAL_ERROR);
  if (task.cache && !crashed) new CompileCache(task.cache.dir).store(task.cache.key, result, task.options);
  return result;
}

/** In a worker thread: the result, and which thread compiled it (so a build can tell that workers ran). */
export default function inWorker(task: CompileTask): { result: CompiledFile; thread: number } {
  return { result: runTask(task), thread: threadId };
}
