/**
 * The seed notes' .tsv through a real importer nobody here wrote: Mnemosyne
 * 2.9's own "Tab-separated text files" importer, run headless by
 * test/mnemosyne/import_tsv.py with the Python Mnemosyne itself runs on (the
 * Debian package `mnemosyne`; .ci/run installs it). Skipped, with a message,
 * where Mnemosyne is not installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApkg } from './helpers/anki.js';
import { projectRoot, runCli, seedWorkspace } from './helpers/cli.js';

/** The interpreter on the `mnemosyne` launcher's #! line, if Mnemosyne is installed and importable with it. */
function mnemosynePython(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v mnemosyne'], { encoding: 'utf8' });
  const launcher = which.status === 0 ? which.stdout.trim() : '';
  if (!launcher) return null;
  const python = /^#!\s*(\S+)/.exec(readFileSync(launcher, 'utf8'))?.[1];
  if (!python) return null;
  return spawnSync(python, ['-c', 'import mnemosyne.script']).status === 0 ? python : null;
}

const python = mnemosynePython();
if (!python) console.warn('mnemosyne.test.ts skipped: Mnemosyne is not installed (apt-get install -y mnemosyne)');

interface Imported {
  errors: string[];
  cards: { question: string; answer: string; card_type: string }[];
}

function importIntoMnemosyne(tsv: string): Imported {
  const result = spawnSync(python!, [join(projectRoot, 'test/mnemosyne/import_tsv.py'), tsv], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Imported;
}

describe.skipIf(!python)("the seed notes' .tsv in Mnemosyne's own importer (skipped when Mnemosyne is missing)", () => {
  it('imports every card of the .apkg, in order, with the Korean text as written — plain text and --tsv-html alike', async () => {
    const dir = seedWorkspace();
    expect(runCli(['--format', 'apkg,csv,tsv'], dir).status).toBe(0);
    expect(runCli(['--format', 'tsv', '--tsv-html', '--out', 'html'], dir).status).toBe(0);
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    for (const file of ['decks/notes.tsv', 'html/notes.tsv']) {
      const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').map((line) => line.split('\t'));
      const imported = importIntoMnemosyne(join(dir, file));
      expect(imported.errors).toEqual([]);
      expect(imported.cards).toHaveLength(apkg.cards.length);
      // Mnemosyne stores exactly what the file says: nothing split, merged, re-encoded or cut.
      expect(imported.cards.map((card) => [card.question, card.answer])).toEqual(lines);
      expect(new Set(imported.cards.map((card) => card.card_type))).toEqual(new Set(['Front-to-back only']));
    }
    const plain = importIntoMnemosyne(join(dir, 'decks/notes.tsv')).cards;
    expect(plain).toContainEqual(expect.objectContaining({ question: '프로젝트에서 사용했었던 › JWT › 구조 › 헤더', answer: '토큰 종류와 해시 알고리즘 정보' }));
    expect(plain.every((card) => /[가-힣]/.test(card.question))).toBe(true);
  });

  it("rejects the Anki CSV, as the issue reports: the harness sees Mnemosyne's own errors", () => {
    const dir = seedWorkspace();
    expect(runCli([], dir).status).toBe(0);
    const imported = importIntoMnemosyne(join(dir, 'decks/notes.csv'));
    expect(imported.errors).toEqual([expect.stringContaining('Badly formed input on line 1')]);
    expect(imported.cards).toEqual([]);
  });
});
