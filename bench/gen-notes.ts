/**
 * Deterministic synthetic study notes, for benchmarks and for tests that need
 * many notes (a build slow enough to be killed part-way). Shaped like real
 * notes: `### topic` headings, numbered items with `term : definition`
 * children, plain bullets, parent bullets with children, inline code and
 * links, Korean and English words. The same options always give the same
 * bytes, so timings taken on different days compare the same work.
 *
 *   npx tsx bench/gen-notes.ts --bullets 100000 --files 100 --out .bench/notes-100k
 *
 * Every bullet written is a bullet a build turns into exactly one note, so a
 * benchmark's "notes" column is `bullets` (test/gen-notes.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GenerateOptions {
  /** How many answerable bullets in all. */
  bullets: number;
  /** How many files they are spread over; defaults to one per 1,000 bullets. */
  files?: number;
  seed?: number;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

const TERMS = ['동기', '비동기', '헤더', '페이로드', '시그니처', '프로세스', '스레드', '트랜잭션', 'index', 'cache', 'mutex', 'semaphore', 'deadlock', '정규화', '라우터', '스위치'];
const WORDS = ['상대방의', '일정', '신호에', '의해', '다음', '동작이', '진행', 'the', 'request', 'is', 'sent', 'when', 'ready', '데이터를', '목적지까지', '전달', 'memory', 'shared', '토큰', '정보'];

/** mulberry32: a tiny PRNG with a fixed sequence per seed (Math.random cannot be seeded). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function generateNotes(options: GenerateOptions): GeneratedFile[] {
  const bullets = Math.max(0, Math.floor(options.bullets));
  const fileCount = Math.max(1, Math.floor(options.files ?? Math.round(bullets / 1000)));
  const next = random(options.seed ?? 0x2545f491);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const sentence = (length: number) => Array.from({ length }, () => pick(WORDS)).join(' ');
  const perFile = Math.ceil(bullets / fileCount);
  const files: GeneratedFile[] = [];
  let written = 0;
  for (let index = 0; index < fileCount && written < bullets; index += 1) {
    const lines = [`# Notes ${index}`, ''];
    const quota = Math.min(perFile, bullets - written);
    // Each topic takes up to 4 bullets; `bullet()` is the only place a counted bullet is written.
    let left = quota;
    const bullet = (line: string) => {
      lines.push(line);
      left -= 1;
      written += 1;
    };
    for (let topic = 0; left > 0; topic += 1) {
      lines.push(`### ${pick(TERMS)} ${index}-${topic}`, '');
      const shape = next();
      const take = Math.min(4, left);
      if (shape < 0.4) {
        // A numbered item whose children are definitions: a card for the item (answered by the list) and one per child.
        bullet(`1. ${pick(TERMS)} 구조 ${written}`);
        for (let k = 1; k < take; k += 1) bullet(`   - ${pick(TERMS)} ${written} : ${sentence(6)} \`code${k}\``);
      } else if (shape < 0.7) {
        for (let k = 0; k < take; k += 1) bullet(`- ${pick(TERMS)} ${written} : ${sentence(8)} [ref](https://example.com/${written})`);
      } else {
        // A parent bullet answered by its children: one card whose back is the list.
        bullet(`- ${pick(TERMS)} ${written} 특징`);
        for (let k = 0; k < 3; k += 1) lines.push(`  - ${sentence(5)}`);
      }
      lines.push('');
    }
    files.push({ name: `notes-${String(index).padStart(4, '0')}.md`, text: lines.join('\n') });
  }
  return files;
}

export function writeNotes(out: string, options: GenerateOptions): GeneratedFile[] {
  const files = generateNotes(options);
  mkdirSync(out, { recursive: true });
  for (const file of files) writeFileSync(join(out, file.name), file.text);
  return files;
}

function cli(argv: string[]): void {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const bullets = Number(value('bullets') ?? 10_000);
  const files = value('files') === undefined ? undefined : Number(value('files'));
  if (!Number.isInteger(bullets) || bullets < 0 || (files !== undefined && !(Number.isInteger(files) && files > 0))) {
    process.stderr.write('usage: gen-notes.ts --bullets N [--files N] [--out folder]\n');
    process.exitCode = 2;
    return;
  }
  const out = value('out') ?? `notes-${bullets}`;
  const written = writeNotes(out, { bullets, files });
  process.stdout.write(`${written.length} files, ${bullets} bullets in ${out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) cli(process.argv.slice(2));
