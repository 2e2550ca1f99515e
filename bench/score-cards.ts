/**
 * `npm run score-cards -- NAME [READER]`: counts a blind review of bench/quality/NAME
 * (docs/card-review.md). Joins NAME.verdicts.jsonl (a second reader's: NAME-READER.verdicts.jsonl) (`id`, `verdict`,
 * `category`, `reason`, one line per card, written by the reader) with
 * NAME.key.jsonl (written by sample-cards) and prints good / weak / junk
 * overall and per folder, the categories, and cards the reader skipped.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { qualityDir, type CardKey } from './sample-cards.js';

interface Verdict {
  id: string;
  verdict: 'good' | 'weak' | 'junk';
  category?: string;
  reason?: string;
}

const VERDICTS = ['good', 'weak', 'junk'] as const;
const readLines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);

export function score(keys: CardKey[], verdicts: Verdict[]) {
  const byId = new Map(verdicts.map((verdict) => [verdict.id, verdict]));
  const row = () => ({ good: 0, weak: 0, junk: 0, total: 0 });
  const folders = new Map<string, ReturnType<typeof row>>();
  const overall = row();
  const categories = new Map<string, string[]>();
  const missing: string[] = [];
  for (const key of keys) {
    const verdict = byId.get(key.id);
    if (!verdict || !VERDICTS.includes(verdict.verdict)) {
      missing.push(key.id);
      continue;
    }
    const folder = folders.get(key.folder) ?? row();
    folders.set(key.folder, folder);
    for (const counts of [folder, overall]) {
      counts[verdict.verdict]++;
      counts.total++;
    }
    if (verdict.verdict !== 'good') {
      const category = `${verdict.verdict} ${verdict.category ?? 'other'}`;
      categories.set(category, [...(categories.get(category) ?? []), key.id]);
    }
  }
  return { overall, folders, categories, missing };
}

function main(): void {
  const [name, reader] = process.argv.slice(2);
  if (!name) {
    console.error('usage: npm run score-cards -- NAME [READER]   (reads bench/quality/NAME.key.jsonl and NAME.verdicts.jsonl, or NAME-READER.verdicts.jsonl)');
    process.exit(2);
  }
  const { overall, folders, categories, missing } = score(
    readLines<CardKey>(join(qualityDir, `${name}.key.jsonl`)),
    readLines<Verdict>(join(qualityDir, `${name}${reader ? `-${reader}` : ''}.verdicts.jsonl`)),
  );
  const percent = (n: number) => `${((100 * n) / Math.max(overall.total, 1)).toFixed(1)} %`;
  console.log(`${overall.total} cards: good ${overall.good} (${percent(overall.good)}), weak ${overall.weak} (${percent(overall.weak)}), junk ${overall.junk} (${percent(overall.junk)})`);
  console.table(Object.fromEntries(folders));
  for (const [category, ids] of [...categories].sort((a, b) => b[1].length - a[1].length)) console.log(`${category}: ${ids.length} (${ids.slice(0, 3).join(', ')})`);
  if (missing.length) console.log(`no verdict for ${missing.length} cards: ${missing.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
