/**
 * `npm run bench`: speed and memory of a whole build on synthetic notes from
 * bench/gen-notes.ts (deterministic: same sizes, same bytes), plus
 * the stages timed separately, and anki-apkg-export as the baseline it
 * replaces. Sizes: BENCH_SIZES=1000,10000 (default 1000,10000,50000).
 *
 * Results are printed as a table; nothing here is asserted — unit tests stay untimed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../src/lib/build.js';
import { writeNotes } from './gen-notes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const workDir = join(root, '.bench');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

function corpus(bullets: number): string {
  const dir = join(workDir, `notes-${bullets}`);
  if (!existsSync(dir)) writeNotes(dir, { bullets });
  return dir;
}

async function timeBuild(bullets: number) {
  const notesDir = corpus(bullets);
  const outDir = join(workDir, `decks-${bullets}`);
  const lockPath = join(workDir, `lock-${bullets}.json`);
  rmSync(lockPath, { force: true });
  const started = performance.now();
  const first = await build({ notesDir, outDir, lockPath, now: 1_700_000_000 });
  const cold = performance.now() - started;
  const again = performance.now();
  await build({ notesDir, outDir, lockPath, now: 1_700_000_100 });
  const warm = performance.now() - again;
  return { bullets, notes: first.notes, cards: first.cards, cold, warm, exit: first.exitCode };
}

function baseline(cards: number): string {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'baseline.cjs'), String(cards)], { cwd: root, encoding: 'utf8' });
  if (run.status === 0) return `${run.stdout.trim()} ms`;
  const reason = /Cannot enlarge memory arrays/.test(run.stderr + run.stdout) ? 'Cannot enlarge memory arrays' : `exit ${run.status}`;
  return `crashed (${reason})`;
}

mkdirSync(workDir, { recursive: true });
console.log('bullets | notes | cards | first build (ms) | rebuild (ms) | peak RSS (MiB)');
for (const size of sizes) {
  const result = await timeBuild(size);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`${result.bullets} | ${result.notes} | ${result.cards} | ${result.cold.toFixed(0)} | ${result.warm.toFixed(0)} | ${rss.toFixed(0)}`);
}
for (const cards of [500, 1000, 10000]) console.log(`anki-apkg-export baseline, ${cards} Korean cards: ${baseline(cards)}`);
