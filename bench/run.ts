/**
 * `npm run bench`: issue 9's table, in one run. Every figure is the median of
 * BENCH_RUNS runs (default 3), each run a process of its own running the
 * compiled code (dist/, as `npm run build-deck` does), so peak RSS is that
 * run's alone. Notes come from bench/gen-notes.ts: the same sizes always give
 * the same bytes.
 *
 *   npm run bench                      all of it (several minutes on 2 cores)
 *   BENCH_SIZES=10000 npm run bench    only the 10k-bullet rows (and the seed, big-file and floor rows)
 *   BENCH_PARTS=sizes,sqljs            only some parts (seed, sizes, big, sqljs)
 *
 * Nothing is asserted here: unit tests stay untimed. Results: docs/decisions.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNotes } from './gen-notes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
/** Which parts to run: seed, sizes (the BENCH_SIZES rows), big (one large file), sqljs (the writer's floor). */
const parts = new Set((process.env.BENCH_PARTS ?? 'seed,sizes,big,sqljs').split(','));
const NOW = 1_700_000_000;

interface Run {
  ms: number;
  rssMiB: number;
  notes?: number;
  files?: { total: number; cached: number; threads: number };
  parseMs?: number;
}

const rows: [string, string, string][] = [];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function row(what: string, value: string, target = ''): void {
  rows.push([what, value, target]);
  process.stderr.write(`  ${what}: ${value}\n`);
}

