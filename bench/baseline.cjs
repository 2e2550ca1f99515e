// anki-apkg-export 4.0.3 (what mdanki uses) building N Korean cards, run in a child process by bench/run.ts.
// Its own sql.js 0.5 (a fixed 16 MiB asm.js heap) aborts past ~1,000 cards, so sql.js 1.x (ours) is injected
// through its Exporter's `sql` option, as the baseline does. Plain CommonJS: its asm.js code
// misdetects its environment when loaded through an ESM loader (tsx).
const { Exporter } = require('anki-apkg-export');
const template = require('anki-apkg-export/dist/template').default;
const initSqlJs = require('sql.js');

const cards = Number(process.argv[2] ?? 500);
initSqlJs().then((sql) => {
  const started = performance.now();
  const deck = new Exporter('bench', { template: template(), sql });
  for (let i = 0; i < cards; i++) deck.addCard(`헤더 ${i} 토큰 종류와 해시`, `토큰 종류와 해시 알고리즘 정보 ${i}`);
  return deck.save().then(() => process.stdout.write((performance.now() - started).toFixed(0)));
});
