/**
 * Issue 8, "Cards a student would keep": each pattern the blind review found
 * (topicless fronts, merged questions, walls of text, boilerplate, split
 * sentences, leftovers on fronts, journal entries) as a fixture built from the
 * issue's own examples, run through the CLI, and read back from the .apkg.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostic.js';
import { guidFor } from '../src/lib/identify/guid.js';
import { normalizeText } from '../src/lib/identify/normalize.js';
import { coverage } from '../bench/coverage.js';
import { displayWidth } from '../src/lib/parse/mdast.js';
import { readApkg, type ApkgContents } from './helpers/anki.js';
import { projectRoot, runCli } from './helpers/cli.js';

const fixtures = join(projectRoot, 'test/fixtures/quality');
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

interface Card {
  file: string;
  context: string;
  front: string;
  back: string;
  /** The Back field as HTML: a picture leaves no text. */
  backHtml: string;
}

async function build(notes: string, dir: string, extra: string[] = []) {
  const cli = runCli(['--notes', notes, '--out', join(dir, 'out'), '--lock', join(dir, `${extra.join('')}lock.json`), '--format', 'apkg', '--json', ...extra], dir);
  const report = JSON.parse(cli.stdout) as { diagnostics: Diagnostic[] };
  const apkg: ApkgContents = await readApkg(join(dir, 'out', `${notes.split('/').pop()}.apkg`));
  const decks = new Map(Object.values(apkg.decks).map((deck) => [deck.id, deck.name]));
  const deckOf = new Map(apkg.cards.map((card) => [card.nid, decks.get(card.did)!]));
  const cards: Card[] = apkg.notes.map((note) => ({ file: deckOf.get(note.id)!, context: text(note.fields[2]), front: text(note.fields[0]), back: text(note.fields[1]), backHtml: note.fields[1] }));
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
    // A file name written as a title (words, spaces) over sections of one level is their topic, as in a vault;
    // a slug (`SQL.md`, `interview.md`) is not, and a file whose one top heading is its title needs none.
    expect(inFile('Basic Relations').map(question)).toEqual(['Basic Relations › Reflexive', 'Basic Relations › Transitive']);
    // A front under generic crumbs only is a detail of something unnamed: the title goes in front too.
    expect(inFile('Bayes theorem').map(question)).toEqual(['Bayes theorem › Proof › Mathematical notation']);
    expect(rules('Bayes theorem.md', 'no-topic')).toEqual([`2: "Proof › Mathematical notation" names no topic: asked under the file's title, "Bayes theorem › Proof › Mathematical notation"`]);
    expect(rules('SQL.md', 'no-topic')).toEqual([
      `2: "Examples" names no topic: asked under the file's title, "SQL › Examples"`,
      `6: "Key idea 1" names no topic: asked under the file's title, "SQL › Key idea 1"`,
    ]);
    // Where the context names the subject, the same short fronts are good cards, untouched.
    expect(inFile('topics').map(question)).toEqual(['Factory Method 패턴 › 개념', 'JWT › 특징', 'JWT › 구조 › 헤더']);
    expect(rules('topics.md', 'no-topic')).toEqual([]);
  });

  it('1. in a file with no heading at all, a card with no context is asked under the file\'s title', () => {
    expect(inFile('나가는 링크').map(question)).toEqual(['나가는 링크 › 링크되지 않은 호출', '나가는 링크 › 코드 블록']);
  });

  it('1. a heading repeated among its siblings (`접근방법` after each technique) is asked under the sibling before it; one said once, or a repeated question, is not', () => {
    expect(inFile('siblings').map(question)).toEqual([
      'Algorithm › 해결 방법 분류 › DP(동적 계획법)',
      'Algorithm › 해결 방법 분류 › DP(동적 계획법) › 접근방법',
      'Algorithm › 해결 방법 분류 › Greedy (탐욕법)',
      'Algorithm › 해결 방법 분류 › Greedy (탐욕법) › 접근 방법',
      'Algorithm › JWT › 구조',
      'Algorithm › JWT › 장점',
      'Algorithm › 운영체제 › 가상 메모리란?',
      'Algorithm › 운영체제 › 페이징이란?',
      'Algorithm › 운영체제 › 가상 메모리란?',
    ]);
    expect(rules('siblings.md', 'duplicate-question')).toHaveLength(1);
  });

  it('1. a heading inside a bullet (`1. ##### 커널 작업 중 인터럽트 발생`) is in the context of the cards under it, as a heading is', () => {
    expect(inFile('item-headings').map(question).filter((asked) => / › (문제점|해결법)$/.test(asked))).toEqual([
      'Race Condition이 발생하는 경우 › 커널 작업을 수행하는 중에 인터럽트 발생 › 문제점',
      'Race Condition이 발생하는 경우 › 커널 작업을 수행하는 중에 인터럽트 발생 › 해결법',
      'Race Condition이 발생하는 경우 › 멀티 프로세서 환경에서 공유 메모리 내의 커널 데이터에 접근할 때 › 문제점',
      'Race Condition이 발생하는 경우 › 멀티 프로세서 환경에서 공유 메모리 내의 커널 데이터에 접근할 때 › 해결법',
    ]);
  });

  it('1. a front with no context at all, one of several top sections, is asked under the file title (README: its folder; `_` a space, a slug as words)', () => {
    // `## API Key` in 인증방식.md is a section of the file's subject; `### 동작방식` under it is asked under `API Key` as before.
    // A question heading asks on its own.
    expect(inFile('인증방식').map(question)).toEqual(['인증방식 › API Key', 'API Key › 동작방식', '인증방식 › OAuth2', 'TCP/IP의 각 계층을 설명해주세요.']);
    // (Its intro, `…질문들을 항목별로 정리해둔 목록이다.`, is the document saying what it is: no card, rules/about-document.ts.)
    expect(inFile('Reverse_Interview').map(question)).toEqual(['Reverse Interview › 역할 (The Role)', 'Reverse Interview › 사무실 근무 (Office Work)']);
    // A slug reads as words: `7-data-structure.md` is about "data structure".
    expect(inFile('7-data-structure').map(question)).toEqual(['data structure › hash table', 'data structure › stack']);
    // A front that is or contains the title says it already; a file's one top heading is its title.
    expect(inFile('북마크').map(question)).toEqual(['북마크', '북마크 추가', '북마크 제거']);
    // Before the first heading, the sentence introducing a list says what the list is.
    expect(inFile('북마크')[0].back).toBe('다음 항목에 북마크를 추가할 수 있어요: 파일 폴더');
    expect(inFile('Page Replacement Algorithm').map(question)).toEqual(['페이지 교체 알고리즘', '페이지 교체 알고리즘 › FIFO']);
    // One heading after the file's own words is a section of the file's subject too.
    expect(inFile('Expected Value').map(question)).toEqual(['Expected Value › Variance']);
  });

  it('1. positional labels are no question: a time step stays in its answer, sample data is left out', () => {
    // `t1 : …`, `- T1 : …`: moments of a worked example, read in order in the answer they belong to.
    const deadlock = inFile('deadlock');
    expect(deadlock.map(question)).toEqual(['데드락 (DeadLock, 교착 상태)', '데드락 (DeadLock, 교착 상태) › 트랜잭션의 경우']);
    expect(deadlock[0].back).toContain('t1 : 프로세스1이 자원1을 얻음 / 프로세스2가 자원2를 얻음 t2 : 프로세스1은 자원2를 기다림');
    expect(deadlock[1].back).toBe('T1 : 계좌 A를 잠그고 계좌 B를 기다림 T2 : 계좌 B를 잠그고 계좌 A를 기다림');
    // `##### Input` / `##### Output` / `## 예제 입력 1` and their data leave the exercise; the explanation after them stays its answer.
    expect(inFile('Hash Table 구현하기').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Hash Table 구현하기 => N(1~100000)의 값만큼 문자열이 입력된다. 처음 입력되는 문자열은 "OK", 들어온 적이 있던 문자열은 "문자열+index"로 출력하면 된다. 브루트 포스로 접근하면 N^2이 되므로 해시 테이블을 이용해 해결해야 한다.',
    ]);
    expect(rules('Hash Table 구현하기.md', 'sample-data')).toEqual([
      `5: "Input" is an exercise's sample data, nothing to recall: left out of the answer of "Hash Table 구현하기"`,
      `13: "Output" is an exercise's sample data, nothing to recall: left out of the answer of "Hash Table 구현하기"`,
      `22: "예제 입력 1" is an exercise's sample data, nothing to recall: left out of the answer of "Hash Table 구현하기"`,
    ]);
  });

  it('1. a problem letter under a title that is only a label (`Educational 174 › F`) names no topic: no card from its section, an info', () => {
    // The problem is not in the notes: nothing on the question side could say what `F` is.
    expect(inFile('Educational 174')).toEqual([]);
    expect(rules('Educational 174.md', 'no-topic')).toEqual([
      `2: "Educational 174 › E" names no topic: "E" only marks a place and "Educational 174" is a label too; no card made from it or what is under it`,
      `7: "Educational 174 › F" names no topic: "F" only marks a place and "Educational 174" is a label too; no card made from it or what is under it`,
    ]);
    // A heading that names its problem is a card; a sub-heading of a topicless section goes with it, and a letter
    // asking `F?` over nothing is no unanswered question.
    expect(inFile('Round 1004 (Div. 2)').map((card) => `${question(card)} => ${card.back}`)).toEqual(['Round 1004 (Div. 2) › Adjacent Digit Sums => x + 1 = y holds only when x does not end in 9']);
    expect(rules('Round 1004 (Div. 2).md', 'no-topic').map((line) => line.split(':')[0])).toEqual(['4', '9']);
    expect(rules('Round 1004 (Div. 2).md', 'question-unanswered')).toEqual([]);
    // Under a title that names something, a letter is a name (`Languages › C`).
    expect(inFile('Languages').map(question)).toEqual(['Languages › C', 'Languages › R']);
    expect(rules('Languages.md', 'no-topic')).toEqual([]);
  });

  it('1. the bullets of a section that names no topic are left out of "bullets on cards" and counted apart', async () => {
    const folder = join(dir, 'contests');
    mkdirSync(folder);
    for (const name of ['Educational 174.md', 'Round 1004 (Div. 2).md']) copyFileSync(join(fixtures, 'notes', name), join(folder, name));
    const result = await coverage(folder);
    expect({ bullets: result.bullets, onCards: result.onCards, topicless: result.topicless }).toEqual({ bullets: 1, onCards: 1, topicless: 3 });
  });

  it('1. `예시: …`, `Example: …` and a sentence before a colon define no term: the line stays on the card of what it illustrates', () => {
    expect(inFile('functions').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'functions › reverse() => list.reverse(): list 목록을 제자리에서 뒤집어요. 예시: [1,2,3].reverse() 는 [3,2,1] 을 반환해요.',
      'functions › reduce() => 각 요소에 대해 표현식을 실행하여 목록을 단일 값으로 줄여요. 예시 (합계): [1,2,3].reduce(acc + value, 0) 는 6 을 반환해요. e.g. [].reduce(acc + value, 0) is 0 .',
      'functions › slice => 문자열 또는 배열의 일부를 추출해요. 음수 인덱스는 끝에서부터 세요: "hello"|slice:-3 은 "llo" 를 반환해요. 두 번째 매개변수는 배타적이에요: "hello"|slice:1,4 는 인덱스 1, 2, 3의 문자를 포함해요.',
      // The example under a definition was on its card already; it no longer makes a card `Subarray › Example` too.
      'Common terms › Subarray => A range of contiguous values within an array. Example: given an array [2, 3, 6, 1, 5, 4] , [3, 6, 1] is a subarray while [3, 1, 5] is not.',
      'Common terms › Subsequence => A sequence derived from another by deleting some or no elements without changing the order.',
    ]);
    // In a long answer, `***예시***` leads no card of its own: the example stays with the answer it illustrates, and
    // the term after it (`**뮤텍스** : …`) is still a card.
    const semaphore = inFile('semaphore');
    expect(semaphore.map(question)).toEqual(['세마포어 P, V 연산 › 구현 방법', '세마포어 P, V 연산 › 구현 방법 › 뮤텍스']);
    expect(semaphore[0].back).toContain('예시 최초 S 값은 1이고');
    expect(semaphore[1].back).not.toContain('예시');
  });

  it('1. a heading or bullet answered only by an aside (`cf) …`) is a line of what is above it, not a question the aside answers', () => {
    expect(inFile('DataStructure').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Part 1-2 DataStructure › Graph => 정점과 간선의 집합, Graph cf) 트리 또한 그래프이며, 그 중 사이클이 허용되지 않는 그래프를 말한다.',
      'Part 1-2 DataStructure › Graph › Degree => Undirected Graph 에서 각 정점에 연결된 Edge 의 개수를 Degree 라 한다.',
      'Part 1-2 DataStructure › Tree => 사이클이 없는 연결 그래프, Tree cf) 정점이 N개면 간선은 N-1개이다.',
      'Part 1-2 DataStructure › Tree › 루트 => 트리의 맨 위 노드',
    ]);
    // And `Quotes` names no topic: its folder does.
    expect(inFile('Ethereum Book::Quotes').map(question)).toEqual(['Ethereum Book › Quotes']);
  });

  it('1. paragraphs leading with a bold term they define, each before a list, name the topic of that list', () => {
    expect(inFile('bold-lead').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      '운영체제 › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › 멀티 프로세스 => 멀티 프로세스 란 하나의 응용프로그램을 여러 개의 프로세스로 구성하여 각 프로세스가 하나의 작업을 처리하도록 하는 것이다.',
      '운영체제 › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › 멀티 프로세스 › 장점 => 자식 프로세스 중 하나에 문제가 발생해도 다른 프로세스로 확산되지 않는다.',
      '운영체제 › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › 멀티 스레드 => 멀티 스레드 란 하나의 응용프로그램을 여러 개의 스레드로 구성하는 것이다.',
      '운영체제 › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › 멀티 스레드 › 장점 => 시스템 자원 소모가 줄어든다.',
      // Only leading into the list, or naming the heading it is under, it is the question's answer.
      '운영체제 › K-means의 단점은 무엇인가요? => K-means 알고리즘의 단점 은 다음과 같다. K 를 몇 개로 설정하냐에 따라 성능이 달라진다.',
      '운영체제 › 플러그인 => 플러그인 은 추가 기능으로 Obsidian을 확장해요. 코어 플러그인은 기본으로 포함돼요.',
      '운영체제 › 플러그인 › 테마 => 테마 는 Obsidian의 모양을 바꿔요. 커뮤니티 테마가 있어요.',
    ]);
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
      // review 2030: boost-devs `5-network.md:117`, a quoted bold question ran into the answer of the question above it;
      // now it is a follow-up of that question, as a bold question under a question heading is.
      '운영체제 › 교착 상태 › 데드락을 막는 방법은? › 왜 순환 대기를 없애면 될까? => 네 조건이 모두 있어야 데드락이 생기기 때문이다.',
      '운영체제 › 교착 상태 › 데드락을 막는 방법은? › 기아 상태와 데드락의 차이는? => 기아 상태는 자원을 끝내 얻지 못할 뿐, 서로를 기다리지는 않는다.',
    ]);
    expect(rules('questions.md', 'question-unanswered')).toEqual([
      '14: Question "What is dropout?" has no answer before the next question or heading; no card made',
      '41: Question "기아 상태란?" has no answer before the next question or heading; no card made',
    ]);
  });

  it('2. a multiple-choice question answered only by its choices is no card (question-unanswered); one whose answer is marked is', () => {
    expect(inFile('choice').map(question)).toEqual([
      'Mock test › Which of the following is not a transport protocol?',
      'Mock test › CPU를 두 개 이상 두고 업무를 분담하여 처리하는 방식을 의미하는 것은?',
    ]);
    expect(rules('choice.md', 'question-unanswered')).toEqual([
      '3: Question "RISC와 CISC에 대해 잘못 설명한 것은?" lists its choices but not which one is right; no card made (mark the answer, e.g. `정답: 2` or a bold choice)',
    ]);
  });

  it('2. a list of questions with no answers (a question bank) makes no card; steps, a rubric and answered questions do', () => {
    expect(inFile('question-bank').map(question)).toEqual([
      'Interviews › 다음 단계',
      'Interviews › Rubric › Communication',
      'Interviews › Rubric › Problem solving',
      'Interviews › Rubric › Testing',
      'Interviews › 데드락 › 데드락이란?',
      'Interviews › 데드락 › 발생 조건은?',
      'Interviews › 데드락 › 막는 방법은?',
    ]);
    expect(rules('question-bank.md', 'question-list')).toEqual([
      '5: This list is 4 questions with no answers (a question bank): nothing for the answer side, no card made',
      '13: This list is 3 questions with no answers (a question bank): nothing for the answer side, no card made',
    ]);
  });

  it('3. a long prose section makes no card (info), unless the file asks for prose; what is kept but too long is a warning', () => {
    expect(inFile('essay').map(question)).toEqual(['Monorepo › Build tool › Bazel']);
    expect(rules('essay.md', 'prose-section')).toHaveLength(1);
    expect(rules('essay.md', 'prose-section')[0]).toMatch(/^5: "The move to a monorepo" is answered by \d+ lines of prose/);
    expect(inFile('essay-kept').map(question)).toEqual(['Monorepo, kept › The move to a monorepo']);
    expect(rules('essay-kept.md', 'long-answer')[0]).toMatch(/^8: Answer to "The move to a monorepo" is \d+ lines, \d+ columns of text: too long to recall/);
  });

  it('3. a Korean answer is measured as it shows: a Hangul syllable is two columns, so five short paragraphs are 14 lines, not 10', () => {
    // 528 characters, 869 columns (README "Answers one can recall"): long prose under a plain heading makes no card,
    // under a question it is the answer, kept with a warning.
    expect(inFile('wide').map(question)).toEqual(['알고리즘 정리 › 그리디 알고리즘이 항상 최적의 답을 주나요?']);
    expect(rules('wide.md', 'prose-section')).toEqual([expect.stringMatching(/^5: "Greedy Algorithm" is answered by 14 lines of prose/)]);
    expect(rules('wide.md', 'long-answer')).toEqual([expect.stringMatching(/^17: Answer to "그리디 알고리즘이 항상 최적의 답을 주나요\?" is 14 lines, 869 columns of text/)]);
  });

  it('3. display width: wide characters two columns, a syllable spelled in jamo (as macOS saves it) still one syllable, joiners none', () => {
    expect(displayWidth('Greedy')).toBe(6);
    expect(displayWidth('그리디 알고리즘')).toBe(15);
    expect(displayWidth('그리디'.normalize('NFD'))).toBe(6);
    expect(displayWidth('漢字かな')).toBe(8);
    expect(displayWidth('a\u200db\u0301')).toBe(2);
  });

  it('3. a long answer made of paragraphs that lead with a term is split along them, each term a card under the question', () => {
    expect(inFile('long').map((card) => `${question(card)} => ${card.back.slice(0, 12)}`)).toEqual([
      'Machine learning › 앙상블 방법엔 어떤 것들이 있나요? › 앙상블(Ensemble) => 앙상블 기법 앙상블(E',
      'Machine learning › 앙상블 방법엔 어떤 것들이 있나요? › 배깅(Bagging) => 배깅(Bagging) ',
      'Machine learning › 앙상블 방법엔 어떤 것들이 있나요? › 부스팅(Boosting) => 부스팅(Boosting',
      'Machine learning › 캐시의 지역성 => 캐시 메모리는 적중률(',
      'Machine learning › 캐시의 지역성 › 시간적 지역성 => CPU가 한 번 참조한',
      'Machine learning › 캐시의 지역성 › 공간적 지역성 => CPU가 참조한 데이터',
      // review s2250: boost-devs `6-operating-system.md:321`, paragraphs leading with a code term (`` `RR(Round Robin)`은 ``).
      'Machine learning › CPU 스케줄러 › FCFS(First Come First Service) => FCFS(First C',
      'Machine learning › CPU 스케줄러 › RR(Round Robin) => RR(Round Rob',
      'Machine learning › CPU 스케줄러 › SJF(Shortest Job First) => SJF(Shortest',
    ]);
    // The same term again goes on with its part, not a second card of the same question.
    expect(inFile('long')[6].back).toContain('구현이 가장 간단한 스케줄러');
    // The image went with the first term, the box after the last term stays with it; a label (`Frequency: Occasional`)
    // and a bold phrase inside a sentence lead nothing: they stay in the part before them.
    expect(inFile('long')[2].back).toContain('배깅 vs 부스팅');
    expect(inFile('long')[5].back).toMatch(/Frequency: Occasional 합병정렬은 순차적 인 비교로/);
    // The split parts are short; what is left over the limit is the intro of 캐시의 지역성: one paragraph of nearly 580
    // Korean characters, which a reader sees as 12 lines (a Hangul syllable is two columns wide), and a line after it.
    expect(rules('long.md', 'long-answer')).toEqual([expect.stringMatching(/^18: Answer to "캐시의 지역성" is 13 lines, 1021 columns of text:/)]);
  });

  it('3. a heading in a bullet titles what follows it, and each titled item is a card of its own (SOLID: one card per principle)', () => {
    expect(inFile('principles').map(question)).toEqual([
      '[Design Pattern] 개요 › 원칙',
      '[Design Pattern] 개요 › 원칙 › SOLID (객체지향 설계 원칙) › Single Responsibility Principle',
      '[Design Pattern] 개요 › 원칙 › SOLID (객체지향 설계 원칙) › Open - Close Principle',
      '[Design Pattern] 개요 › 원칙 › SOLID (객체지향 설계 원칙) › Liskov Substitution Principle',
      '[Design Pattern] 개요 › 원칙 › SOLID (객체지향 설계 원칙) › Interface Segregation Principle',
      '[Design Pattern] 개요 › 원칙 › SOLID (객체지향 설계 원칙) › Dependency Inversion Property',
      // A heading that is a sentence (a step of a procedure) asks nothing: it stays in its parent's answer.
      '[Design Pattern] 개요 › 순서',
    ]);
    const [principles, single, open] = inFile('principles');
    // `Open - Close Principle` is a title, not `Open` defined as `Close Principle`.
    expect(open.back).toBe('확장 (상속)에는 열려있고, 수정에는 닫혀 있어야 함.');
    expect(single.back).toBe('하나의 클래스는 하나의 역할만 해야 함.');
    // The parent's answer was 13 lines: now it names the principles, each explained on its own card.
    expect(principles.back).toBe('SOLID (객체지향 설계 원칙) (간략한 설명) Single Responsibility Principle Open - Close Principle Liskov Substitution Principle Interface Segregation Principle Dependency Inversion Property');
    expect(inFile('principles')[6].back).toBe('시작 정점의 최단 거리는 0이다. 나머지 정점은 무한대로 둔다.');
    expect(rules('principles.md', 'long-answer')).toEqual([]);
  });

  it('3. a long parent answer shows its items that are cards of their own by their line only; a term spelled out in brackets is a term', () => {
    expect(inFile('congestion').map(question)).toEqual([
      'TCP › 혼잡제어 (Congestion Control)',
      'TCP › 혼잡제어 (Congestion Control) › 해결 방법',
      'TCP › 혼잡제어 (Congestion Control) › 해결 방법 › AIMD(Additive Increase / Multiplicative Decrease)',
      'TCP › 혼잡제어 (Congestion Control) › 해결 방법 › Slow Start (느린 시작)',
      'TCP › 혼잡제어 (Congestion Control) › 해결 방법 › Fast Retransmit (빠른 재전송)',
      'TCP › 혼잡제어 (Congestion Control) › 해결 방법 › Fast Recovery (빠른 회복)',
    ]);
    const [, methods, aimd] = inFile('congestion');
    expect(methods.back).toBe('AIMD(Additive Increase / Multiplicative Decrease) Slow Start (느린 시작) Fast Retransmit (빠른 재전송) Fast Recovery (빠른 회복)');
    expect(aimd.back).toMatch(/^처음에 패킷을 하나씩 보내고 .* 공평한 방식이다\.$/);
    expect(rules('congestion.md', 'long-answer')).toEqual([]);
  });

  it('3. a split answer\'s closing paragraph that speaks of two of its terms or more answers the question, not the last term', () => {
    const [asked, udp, tcp] = inFile('conclusion');
    expect([asked, udp, tcp].map(question)).toEqual([
      'TCP와 UDP의 차이를 설명해주세요.',
      'TCP와 UDP의 차이를 설명해주세요. › UDP',
      'TCP와 UDP의 차이를 설명해주세요. › TCP',
    ]);
    expect(asked.back).toMatch(/^TCP와 UDP는 모두 트랜스포트 계층.*따라서, UDP는 속도증가와 지연 감소를 위해서/);
    expect(tcp.back).not.toContain('따라서, UDP는');
    // A paragraph of the last term that speaks of it alone stays with it.
    expect(udp.back).toContain('따라서 연결을 설정하기 위한 어떠한 지연도 없고');
  });

  it('3. title lines (a quoted or bold line that is only a term) split a long answer, and end the answer before them', () => {
    expect(inFile('titles').map((card) => `${question(card)} => ${card.back.slice(0, 16)}`)).toEqual([
      'Network › TCP/IP의 각 계층을 설명해주세요. => TCP/IP는 인터넷에서 표준',
      'Network › TCP/IP의 각 계층을 설명해주세요. › 애플리케이션 계층 (Application Layer, L5) => 네트워크 애플리케이션과 애플리',
      'Network › TCP/IP의 각 계층을 설명해주세요. › 트랜스포트 계층 (Transport Layer, L4) => 네트워크 계층에서 보내온 데이',
      'Network › TCP/IP의 각 계층을 설명해주세요. › 네트워크 계층 (Network Layer/IP Layer, L3) => 다른 네트워크에 있는 목적지에',
      // `<strong>…</strong>` is bold as `**…**` is: the same title line, so Context Switching's answer stops before it.
      'Network › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › Context Switching => CPU에서 여러 프로세스를 돌',
      'Network › 멀티 프로세스 대신 멀티 스레드를 사용하는 이유를 설명해주세요. › 동기화 문제(Synchronization Issue) => 멀티 스레드를 사용하면 각각의',
      // Steps are no questions of their own: the answer goes through them, and stays one card (too long: a warning).
      'Network › 노트북으로 www.google.com에 접속하기까지의 과정을 설명해주세요. => 1단계 웹 사이트에 접속하기 ',
    ]);
    const titles = inFile('titles');
    // The title line is the front, not the first line of its answer; a quoted remark that ends a sentence titles nothing.
    expect(titles[1].back).not.toContain('Application Layer');
    expect(titles[3].back).toMatch(/상호 배제\( ?Mut ?ual Ex ?clusion\)의 약자임/);
    expect(titles[4].back).not.toContain('동기화');
    expect(titles[5].back).toMatch(/충돌을 동기화 문제라고 한다\.$/);
    expect(titles[6].back).toMatch(/2단계 .* 3단계 .* 4단계 /);
    expect(rules('titles.md', 'long-answer').map((line) => line.split(':')[0])).toEqual(['39']);
  });

  it('3. a long answer with a list whose items each start with a term line (a line break after it) is split along the items', () => {
    // bad-cards-1601: JaeYeopHan `Java/README.md:38`, a 15-line essay on Collection.
    expect(inFile('collection').map((card) => `${question(card)} => ${card.back.slice(0, 14)}`)).toEqual([
      'Java › Collection => Java Collectio',
      'Java › Collection › List => List 인터페이스를 직접',
      'Java › Collection › Map => 대표적인 구현체로 Hash',
      'Java › Collection › Set => 대표적인 구현체로 Hash',
      'Java › Collection › Stack 과 Queue => Stack 객체는 직접 n',
      // A short answer stays whole: the list is the answer.
      'Java › final keyword => final class 다른',
    ]);
    expect(rules('collection.md', 'long-answer')).toEqual([]);
  });

  it('an image that cannot be shown leaves no caption behind, nor alt text that only repeats the question', () => {
    const html = (front: string) => inFile('captions').find((card) => card.front === front)!.back;
    // bad-cards-1601: yangshun `coding-interview-cheatsheet.md:193`, boost-devs `answers/2-machine-learning.md:733`.
    expect(html('What to do after your coding interview')).toBe('Record the interview questions and answers down as these can be useful for future reference.');
    expect(html('계층별 k-겹 교차검증')).toBe('계층별 k-겹 교차검증 방법은 각 클래스별 비율을 고려하여 fold를 구성하는 방법이다.');
    // Alt text that says more than the question stays in the picture's place.
    expect(html('k-겹 교차검증')).toMatch(/방법이다\. fold 다섯 개 중 하나씩 검증에 쓰는 그림$/);
    // A figure whose image file is missing goes whole, its caption with it (render/media.ts).
    expect(html('Internships')).toBe('Internships pay less than full-time roles, but often lead to return offers.');
    // The first figure's image has code for a source (MDX): left out with its caption by parse/mdx.ts (media-unsupported).
    expect(rules('captions.md', 'media-missing')).toHaveLength(3);
    expect(rules('captions.md', 'media-unsupported')).toHaveLength(1);
  });

  it('3. --prose turns long prose sections back into cards for the whole build', async () => {
    const prose = await build(join(fixtures, 'notes'), dir, ['--prose']);
    expect(prose.cards.filter((card) => card.file === 'essay').map(question)).toEqual(['Monorepo › The move to a monorepo', 'Monorepo › Build tool › Bazel']);
  });

  it('4. navigation footers, credits, badges, template prompts, tables of contents, references and footnotes reach no card', () => {
    expect(inFile('boilerplate').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Network › TCP › 흐름 제어 => 수신자가 처리할 수 있는 만큼만 보낸다',
      'Network › UDP => UDP는 연결 없이 데이터그램을 보낸다.',
      // A bold linked term is a term being defined; a list of plain links with notes is a reading list.
      'Network › Backups › Windows => OneDrive 또는 외장 드라이브로 백업해요.',
      'Network › Backups › Mac => Time Machine으로 외장 기기에 백업해요.',
      'Network › 브라우저 › 렌더링 => 화면에 그리는 과정',
      // A link written as a shop's button (`Check it out →`) sells, as an affiliate network's link (`shareasale.com/r.cfm`) does; `Learn more →` only points on.
      'Network › Learn more about sockets => A socket is one end of a connection between two programs. Learn more →',
      // review 2030: a quoted translator's note linking the original is credits (JaeYeopHan `Reverse_Interview/README.md:3`);
      // review s2215: a README's `## Notice` (tips on the site, PR rules) is apparatus, like `## Contributors`; review
      // s0010: so is how to use the document (`이 목록을 이렇게 사용하길 기대합니다.`, `How to use this list`); s0045: and
      // `기여하기` (Contributing), as a heading or as a callout's title.
      'Network › 면접 팁 › 칠판 => 예제를 그리며 시작한다',
      // review s0045: a bullet that only points elsewhere leaves the answer, as such a sentence does (boost-devs
      // `4-python.md:99`, `- 자세한 내용은 [Python an interpreted language. Explain.](#4) 참고`)…
      'Network › 해시 테이블 => 해시 함수로 키를 인덱스에 대응시킨다.',
      // …and `(TODO: 답변 작성하기)` is a placeholder: the question is left unanswered, not answered by it.
      // review s0112: the author's leave-taking is no part of the last answer (yangshun `resume.md:410`).
      'Network › Final tips => Try not to apply to too many jobs at the same company.',
    ]);
    expect(rules('boilerplate.md', 'question-unanswered')).toEqual([expect.stringMatching(/^\d+: Question "HTTP 요청\/응답 헤더의 구조를 설명해주세요\." /u)]);
    expect(rules('boilerplate.md', 'table-of-contents')).toEqual([
      '81: "데이터베이스 Link" links to the page it sums up: a table of contents, no card made from it or what is under it',
      // review 1910: boost-devs `README.md`, a folded list of the topics of each answer page.
      '108: "🔻 알고리즘" links to the page it sums up: a table of contents, no card made from what it folds',
    ]);
    // review 2030: JaeYeopHan `OS/README.en.md`, `Solution` › `Lock / Semaphores / Monitoring` came from the page's own contents.
    expect(inFile('contents').map(question)).toEqual(['Operating System › Process vs Thread › Process', 'Operating System › Process vs Thread › Thread']);
    expect(rules('contents.md', 'table-of-contents')).toEqual(["3: A list of links to this page's own headings is its table of contents: no card made from it"]);
    expect(rules('boilerplate.md', 'reading-list')).toEqual([
      '60: This list only points to things to read (1 link): a reading list, nothing to ask; no card made',
      '62: This list only points to things to read (1 link): a reading list, nothing to ask; no card made',
      '66: This list only points to things to read (3 links): a reading list, nothing to ask; no card made',
    ]);
    const everything = cards.map((card) => `${card.context} ${card.front} ${card.back}`).join('\n');
    for (const leftover of ['Top', 'Back to top', '⬆', '홍길동', 'Jane Doe', '{{author}}', 'shields', 'Table of contents', 'Stevens', 'appendix', '⏫', 'ℹ', '자세히', 'essential questions', 'recommended questions', 'Same Tree', 'Kim', 'Binary tree', 'Readings', 'Videos', 'basecs', 'Peterman', 'Zajac', 'HTTP 완벽 가이드', '.end', 'Heapify', '데이터베이스를 사용하는', '공식 문서', 'D2', 'Design Gurus']) {
      expect(everything, leftover).not.toContain(leftover);
    }
  });

  it('4. a list of books by their authors, in a file or under a heading about books, is a reading list even without links', () => {
    // viniciusth `books/Books.md` made "Algebra → Notes from the Underground by Paolo Aluffi".
    expect(rules('Books.md', 'reading-list')).toEqual(['3: This list only points to things to read (3 books): a reading list, nothing to ask; no card made']);
    // A definition whose term says "by" stays, under the books heading too; titles and names elsewhere are knowledge.
    expect(inFile('Books').map((card) => `${question(card)} => ${card.back}`)).toEqual(['Books › Graphs › Dijkstra by hand => relax every edge from the nearest unvisited node', 'Books › Graphs › Bellman-Ford => relaxes every edge V-1 times']);
    expect(inFile('inventors').map((card) => `${question(card)} => ${card.back}`)).toEqual(['Sorting › Quicksort => Tony Hoare', 'Sorting › Heapsort => J. W. J. Williams']);
  });

  it('4. a section of recommendations (`Personal Recommendation` over books) and a sentence sending the reader to a list of links make no card', () => {
    expect(inFile('recommendations').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'recommendations › 웹 통신의 큰 흐름 => 웹 서버는 요청 메시지에 따른 데이터를 응답 메시지에 넣어 회송한다.',
      'recommendations › Linked List => linked list 는 search 에 O(n)의 time complexity 를 갖는다.',
      // Its only link is the page's navigation footer, and its bullets are exercises for the reader (`… 구현`): a
      // recommendation all the same, no card (reviews s2252 and s0130 called such cards junk).
      // `…다음 문서를 참조하세요:` and its links leave the answer; what else the section says stays.
      'recommendations › 모바일 앱 › 고급 협업 => 더 큰 팀의 일원이라면 Obsidian Publish를 Git과 함께 사용해야 할 수 있어요.',
      'recommendations › 모바일 앱 › Themes => Themes change how Obsidian looks.',
      // A sentence that does not send the reader elsewhere keeps its list of notes: they are the answer.
      'recommendations › 모바일 앱 › 프로토콜 => 전송 계층의 프로토콜은 다음과 같아요: TCP UDP',
    ]);
    expect(rules('recommendations.md', 'see-also')).toEqual([
      '5: "Personal Recommendation" points to other notes and pages; no card made from it or what is under it',
      '15: "Personal Recommendation" points to other notes and pages; no card made from it or what is under it',
    ]);
    expect(rules('recommendations.md', 'cross-reference')).toEqual([
      '25: "OS별 기능에 대해서는 다음 페이지를 참조하세요:" only points to another note or page; left out of the answer',
      '32: "Obsidian Publish 사이트 설정에 대한 자세한 내용은 다음 문서를 참조하세요:" only points to another note or page; left out of the answer',
      '41: "For more, see the following pages:" only points to another note or page; left out of the answer',
    ]);
  });

  it("4. a repository's licence, credits and contributing files make no cards, each with an info", () => {
    expect(cards.filter((card) => card.file.startsWith('repo'))).toEqual([]);
    expect(diagnostics.filter((d) => d.file.includes('/repo/')).map((d) => `${d.file.split('/').pop()} ${d.rule}`).sort()).toEqual(['CONTRIBUTING.md boilerplate-file', '크레딧.md boilerplate-file']);
    expect(diagnostics.filter((d) => d.file.includes('/site/')).map((d) => `${d.file.split('/').pop()} ${d.rule}`)).toEqual(['__template__.md boilerplate-file']);
  });

  it('4. a section in which the document says what it is (`…정리해둔 … 목록이다`, `…정리해놓은 저장소입니다`) is its introduction: no card', () => {
    expect(inFile('about-document').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      // The same words about something else stay.
      'Interview Notes › 면접 준비 => 정리한 내용을 바탕으로 질문 목록을 만든다.',
      'Interview Notes › Adjacency list => This list holds the neighbours of each vertex.',
    ]);
    expect(rules('about-document.md', 'about-document')).toEqual([
      '5: "회사에 궁금한 점은 없으신가요?" is answered by the document saying what it is (an introduction, not notes); no card made',
      '9: "What is this?" is answered by the document saying what it is (an introduction, not notes); no card made',
      '15: "Repository layout" is answered by the document saying what it is (an introduction, not notes); no card made',
      // review 1910: yangshun `study-cheatsheet.md`, `## What is this` over the section describing itself.
      '27: "Cheatsheets" is answered by the document saying what it is (an introduction, not notes); no card made',
    ]);
    expect(diagnostics.filter((d) => d.file.endsWith('/about-document.md') && d.severity === 'warning')).toEqual([]);
  });

  it('4. reading progress (`Current page: 0`) and bullets tagged as to-dos (#todo) are notes to self, not cards', () => {
    // review s2252: gyoogle's README, a titled topic over links with a `<br>` spacer under them, was a card of link titles.
    expect(inFile('reading').map((card) => `${question(card)} => ${card.back}`)).toEqual(['Reading › Ethereum Book › Gas => the fee paid for computation']);
  });

  it('4. a to-do file (`todo.md`) or section (`## To read`) is notes to self: no card from it, with an info', () => {
    // viniciusth `papers-blogs-algorithms-random/todo.md` made "todo → SDC 2018 - Protocol Aware Recovery … and slides".
    expect(inFile('todo')).toEqual([]);
    expect(rules('todo.md', 'todo-list')).toEqual(['1: "todo" is a to-do list, notes to self, not something to learn; no cards made from this file']);
    expect(rules('planning.md', 'todo-list')).toEqual(['5: "To read" is a to-do list, notes to self, not something to learn; no card made from it or what is under it']);
    // A heading that only contains the word (`## Todo app`) is a topic like any other.
    expect(inFile('planning').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Raft › Leader election => a follower that hears no heartbeat becomes a candidate',
      'Raft › Todo app › Optimistic update => the list shows the new item before the server confirms it',
    ]);
  });

  it('4. MDX import/export lines, JSX components and heading anchors are not content; a Docusaurus admonition is a box; ads are boilerplate', () => {
    expect(inFile('docusaurus').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Stacks › Introduction to stacks => A stack keeps the last item pushed on top. Info Stacks power the call stack of every program.',
      'Stacks › Implementations › push => adds an item on top',
      // A heading's {#anchor} is no text; a box of referral links and a section sponsored by a product are ads.
      'Stacks › Practice with cheatsheets => Review the cheatsheet before each session.',
      // The author's own free or linked guide, course or book is an ad too; the author's own plan is not.
      'Stacks › Practice plan › My study plan => Three months, two hours a day.',
    ]);
    expect(cards.filter((card) => card.file.startsWith('site'))).toEqual([]);
    const everything = cards.map((card) => `${card.context} ${card.front} ${card.back}`).join('\n');
    for (const leftover of ['import', 'InDocAd', 'AlgorithmCourses', 'Tabs', ':::', 'export', '{#', 'FAANG Tech Leads', 'Hello Interview', 'best practices guide', 'algorithms course', 'every pattern', '한 주에 배워요']) expect(everything, leftover).not.toContain(leftover);
  });

  it('3. a sentence that only leads into what follows is no answer: left off the end of one, no card when it was all', () => {
    expect(inFile('lead-in').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Database › Index 자료구조 › B+-Tree 인덱스 알고리즘 => 칼럼의 값을 변형하지 않고 원래의 값을 이용해 인덱싱하는 알고리즘이다.',
      'Database › 얕은 복사 vs 깊은 복사 › 얕은 복사 => 한 객체의 모든 멤버 변수의 값을 다른 객체로 복사',
      'Database › 프로젝트 구성하기 › Spring Boot Project => 먼저 스프링 부트 프로젝트를 만든다.',
      'Database › Skills => Include programming languages and tech stacks: Java TypeScript',
      'Database › Sync › Where are the servers hosted? => They are hosted by DigitalOcean in the following regions: Regions Asia : Singapore Europe : Frankfurt',
      'Database › Sync › Metrics => 평가지표는 분류와 회귀를 위한 평가지표로 나눌 수 있다.',
      'Database › Sync › Metrics › Accuracy => 맞힌 비율',
      // A callout titled by a label (참고, Tip) is a box in its section's answer; one with a title of its own asks it.
      'Database › Sync › Setup => Connect a vault from the settings. 참고 Sync needs an account.',
      'Database › Sync › Setup › Thrashing => The system spends its time paging.',
      // The last sentence of a paragraph can lead in too; the sentences before it stay.
      'Database › 링크 형식 => 내부 링크를 자동 생성할 때 삽입되는 링크 형식이에요.',
      'Database › 링크 형식 › 가장 짧은 경로 => 가능하면 가장 짧은 경로를 사용해요.',
      // What the next section covers (`이 섹션에서는 …을 다뤄요.`) is no answer; after a `---`, its whole paragraph introduces that section.
      'Database › 동기화 설정 › 충돌 해결 => 여러 기기에서 동기화하기 전에 파일을 수정했을 때 충돌을 해결하는 방법을 선택해요.',
      'Database › 동기화 설정 › 보관함 크기 => 동기화 저장소가 얼마나 사용되었는지 진행률 막대로 표시해요.',
      // A paragraph after a `---` that leads into nothing stays.
      'Database › 동기화 설정 › 기기별 설정 => 이 설정은 각 기기에서 별도로 구성해야 해요. 다른 기기에서도 같은 설정을 쓰려면 기기마다 켜야 해요.',
      'Database › 선택적 동기화 => 동기화할 파일 형식을 선택해요.',
    ]);
    expect(rules('lead-in.md', 'lead-in')).toEqual([
      '5: "Index 자료구조" is answered only by a sentence leading into what follows (그렇다면 DBMS 는 인덱스를 어떻게 관리하고 있는가…), which is not there; no card made',
      '13: "얕은 복사 vs 깊은 복사" is answered only by a sentence leading into what follows (shallow copy와 deep copy가 어떻게 다른지 알아보자…), which is not there; no card made',
      '21: "프로젝트 구성하기" is answered only by a sentence leading into what follows (이제 프로젝트를 구성해보자!…), which is not there; no card made',
    ]);
  });

  it('3. an answer that only introduces its sub-headings (counts them, says what they are about, speaks of "the following") makes no card', () => {
    expect(inFile('intros').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Git vs GitHub vs GitLab Flow › Git Flow => 가장 최초로 제안된 Workflow 방식이며, 대규모 프로젝트 관리에 적합한 방식으로 평가받는다.',
      'Python › 가비지 컬렉션의 작동 방식 › 어떤 기준으로 가비지 컬렉션이 일어나는가 => 가비지 컬렉터는 내부적으로 generation(세대)과 threshold(임계값)로 가비지 컬렉션 주기와 객체를 관리한다.',
      'Python › 스케줄러 › 장기 스케줄러 => 메모리와 디스크 사이의 스케줄링을 담당한다.',
      // The author announcing what comes next is left off; the sentence before it says something.
      'Python › 데이터 타입 => 자바스크립트의 데이터 타입은 크게 Primitive type, Structural Type 으로 나눌 수 있다.',
      'Python › 데이터 타입 › Primitive type => 변경 불가능한 값이다.',
      // A count followed by what it counts, in the answer itself, is an answer.
      'Python › 스케줄러의 종류 => 스케줄러에는 크게 세 가지 종류가 있다. 장기 스케줄러 단기 스케줄러 중기 스케줄러',
      '커뮤니티 행동 강령 › 기타 행동 › 반복적 요청 => 반복적 요청은 동일한 요청을 지속적으로 하는 거예요.',
    ]);
    expect(rules('intros.md', 'lead-in').map((line) => line.replace(/ \(.*$/u, ''))).toEqual([
      '5: "Git vs GitHub vs GitLab Flow" is answered only by a sentence leading into what follows',
      '20: "가비지 컬렉션의 작동 방식" is answered only by a sentence leading into what follows',
      '28: "스케줄러" is answered only by a sentence leading into what follows',
      '56: "기타 행동" is answered only by a sentence leading into what follows',
    ]);
  });

  it('3. an answer that only points elsewhere makes no card; a sentence left announcing what follows goes too', () => {
    expect(inFile('pointers').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Metrics › 회귀 / 분류시 알맞은 metric은 무엇일까? › 회귀 => 결정계수는 (회귀선에 의해 설명되는 변동)/(전체 변동)을 말한다.',
      'Metrics › Prepare for the behavioral interview › Pick a good programming language to use => Pick one you are familiar with.',
    ]);
    // `- 그림과 함께 설명하기 위해 일단 블로그 링크를 추가한다.` only says a link is attached: the heading makes no card.
    expect(rules('pointers.md', 'cross-reference').map((line) => line.split(':')[0])).toEqual(['5', '15', '17', '21', '25']);
    expect(rules('pointers.md', 'lead-in')).toEqual([
      '5: "회귀 / 분류시 알맞은 metric은 무엇일까?" is answered only by a sentence leading into what follows (해당 답변에서 서술하지 않은 지표만 추가로 설명합니다.…), which is not there; no card made',
    ]);
  });

  it('3. the empty headings of a template are no answer: left out, and a question with nothing else is unanswered', () => {
    expect(inFile('interview-list').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      // Template headings with something under them stay: they say which part is the answer.
      'Java Interview List › 가비지 컬렉션이란? => 배경 & 질문 의도 JVM 의 구조, 특히 Heap Area 에 대한 이해 답변 Heap 영역의 객체를 관리해 주는 기능을 말합니다. 키워드 & 꼬리 질문 가비지 컬렉션 과정, 가비지 컬렉터 종류에 대한 이해',
      'Java Interview List › 접근 제어자란? (Access Modifier) › public => 모든 접근 허용',
      'Java Interview List › 접근 제어자란? (Access Modifier) › private => 외부 접근 불가능. 같은 클래스 내에서만 가능',
    ]);
    expect(rules('interview-list.md', 'empty-template')).toEqual([
      '19: "접근 제어자란? (Access Modifier)" is answered only by the empty headings of a template (배경 & 질문 의도, 답변, 키워드 & 꼬리 질문); no card made',
    ]);
    expect(rules('interview-list.md', 'question-unanswered')).toEqual(['28: Question "오버로딩과 오버라이딩 차이는?" has no answer before the next question or heading; no card made']);
    // The same short answer under several headings is no template: every one is a card.
    expect(inFile('repeated').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Sorting › Merge sort › 평균 시간 복잡도 => O(n log n)',
      'Sorting › Heap sort › 평균 시간 복잡도 => O(n log n)',
      'Sorting › Quick sort › 평균 시간 복잡도 => O(n log n)',
    ]);
  });

  it('4. an image whose source is the site\'s code (src={…}) is left out with its caption, and an answer that was only that makes no card', () => {
    expect(inFile('figures').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      // A short introduction over sub-headings would list them (rules/heading-outline.ts), but a question is none of its
      // parts, and one part is no outline.
      'Landscape › Internships vs full-time => Big tech companies pay well even for junior candidates.',
      'Landscape › Internships vs full-time › What to do after your coding interview => ✅ Record the interview questions and answers down.',
    ]);
    expect(rules('figures.md', 'media-unsupported').map((line) => line.replace(/ \(src=.*$/u, ''))).toEqual([
      '16: Image "Salaries of top tech internships in 2016" takes its source from the site\'s code',
      '31: Image "Summary of what to do after a coding interview" takes its source from the site\'s code',
    ]);
  });

  it('3. a picture is an answer, unless the only words with it lead into what has cards of its own (figure-only)', () => {
    // bad-cards-1757: gyoogle `Tree.md:47` (the four ways are the sub-sections' cards), JaeYeopHan `OS/README.en.md:359`.
    expect(inFile('pictures').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      // The fixture's sections all sit under `# Tree`; its definition is complete in itself and points at none of
      // them, so it lists no sub-headings (rules/heading-outline.ts).
      'Tree => Node와 Edge로 이루어진 자료구조다.',
      'Tree › 트리 순회 방식 › 전위 순회(pre-order) => 각 부모 노드를 순차적으로 먼저 방문하는 방식이다.',
      'Tree › 트리 순회 방식 › 중위 순회(in-order) => 왼쪽 하위 트리를 방문 후 부모 노드를 방문하는 방식이다.',
      // A diagram alone answers its heading, sub-sections or not.
      'Tree › OSI 7 계층 => ',
      'Tree › OSI 7 계층 › 물리(Physical) => 데이터를 전기적인 신호로 변환해서 주고받는 계층이다.',
      // The count before the one-row table goes (the two kinds are cards of their own); the table drawn as memory stays.
      'Tree › 단편화 => 프로세스들이 메모리에 적재되고 제거되는 일이 반복되면 작은 자유 공간들이 늘어나는데, 이것이 단편화이다. Process A free Process B free Process C',
      'Tree › 단편화 › 외부 단편화 => 남는 공간들이 메모리 곳곳에 흩어져 있어 쓸 수 없는 것',
      'Tree › 단편화 › 내부 단편화 => 프로세스가 사용하는 공간에 포함된 남는 부분',
      // A sentence that announces the picture after it stays with it.
      'Tree › 스케줄링의 단계 => 스케줄링은 다음 그림과 같이 세 단계로 이뤄진다:',
      'Tree › 스케줄링의 단계 › 장기 스케줄링 => 어떤 프로세스를 메모리에 올릴지 정한다.',
      // An HTML block with words in it is prose, not a picture: the answer keeps it, and the lead-in before it.
      'Tree › 힙 종류 => 힙에는 2가지 종류가 있다. 위의 그림을 예시로 진행해보자 최대 힙과 최소 힙은 부모와 자식의 키 순서로 나뉜다.',
      'Tree › 힙 종류 › 최대 힙 => 부모의 키가 자식의 키보다 크거나 같은 완전 이진 트리',
    ]);
    const back = (front: string) => inFile('pictures').find((card) => card.front === front)!.backHtml;
    expect(back('OSI 7 계층')).toMatch(/^<img [^>]*alt="OSI 7 계층: 물리, 데이터 링크/u);
    expect(back('단편화')).toMatch(/<table>[\s\S]*<th>[\s\S]*Process A[\s\S]*<\/table>$/u);
    expect(back('스케줄링의 단계')).toMatch(/<img [^>]*alt="장기, 중기, 단기 스케줄링"/u);
    expect(rules('pictures.md', 'figure-only')).toEqual([
      '7: "트리 순회 방식" is answered only by a picture and a sentence leading into what follows (트리를 순회하는 방식은 총 4가지가 있다. 위의 그림을 예시로 진행해보자…), which has cards of its own; no card made',
    ]);
  });

  it('5. a parent bullet that is a Korean sentence (`…합니다`, `…있어요:`) is a step of its section\'s answer, its children nested', () => {
    // bad-cards-1757 / issue 8 point 5: gyoogle `DNS.md:11`, obsidian-help `2단계 인증.md:36`.
    expect(inFile('steps').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'DNS › 도메인 주소가 IP로 변환되는 과정 => 디바이스는 hosts 파일을 열어 봅니다 hosts 파일에는 직접 설정한 호스트 이름과 IP 주소가 있습니다 DNS는 캐시를 확인 합니다 기존에 접속했던 사이트의 경우 캐시에 남아 있을 수 있습니다 DNS는 Root DNS에 요청을 보냅니다 Root DNS는 TLD의 주소를 반환 합니다',
      'DNS › 복구 코드 생성 => 웹 브라우저에서 내 계정에 로그인해요. 확인 창에 복구 코드가 표시돼요. 두 가지 옵션이 있어요: Copy recovery codes: 코드를 복사하여 다른 곳에 붙여넣기해요. Download recovery codes: 코드가 포함된 파일을 다운로드해요.',
      // Definitions under the sentence are still cards of their own, asked under the section.
      'DNS › 복구 코드 생성 › Copy recovery codes => 코드를 복사하여 다른 곳에 붙여넣기해요.',
      'DNS › 복구 코드 생성 › Download recovery codes => 코드가 포함된 파일을 다운로드해요.',
      // A term (with or without `:`) over its children is still a parent card.
      'DNS › 캐시 › 장점 => 응답이 빨라진다',
      'DNS › 캐시 › 캐시 계층 => 브라우저 캐시, OS 캐시, 라우터 캐시',
    ]);
  });

  it("5. a list of points with a colon in some of them, or a list a sentence announces, stays whole in the section's answer; its definitions are cards too", () => {
    // review 2030: yangshun `behavioral-interview.md:111`, "the Big Three" answered with two, the first made a card of its own.
    expect(inFile('points').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Interviews › The Big Three › Tell me about yourself => the question that opens almost any interview',
      'Interviews › The Big Three => Tell me about yourself: the question that opens almost any interview Tell me about your favourite project Tell me about a time you resolved a conflict',
      // A list of definitions is only its cards.
      'Interviews › Redis › String => text or binary data, up to 512 MB',
      'Interviews › Redis › Set => unordered strings',
      'Interviews › Redis › Hash => field-value pairs',
      // …unless a sentence announces it (review s2230: obsidian-help `도움말 및 지원.md:54`, "다음과 같아요:" with nothing after it).
      'Interviews › 콘솔 로그 캡처 => 운영 체제에 따른 방법은 다음과 같아요: Windows/Linux : Ctrl+Shift+I macOS : Command+Option+I',
      'Interviews › 콘솔 로그 캡처 › Windows/Linux => Ctrl+Shift+I',
      'Interviews › 콘솔 로그 캡처 › macOS => Command+Option+I',
      // …and so does one where most bullets are definitions but not all (review s0010: gyoogle `컴퓨터의 구성` › `하드웨어`
      // answered "중앙처리장치(CPU)" alone, JaeYeopHan's Kruskal time complexity with its second step only).
      'Interviews › 컴퓨터의 구성 => 중앙처리장치(CPU) 기억장치 : RAM, HDD 입출력 장치 : 마우스, 프린터',
      'Interviews › 컴퓨터의 구성 › 기억장치 => RAM, HDD',
      'Interviews › 컴퓨터의 구성 › 입출력 장치 => 마우스, 프린터',
      // A sentence counting what follows announces it as a colon does (review s0010: gyoogle `스레드의 실행제어`, "says
      // threads have 5 states without listing them").
      'Interviews › 스레드의 실행제어 => 스레드의 상태는 3가지가 있다 NEW : 스레드가 생성되고 아직 start()가 호출되지 않은 상태 RUNNABLE : 실행 중 또는 실행 가능 상태 TERMINATED : 스레드 작업이 종료된 상태',
      'Interviews › 스레드의 실행제어 › NEW => 스레드가 생성되고 아직 start()가 호출되지 않은 상태',
      'Interviews › 스레드의 실행제어 › RUNNABLE => 실행 중 또는 실행 가능 상태',
      'Interviews › 스레드의 실행제어 › TERMINATED => 스레드 작업이 종료된 상태',
    ]);
  });

  it('1. a heading answered only by a short introduction lists the sub-headings it introduces', () => {
    // reviews s2230, s2241: `그래프 탐색` → "…다음의 두 가지 알고리즘을 기반으로 한다." with neither algorithm named,
    // `Techniques` → "Many string questions fall into one of these buckets." (JaeYeopHan, yangshun).
    expect(inFile('outline').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Data structures › 그래프 탐색 => 그래프는 간선의 연결에 규칙이 없어 탐색이 복잡하다. 따라서 다음의 두 가지 알고리즘을 기반으로 한다. DFS BFS',
      'Data structures › 그래프 탐색 › DFS › 깊이 우선 => 한 갈래를 끝까지 간다',
      'Data structures › 그래프 탐색 › BFS › 너비 우선 => 가까운 정점부터 본다',
      // Callouts that ask their titles are its parts as well (obsidian-help `첨부 파일.md:9`, third round: "the actual ways
      // to add attachments are missing").
      'Data structures › 첨부 파일 추가 => 여러 가지 방법으로 보관함에 첨부 파일을 추가할 수 있어요. 복사 및 붙여넣기로 첨부 파일 추가 드래그 앤 드롭으로 첨부 파일 추가',
      'Data structures › 첨부 파일 추가 › 복사 및 붙여넣기로 첨부 파일 추가 => 노트에 첨부 파일을 직접 붙여넣을 수 있어요.',
      'Data structures › 첨부 파일 추가 › 드래그 앤 드롭으로 첨부 파일 추가 => 파일 시스템에서 열린 편집기로 파일을 드래그해요.',
      // Questions ask of their own: they are no outline of the answer above (review s0010, JaeYeopHan `그래서 정규화란
      // 무엇인가?` ended with its follow-up questions).
      'Data structures › 정규화 => 관계형 데이터베이스에서 중복을 최소화하기 위해 데이터를 구조화하는 작업이다.',
      'Data structures › 정규화 › 함수적 종속성이란 무엇인가? => 애트리뷰트들 간의 상호 관계로부터 유도되는 제약조건의 일종이다.',
      'Data structures › 정규화 › 각각의 정규형은 어떠한 조건을 만족해야 하는가? => 분해 집합 D 는 무손실 조인을 보장해야 한다.',
      // …and a word such as `list` alone asks nothing.
      'Data structures › 텍스트 서식 => 텍스트에 서식 구문을 적용하는 다음 필터가 있어요. list table',
      'Data structures › 텍스트 서식 › list => 배열을 Markdown 목록으로 변환해요.',
      'Data structures › 텍스트 서식 › table => 배열을 Markdown 표로 변환해요.',
      // An answer complete in itself, pointing at nothing after it, gets no outline (reviews s0045, s0112: JaeYeopHan
      // `Generator` "ends with a list of sub-section headings that have no content").
      'Data structures › Generator => Generator는 제네레이터 함수가 호출될 때 반환되는 iterator의 일종이다.',
      'Data structures › Generator › 동작 => yield 구문에서 값을 반환하고 멈춘다.',
      'Data structures › Generator › 이점 => 필요할 때만 값을 만든다.',
    ]);
  });

  it('3. a long answer holding a table of terms is split along its rows; a comparison table and a short answer keep theirs', () => {
    // review s0045: obsidian-help `편집 단축키.md:53`, "11-row shortcut table" as one answer.
    const tables = inFile('tables').map((card) => `${question(card)} => ${card.back}`);
    expect(tables).toContain('편집 단축키 › 텍스트 선택 › 한 글자 선택 => Shift+←, Shift+→');
    expect(tables).toContain('편집 단축키 › 텍스트 선택 › 다음 일치 항목 선택 => Ctrl+D');
    expect(tables.filter((card) => card.startsWith('편집 단축키 › 텍스트 선택 ›'))).toHaveLength(12);
    // Its introduction, a lead-in to the rows, is no card; the table leaves every answer.
    expect(tables.some((card) => card.startsWith('편집 단축키 › 텍스트 선택 =>'))).toBe(false);
    expect(inFile('tables').find((card) => card.front === '비교')?.back).toBe('항목 Windows macOS 복사 Ctrl+C Cmd+C 붙여넣기 Ctrl+V Cmd+V 잘라내기 Ctrl+X Cmd+X');
    expect(inFile('tables').find((card) => card.front === '짧은 표')?.back).toBe('키 뜻 Esc 취소 Enter 확인 Tab 들여쓰기');
    expect(inFile('tables')).toHaveLength(14);
  });

  it("1. an example's heading (`### 예시`) is a part of the section above it, unless that would make its answer too long", () => {
    // review s2250: obsidian-help `Obsidian URI.md:94`, `일일 노트 생성 또는 열기 › 예시` asked for an example nobody can recall.
    expect(inFile('examples').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Obsidian URI › 일일 노트 생성 또는 열기 => daily 작업은 일일 노트를 생성하거나 열어요. 예시 obsidian://daily?vault=my%20vault',
      // 14 lines of code would make `Spiral order` too long: the example stays a section of its own (here long prose).
      'Obsidian URI › Spiral order => Draw the matrix first.',
    ]);
    expect(rules('examples.md', 'prose-section')).toEqual([expect.stringMatching(/^13: "Example" is answered by 14 lines/u)]);
  });

  it('5. a separator inside a sentence splits nothing, and a child that continues its parent is no parent card', () => {
    const logic = inFile('split');
    // Two top sections of split.md: each is asked under the file's name (rule no-topic, sectionTitle).
    expect(logic.map(question)).toEqual(['split › Logic', 'Logic › Soundness', 'Testing › Acceptance testing', 'split › Testing']);
    for (const front of ['⊨ is entailment, with', 'Given 5 documents', 'A Calculus is usually formulated', 'Users can test system', '"Sync']) {
      expect(logic.map((card) => card.front)).not.toContain(front);
    }
    expect(logic[0].back).toBe(
      // `Soundness : …`, the one definition of the list, is a card of its own and still a line of the list.
      '⊨ is entailment, with: a set of sentences on the left and one on the right Given 5 documents: three are relevant A Calculus is usually formulated - as a set of axioms and rules Soundness : every provable sentence is true "Sync: Show Sync history" 옵션을 선택해요',
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
      // Brackets around a whole title are decoration; `[Java] Interview List` would keep its own.
      '비용 함수 (Cost Function)',
      // review s0112: gyoogle `애자일(Agile)2.md`, "Numbering '#1' is left on the front".
      'Agile이 될 조건 (Agile Manifesto)',
    ]);
    for (const card of cards) {
      expect(card.front, question(card)).not.toMatch(/^\s*(?:\d+(?:[.-]\d+)+\.?\s|\d+[.)]\s|[A-Z][.)]\s|\(\d+\)|[①-⑳])/u);
      expect(card.front).not.toMatch(/\u200d|:[a-z_]+:/u);
    }
  });

  it('7. a heading that is only a date (and a duration) makes no card, nor does what is under it', () => {
    // The cards its author asked for in so many words (`Q :: A`, a cloze) are made all the same; a date is no context.
    expect(inFile('journal').map((card) => `${question(card)} => ${card.back}`)).toEqual([
      'Study log › Spaced repetition › Leitner system => boxes of cards reviewed at growing intervals',
      'Study log › 간격 반복 => 복습 간격을 점점 늘려 가는 학습법',
      'Study log › The {{c1::forgetting curve}} was described by Ebbinghaus. => ',
    ]);
    expect(rules('journal.md', 'journal-entry')).toEqual([
      '3: "2023-05-27 (3h)" is a date: a journal entry, not something to learn; no card made from it or what is under it',
      '7: "2023.05.28" is a date: a journal entry, not something to learn; no card made from it or what is under it',
      '13: "2023-05-29" is a date: a journal entry, not something to learn; no card made from it or what is under it',
    ]);
  });

  it("7. a vault's daily notes (.obsidian/daily-notes.json) and files named by a date make no cards", async () => {
    const vault = await build(join(fixtures, 'vault'), dir);
    expect(vault.cards.map((card) => `${question(card)} => ${card.back}`)).toEqual(['Vault › Zettelkasten => notes linked by ideas']);
    expect(vault.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const loose = await build(join(fixtures, 'vault/daily'), dir);
    // A file named by a date is a journal entry; only a card written as `Q :: A` (or a cloze) is made from it.
    expect(loose.cards.map((card) => `${question(card)} => ${card.back}`)).toEqual(['회고 => 지난 일을 돌아보는 것']);
    expect(loose.diagnostics.map((d) => `${d.file.split('/').pop()} ${d.rule}`)).toEqual(['2023-05-29.md journal-entry']);
  });
});

