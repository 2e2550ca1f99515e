/** Runs the deckgen CLI as a separate process, the way a user does. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedNotes = join(projectRoot, 'notes', 'interview.md');
// Resolved from the project, not the test's working folder, which has no node_modules.
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `user` runs it as another user (tests that need permissions to bite run as `nobody` when the suite runs as root). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, user: { uid?: number; gid?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/bin/deckgen.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    ...user,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh working folder with `notes/` holding the given files (name → content). */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckgen-'));
  mkdirSync(join(dir, 'notes'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, 'notes', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** A workspace holding the user's own notes, as `notes/interview.md`. */
export function seedWorkspace(): string {
  const dir = workspace();
  cpSync(seedNotes, join(dir, 'notes', 'interview.md'));
  return dir;
}
