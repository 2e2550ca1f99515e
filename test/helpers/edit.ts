/**
 * Tools for the "regenerate after edits" tests: edit a workspace the way a
 * user does, run the CLI as a process (also in the background, to run two at
 * once or to kill one mid-build), and prove that a run touched no file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, type CliResult } from './cli.js';

const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Starts the CLI in the background (one node process, no wrapper, so a signal reaches deckgen itself). */
export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/bin/deckgen.ts'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the process has exited; `status` is null when a signal ended it. */
export function finished(child: ChildProcess): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** Like runCli, without blocking the test's event loop, so several runs can overlap. */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return finished(startCli(args, cwd, env));
}

/** Replaces `from` by `to` in a file; fails loudly unless `from` occurs exactly once (the seed notes changed). */
export function replaceOnce(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)} in ${path}`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
}

export interface FileState {
  bytes: Buffer;
  /** Nanoseconds: a rewrite with the same bytes still moves it. */
  mtimeNs: bigint;
}

/** Every file under `dir` (relative posix path → bytes and mtime). */
export function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), { bytes: readFileSync(path), mtimeNs: statSync(path, { bigint: true }).mtimeNs });
    }
  };
  walk(dir);
  return files;
}

/** Paths created, deleted, rewritten (mtime) or changed (bytes) between two snapshots, sorted. */
export function touchedFiles(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const touched = new Set<string>();
  for (const [path, state] of after) {
    const old = before.get(path);
    if (!old || old.mtimeNs !== state.mtimeNs || !old.bytes.equals(state.bytes)) touched.add(path);
  }
  for (const path of before.keys()) if (!after.has(path)) touched.add(path);
  return [...touched].sort();
}