describe('a top section that gained the file title as context (rule no-topic, sectionTitle) keeps its card', () => {
  it("an existing user's lock, written when `## API Key` was asked with no context, rematches it: same GUID, its Context updated", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckgen-section-title-'));
    try {
      const notes = join(dir, 'notes');
      mkdirSync(notes);
      copyFileSync(join(fixtures, 'notes/인증방식.md'), join(notes, '인증방식.md'));
      const lockPath = join(dir, 'deckgen.lock.json');
      const cli = (args: string[]) => runCli(['--notes', notes, '--out', join(dir, 'out'), '--lock', lockPath, '--format', 'apkg', ...args], dir);
      expect(cli([]).status).toBe(0);
      // The lock as the build before this rule wrote it: the question without the title, the GUID its key derived.
      const oldGuid = (question: string) => guidFor('deckgen', 'basic', '인증방식', normalizeText(question));
      // Lock version 3: each note a line `[guid, question, answer signature, fingerprint, note id offset, {…}?]`.
      const lines = readFileSync(lockPath, 'utf8').split('\n').map((line) => {
        const entry = /^\["/.test(line) ? (JSON.parse(line.replace(/,$/, '')) as [string, string, string, string, number, { key?: string }?]) : null;
        if (!entry || !entry[1].startsWith('인증방식 › ')) return line;
        const question = entry[1].slice('인증방식 › '.length);
        const { key: _key, ...extras } = entry[5] ?? {};
        const rest = [oldGuid(question), question, entry[2], `000000:${entry[3].split(':')[1]}`, entry[4], ...(Object.keys(extras).length > 0 ? [extras] : [])];
        return JSON.stringify(rest) + (line.endsWith(',') ? ',' : '');
      });
      writeFileSync(lockPath, lines.join('\n'));
      const rebuilt = JSON.parse(cli(['--json']).stdout) as { changes: { added: unknown[]; removed: unknown[]; rematched: { guid: string; oldQuestion: string; newQuestion: string }[] } };
      expect(rebuilt.changes.added).toEqual([]);
      expect(rebuilt.changes.removed).toEqual([]);
      expect(rebuilt.changes.rematched.map((note) => [note.guid, note.oldQuestion, note.newQuestion])).toEqual([
        [oldGuid('API Key'), 'API Key', '인증방식 › API Key'],
        [oldGuid('OAuth2'), 'OAuth2', '인증방식 › OAuth2'],
      ]);
      const apkg = await readApkg(join(dir, 'out', 'notes.apkg'));
      const apiKey = apkg.notes.find((note) => note.guid === oldGuid('API Key'))!;
      expect([text(apiKey.fields[2]), text(apiKey.fields[0])]).toEqual(['인증방식', 'API Key']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
