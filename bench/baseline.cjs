// anki-apkg-export 4.0.3 (what mdanki uses) building N Korean cards, run in a child process by bench/run.ts:
// on its fixed 16 MiB asm.js heap it aborts the whole process, so it cannot share ours. Plain CommonJS, because
// its asm.js sql.js misdetects its environment when loaded through an ESM loader (tsx) and fails at once.
const AnkiExport = require('anki-apkg-export').default;

const cards = Number(process.argv[2] ?? 500);
const started = performance.now();
const deck = new AnkiExport('bench');
for (let i = 0; i < cards; i++) deck.addCard(`헤더 ${i} 토큰 종류와 해시`, `토큰 종류와 해시 알고리즘 정보 ${i}`);
deck.save().then(() => process.stdout.write((performance.now() - started).toFixed(0)));
