/**
 * Worker threads (compile/files.ts) compile exactly what this thread
 * compiles: the build's later stages cannot tell the difference. Run in a
 * process of its own under tsx, as the CLI runs, since workers load the
 * compile stage themselves (vitest's transform does not reach them).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNotes } from '../bench/gen-notes.js';
import { projectRoot, seedNotes } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'deckgen-workers-'));
cpSync(join(projectRoot, 'test/fixtures/rich/notes'), join(dir, 'notes'), { recursive: true });
for (const name of ['a', 'b', 'c', 'd']) cpSync(seedNotes, join(dir, 'notes', `${name}.md`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (notesDir: string, heap: number | null) => `
import { compileFiles } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/lib/compile/files.ts')).href)};
import { findNoteFiles } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/lib/read/index.ts')).href)};
const notesDir = ${JSON.stringify(notesDir)};
const options = { notesDir, cwd: ${JSON.stringify(dir)} };
const paths = findNoteFiles(notesDir);
const inThread = await compileFiles(paths, options, { cache: null, workers: 1 });
const inWorkers = await compileFiles(paths, options, { cache: null, workers: 2, workerMinChars: 0, workerHeapMb: ${heap ?? 'undefined'} });
// Media bytes come back from a worker as Uint8Array, not Buffer: compare the bytes.
const plain = (run) => JSON.stringify(run.files, function (key, value) {
  const raw = this[key]; // before Buffer's toJSON
  return raw instanceof Uint8Array ? Buffer.from(raw).toString('hex') : value;
});
const notes = inThread.files.reduce((sum, file) => sum + (file.notes?.length ?? 0), 0);
console.log(JSON.stringify({ threads: [inThread.threads, inWorkers.threads], same: plain(inWorkers) === plain(inThread), notes }));
`;

function compileBothWays(notesDir: string, heap: number | null): { threads: number[]; same: boolean; notes: number } {
  writeFileSync(join(dir, 'run.mts'), script(notesDir, heap));
  const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', loader, join(dir, 'run.mts')], { encoding: 'utf8', timeout: 300_000 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { threads: number[]; same: boolean; notes: number };
}

describe('compiling in worker threads', () => {
  it('gives the results of compiling in this thread, file for file', () => {
    const result = compileBothWays(join(dir, 'notes'), null);
    expect(result.threads).toEqual([0, 2]);
    expect(result.notes).toBeGreaterThan(100);
    expect(result.same).toBe(true);
  });

  it('loses no file when a worker\'s heap is capped near what a file needs (out of memory: compiled again in this thread)', () => {
    writeNotes(join(dir, 'big'), { bullets: 3000, files: 2 });
    // 40 MiB holds a worker's start-up (the compile stage's modules) and is about what compiling a 1,500-bullet file
    // takes: whether a worker runs out of memory varies from run to run (V8's collector), but no file may be lost.
    const result = compileBothWays(join(dir, 'big'), 40);
    expect(result.notes).toBeGreaterThan(1000);
    expect(result.same).toBe(true);
  }, 240_000);
});
