#!/usr/bin/env node
/**
 * Compiles src/ to dist/ when a file under src/ (or a tsconfig, or the
 * dependency lock) is newer than the last compile: on `npm ci` (the `prepare`
 * script), and before `npm run build-deck` after an edit or a `git pull`.
 * Nothing to do costs a few milliseconds of stat calls.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.compiled');

function newestSource() {
  const inputs = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  inputs.push(join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), join(root, 'package-lock.json'));
  return Math.max(...inputs.map((path) => mtime(path)));
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity; // a missing input: compile, and let tsc say what is wrong
  }
}

if (mtime(stamp) === Infinity || newestSource() > mtime(stamp)) {
  const started = Date.now();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 2);
  // tsc writes its output without the executable bit; `npx deckgen` in a fresh clone runs the bin itself
  // (an installed package has npm set the bit, a checkout does not).
  const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const path of Object.values(bin)) chmodSync(join(root, path), 0o755);
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
}
