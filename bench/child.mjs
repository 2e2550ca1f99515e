// One measured run, in a process of its own so peak RSS is this run's alone (bench/run.ts starts it).
// Runs the compiled code in dist/, as `npm run build-deck` does. Prints one JSON line.
//   node bench/child.mjs build '{"notesDir":…}'   |   node bench/child.mjs parse DIR   |   node bench/child.mjs sqljs N
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [what, arg] = process.argv.slice(2);
const started = performance.now();
let extra = {};
if (what === 'build') {
  const { build } = await import('../dist/lib/build.js');
  const report = await build(JSON.parse(arg));
  extra = { notes: report.notes, cards: report.cards, files: report.files, exit: report.exitCode };
} else if (what === 'parse') {
  // The floor: remark's parser alone, with the same extensions, one thread, each file whole.
  const { remark } = await import('remark');
  const { default: gfm } = await import('remark-gfm');
  const { default: math } = await import('remark-math');
  const processor = remark().use(gfm).use(math);
  const files = readdirSync(arg, { recursive: true }).filter((name) => String(name).endsWith('.md'));
  const texts = files.map((name) => readFileSync(join(arg, String(name)), 'utf8'));
  const parsing = performance.now();
  for (const text of texts) processor.parse(text);
  extra = { parseMs: performance.now() - parsing };
} else if (what === 'sqljs') {
  // The floor: sql.js inserting N notes and N cards in one transaction, then exporting the database.
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer, csum integer, flags integer, data text)');
  db.run('CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text)');
  const n = Number(arg);
  db.run('BEGIN');
  const note = db.prepare('INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)');
  const card = db.prepare('INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  for (let i = 1; i <= n; i++) {
    note.run([i, `guid${i}`, 1, 1_700_000_000, -1, ' bench ', `질문 ${i} 토큰 종류\u001f답 ${i} 해시 알고리즘 정보\u001f맥락 › ${i}`, `질문 ${i}`, i, 0, '']);
    card.run([i, i, 1, 0, 1_700_000_000, -1, 0, 0, i, 0, 0, 0, 0, 0, 0, 0, 0, '']);
  }
  db.run('COMMIT');
  db.export();
  extra = { n };
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