function child(args: string[]): Run {
  const out = execFileSync(process.execPath, [join(root, 'bench', 'child.mjs'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

function buildRun(notesDir: string, name: string, options: Record<string, unknown> = {}): Run {
  const base = { notesDir, outDir: join(work, `decks-${name}`), lockPath: join(work, `lock-${name}.json`), cache: join(work, `cache-${name}`), now: NOW };
  return child(['build', JSON.stringify({ ...base, ...options })]);
}

function fresh(name: string): void {
  for (const path of [`decks-${name}`, `lock-${name}.json`, `cache-${name}`]) rmSync(join(work, path), { recursive: true, force: true });
}

function corpus(name: string, bullets: number, files: number): string {
  const dir = join(work, `notes-${name}`);
  if (!existsSync(dir)) writeNotes(dir, { bullets, files });
  return dir;
}

/** Cold (no cache, no lock), then a rebuild of unchanged notes, then a rebuild after appending one bullet to one file. */
function collection(bullets: number): void {
  const files = Math.max(1, Math.round(bullets / 1000));
  const name = `${bullets}`;
  const notesDir = corpus(name, bullets, files);
  const label = `${bullets.toLocaleString('en')} bullets in ${files} files`;
  const edited = join(notesDir, 'notes-0000.md');
  const cold: Run[] = [];
  const same: Run[] = [];
  const edit: Run[] = [];
  for (let i = 0; i < runs; i++) {
    fresh(name);
    cold.push(buildRun(notesDir, name));
    same.push(buildRun(notesDir, name));
    const original = readFileSync(edited);
    appendFileSync(edited, `\n- 벤치 편집 ${i} : 파일 하나만 바뀐 다시 빌드\n`);
    edit.push(buildRun(notesDir, name));
    writeFileSync(edited, original);
  }
  const apkg = statSync(join(work, `decks-${name}`, `notes-${name}.apkg`)).size;
  const lock = statSync(join(work, `lock-${name}.json`)).size;
  const big = bullets >= 100_000;
  row(`${label}: cold build (${cold[0].notes} notes, ${cold[0].files?.threads} worker threads)`, seconds(median(cold.map((r) => r.ms))), big ? '≤ 12 s (goal 8 s)' : '≤ 2.0 s');
  row(`${label}: rebuild, nothing changed`, seconds(median(same.map((r) => r.ms))), big ? '≤ 1.0 s' : '');
  row(`${label}: rebuild after editing one file`, seconds(median(edit.map((r) => r.ms))), big ? '≤ 1.5 s' : '');
  row(`${label}: peak RSS (cold / rebuild)`, `${median(cold.map((r) => r.rssMiB)).toFixed(0)} / ${median(same.map((r) => r.rssMiB)).toFixed(0)} MiB`, big ? '≤ 600 MiB' : '');
  row(`${label}: lock file vs .apkg`, `${mib(lock)} vs ${mib(apkg)} (${(lock / apkg).toFixed(2)}×)`, big ? 'lock ≤ .apkg' : '');
  if (!big) baseline(cold[0].notes ?? bullets, median(cold.map((r) => r.ms)));
  const parse = median(Array.from({ length: runs }, () => child(['parse', notesDir]).parseMs!));
  row(`${label}: floor, remark parse alone (one thread)`, seconds(parse));
}

/** anki-apkg-export writing as many cards as the build made, with sql.js 1.x injected (bench/baseline.cjs). */
function baseline(cards: number, buildMs: number): void {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'baseline.cjs'), String(cards)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) return row(`anki-apkg-export, ${cards} cards`, `failed (exit ${run.status})`);
  const ms = Number(run.stdout.trim());
  row(`anki-apkg-export, the same ${cards} cards (whole build is ${(ms / buildMs).toFixed(1)}× faster)`, seconds(ms), 'build ≥ 10× faster');
}

/**
 * One large file, and one half its size: time should no more than double. The pair is the 2 MB file of issue 9 and
 * its half, because twice 2 MB (2.9 million characters) is over the per-file budget (parse/index.ts MAX_FILE_CHARS).
 */
function bigFile(): void {
  const times: number[] = [];
  for (const [name, bullets] of [['1mb', 10_500], ['2mb', 21_000]] as const) {
    const notesDir = corpus(name, bullets, 1);
    const size = statSync(join(notesDir, 'notes-0000.md')).size;
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      fresh(name);
      results.push(buildRun(notesDir, name));
    }
    times.push(median(results.map((r) => r.ms)));
    const rss = median(results.map((r) => r.rssMiB));
    row(`one file of ${mib(size)} (${bullets.toLocaleString('en')} bullets): cold build, peak RSS`, `${seconds(times.at(-1)!)}, ${rss.toFixed(0)} MiB`, name === '2mb' ? '≤ 4 s, ≤ 400 MiB' : '');
  }
  row('twice the file: time ratio', `${(times[1] / times[0]).toFixed(2)}×`, '≤ 2.4×');
}

/** `npm run build-deck` on the user's notes (a copy), with the cache (a rebuild) and without it. */
function seed(): void {
  const dir = join(work, 'seed');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  cpSync(join(root, 'notes', 'interview.md'), join(dir, 'notes', 'interview.md'));
  const npm = (extra: string[]) => {
    const started = performance.now();
    spawnSync('npm', ['run', '-s', 'build-deck', '--', '--notes', join(dir, 'notes'), '--out', join(dir, 'decks'), ...extra], { cwd: root, env: { ...process.env, CACHE_DIR: join(dir, 'cache') } });
    return performance.now() - started;
  };
  npm([]); // fills the cache and compiles dist/ if needed
  row('npm run build-deck, seed notes (34 cards), rebuild', seconds(median(Array.from({ length: runs }, () => npm([]))) ), '≤ 1.0 s');
  row('npm run build-deck, seed notes, --no-cache', seconds(median(Array.from({ length: runs }, () => npm(['--no-cache'])))));
}

function floorSqlJs(): void {
  const n = Math.max(...sizes);
  row(`floor, sql.js writing ${n.toLocaleString('en')} notes + cards in one transaction`, seconds(median(Array.from({ length: runs }, () => child(['sqljs', String(n)]).ms))), 'writer within 2×');
}

mkdirSync(work, { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
process.stderr.write(`bench: ${runs} runs each, ${cpus().length} cores, node ${process.version}\n`);
if (parts.has('seed')) seed();
if (parts.has('sizes')) for (const size of sizes) collection(size);
if (parts.has('big')) bigFile();
if (parts.has('sqljs')) floorSqlJs();

const width = Math.max(...rows.map(([what]) => what.length));
console.log(`\n${'what'.padEnd(width)} | median of ${runs} | target`);
console.log(`${'-'.repeat(width)} | --- | ---`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)} | ${value} | ${target}`);
