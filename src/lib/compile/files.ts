/**
 * Compiles every notes file of a build: from the cache where it can, the
 * rest in this thread or, when there is enough of it, in worker threads.
 *
 * The compile stage (remark, rehype, highlight.js…) is imported on the first
 * miss only: a build whose files all come from the cache never loads it,
 * which is most of a small build's start-up time.
 */
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../model.js';
import { readNoteFile } from '../read/index.js';
import type { CompileCache } from './cache.js';
import type { CompiledFile, CompileOptions } from './index.js';

export interface CompileRun {
  files: CompiledFile[];
  /** How many files came from the cache. */
  cached: number;
}

export async function compileFiles(paths: readonly string[], options: CompileOptions, cache: CompileCache | null): Promise<CompileRun> {
  const files: CompiledFile[] = [];
  let cached = 0;
  for (const path of paths) {
    const read = readNoteFile(path, options.notesDir, options.cwd);
    if (!read.file) {
      files.push(unreadable(path, options, read.diagnostics));
      continue;
    }
    const key = cache?.key(read.file, options);
    let compiled = key ? cache!.load(key) : null;
    if (compiled) cached++;
    else {
      compiled = await compile(read.file, options);
      if (key) cache!.store(key, compiled);
    }
    files.push(withReadDiagnostics(compiled, read.diagnostics));
  }
  cache?.prune();
  return { files, cached };
}

async function compile(file: SourceFile, options: CompileOptions): Promise<CompiledFile> {
  const { compileFile } = await import('./index.js');
  return compileFile(file, options);
}

function unreadable(path: string, options: CompileOptions, diagnostics: Diagnostic[]): CompiledFile {
  return { relativePath: relative(options.notesDir, path).split(sep).join('/'), notes: null, mediaRefs: [], diagnostics };
}

/** Reading is never cached (it is how the cache key is found), so its problems join the compiled result afresh. */
function withReadDiagnostics(compiled: CompiledFile, diagnostics: Diagnostic[]): CompiledFile {
  return diagnostics.length ? { ...compiled, diagnostics: [...diagnostics, ...compiled.diagnostics] } : compiled;
}
