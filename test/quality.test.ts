/**
 * Issue 8, "Cards a student would keep": each pattern the blind review found
 * (topicless fronts, merged questions, walls of text, boilerplate, split
 * sentences, leftovers on fronts, journal entries) as a fixture built from the
 * issue's own examples, run through the CLI, and read back from the .apkg.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostic.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { projectRoot, runCli } from './helpers/cli.js';

const fixtures = join(projectRoot, 'test/fixtures/quality');
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

interface Card {
  file: string;
  context: string;
  front: string;
  back: string;
}

async function build(notes: string, dir: string, extra: string[] = []) {
  const cli = runCli(['--notes', notes, '--out', join(dir, 'out'), '--lock', join(dir, `${extra.join('')}lock.json`), '--format', 'apkg', '--json', ...extra], dir);
  const report = JSON.parse(cli.stdout) as { diagnostics: Diagnostic[] };
  const apkg: ApkgContents = await readApkg(join(dir, 'out', `${notes.split('/').pop()}.apkg`));
  const decks = new Map(Object.values(apkg.decks).map((deck) => [deck.id, deck.name]));
  const deckOf = new Map(apkg.cards.map((card) => [card.nid, decks.get(card.did)!]));
  const cards: Card[] = apkg.notes.map((note) => ({ file: deckOf.get(note.id)!, context: text(note.fields[2]), front: text(note.fields[0]), back: text(note.fields[1]) }));
  return { cli, diagnostics: report.diagnostics, cards };
}

const question = (card: Card) => (card.context ? `${card.context} › ${card.front}` : card.front);

describe('cards a student would keep (test/fixtures/quality)', () => {
  let dir: string;
  let cards: Card[];
  let diagnostics: Diagnostic[];
  const inFile = (deck: string) => cards.filter((card) => card.file === deck);
  const rules = (file: string, rule: string) => diagnostics.filter((d) => d.file.endsWith(`/${file}`) && d.rule === rule).map((d) => `${d.line}: ${d.message}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckgen-quality-'));
    ({ cards, diagnostics } = await build(join(fixtures, 'notes'), dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('1. a generic front with no topic in its context is asked under the file title (README: its folder), with a no-topic info', () => {
    expect(inFile('SQL').map(question)).toEqual(['SQL › Examples', 'SQL › Key idea 1']);
    expect(inFile('방법론').map(question)).toEqual(['방법론 › 1번 방법 (권장)']);
    expect(rules('SQL.md', 'no-topic')).toEqual([
      `2: "Examples" names no topic: asked under the file's title, "SQL › Examples"`,
      `6: "Key idea 1" names no topic: asked under the file's title, "SQL › Key idea 1"`,
    ]);
    // Where the context names the subject, the same short fronts are good cards, untouched.
    expect(inFile('topics').map(question)).toEqual(['Factory Method 패턴 › 개념', 'JWT › 특징', 'JWT › 구조 › 헤더']);
    expect(rules('topics.md', 'no-topic')).toEqual([]);
  });

  it('2. one card per question: bold paragraphs, <details>, Q./A. pairs, question headings; an unanswered one is a warning', () => {
    expect(inFile('questions').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Machine learning › What is regularization? => Regularization adds a penalty on large weights to the loss. It trades a little bias for less variance.',
      'Machine learning › Why does it reduce overfitting? => smaller weights a smoother function',
      '운영체제 › 프로세스와 스레드의 차이는? => 프로세스는 자원을 할당받는 작업의 단위이고, 스레드는 프로세스 안에서 실행되는 흐름의 단위이다.',
      '운영체제 › 컨텍스트 스위칭이란? => CPU가 실행 중인 작업의 상태를 저장하고 다른 작업의 상태를 불러오는 것',
      '운영체제 › 데드락의 발생 조건은? => 상호 배제, 점유 대기, 비선점, 순환 대기',
      '운영체제 › What is a semaphore? => A counter that limits how many threads enter a section.',
      '운영체제 › 교착 상태 › 데드락이란? => 두 프로세스가 서로가 가진 자원을 기다리며 영원히 멈춘 상태',
      '운영체제 › 교착 상태 › 데드락을 막는 방법은? => 순환 대기를 없앤다',
    ]);
    expect(rules('questions.md', 'question-unanswered')).toEqual([
      '14: Question "What is dropout?" has no answer before the next question or heading; no card made',
      '41: Question "기아 상태란?" has no answer before the next question or heading; no card made',
    ]);
  });

  it('3. a long prose section makes no card (info), unless the file asks for prose; what is kept but too long is a warning', () => {
    expect(inFile('essay').map(question)).toEqual(['Monorepo › Build tool › Bazel']);
    expect(rules('essay.md', 'prose-section')).toHaveLength(1);
    expect(rules('essay.md', 'prose-section')[0]).toMatch(/^5: "The move to a monorepo" is answered by \d+ lines of prose/);
    expect(inFile('essay-kept').map(question)).toEqual(['Monorepo, kept › The move to a monorepo']);
    expect(rules('essay-kept.md', 'long-answer')[0]).toMatch(/^8: Answer to "The move to a monorepo" is \d+ lines, \d+ characters: too long to recall/);
  });

  it('3. --prose turns long prose sections back into cards for the whole build', async () => {
    const prose = await build(join(fixtures, 'notes'), dir, ['--prose']);
    expect(prose.cards.filter((card) => card.file === 'essay').map(question)).toEqual(['Monorepo › The move to a monorepo', 'Monorepo › Build tool › Bazel']);
  });

  it('4. navigation footers, credits, badges, template prompts, tables of contents, references and footnotes reach no card', () => {
    expect(inFile('boilerplate').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Network › TCP › 흐름 제어 => 수신자가 처리할 수 있는 만큼만 보낸다',
      'Network › UDP => UDP는 연결 없이 데이터그램을 보낸다.',
    ]);
    const everything = cards.map((card) => `${card.context} ${card.front} ${card.back}`).join('\n');
    for (const leftover of ['Top', 'Back to top', '⬆', '홍길동', 'Jane Doe', '{{author}}', 'shields', 'Table of contents', 'Stevens', 'appendix', '⏫', 'ℹ', '자세히', 'essential questions', 'recommended questions', 'Same Tree', 'Kim', 'Binary tree']) {
      expect(everything, leftover).not.toContain(leftover);
    }
  });

  it('5. a separator inside a sentence splits nothing, and a child that continues its parent is no parent card', () => {
    const logic = inFile('split');
    expect(logic.map(question)).toEqual(['Logic', 'Logic › Soundness', 'Testing › Acceptance testing', 'Testing']);
    for (const front of ['⊨ is entailment, with', 'Given 5 documents', 'A Calculus is usually formulated', 'Users can test system', '"Sync']) {
      expect(logic.map((card) => card.front)).not.toContain(front);
    }
    expect(logic[0].back).toBe(
      '⊨ is entailment, with: a set of sentences on the left and one on the right Given 5 documents: three are relevant A Calculus is usually formulated - as a set of axioms and rules "Sync: Show Sync history" 옵션을 선택해요',
    );
    expect(logic[3].back).toBe('Users can test system often considered final test');
  });

  it('6. fronts lose section numbers, shortcodes, decorative emoji and zero-width joiners', () => {
    expect(inFile('fronts').map((card) => card.front)).toEqual([
      'Texture Atlas',
      'Negotiation',
      '트랜잭션',
      'Building your network',
      'Mipmaps',
      'Precision-recall trade-off',
      '흐름제어 만들기',
      '3 way handshake',
    ]);
    for (const card of cards) {
      expect(card.front, question(card)).not.toMatch(/^\s*(?:\d+(?:[.-]\d+)+\.?\s|\d+[.)]\s|[A-Z][.)]\s|\(\d+\)|[①-⑳])/u);
      expect(card.front).not.toMatch(/\u200d|:[a-z_]+:/u);
    }
  });

  it('7. a heading that is only a date (and a duration) makes no card, nor does what is under it', () => {
    expect(inFile('journal').map(question)).toEqual(['Study log › Spaced repetition › Leitner system']);
    expect(rules('journal.md', 'journal-entry')).toEqual([
      '3: "2023-05-27 (3h)" is a date: a journal entry, not something to learn; no card made from it or what is under it',
      '7: "2023.05.28" is a date: a journal entry, not something to learn; no card made from it or what is under it',
    ]);
  });

  it("7. a vault's daily notes (.obsidian/daily-notes.json) and files named by a date make no cards", async () => {
    const vault = await build(join(fixtures, 'vault'), dir);
    expect(vault.cards.map((card) => `${question(card)} => ${card.back}`)).toEqual(['Vault › Zettelkasten => notes linked by ideas']);
    expect(vault.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const loose = await build(join(fixtures, 'vault/daily'), dir);
    expect(loose.cards).toEqual([]);
    expect(loose.diagnostics.map((d) => `${d.file.split('/').pop()} ${d.rule}`)).toEqual(['2023-05-29.md journal-entry']);
  });
});
