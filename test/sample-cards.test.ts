/**
 * The quality harness (bench/sample-cards.ts, docs/card-review.md): the sample
 * is spread over folders as documented, a cloze is shown with its gap hidden,
 * and card ids are stable from one build to the next so verdicts join back.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_PER_FOLDER, sample, shares, showCloze } from '../bench/sample-cards.js';
import { score } from '../bench/score-cards.js';
import { workspace } from './helpers/cli.js';

describe('sample-cards', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = workspace(files);
    dirs.push(dir);
    return join(dir, 'notes');
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('gives each folder at least 5 cards and the rest in proportion to the square root of its notes', () => {
    const counts = [568, 629, 1738, 1947, 70, 752];
    const take = shares(counts, 120);
    expect(take.reduce((a, b) => a + b, 0)).toBe(120);
    for (const n of take) expect(n).toBeGreaterThanOrEqual(MIN_PER_FOLDER);
    // 1947 notes get about sqrt(1947 / 70) ≈ 5 times as many as 70 notes, not 28 times.
    expect(take[3] / take[4]).toBeGreaterThan(2);
    expect(take[3] / take[4]).toBeLessThan(6);
    expect(shares([3, 1000], 20)).toEqual([3, 17]);
  });

  it('hides the asked cloze, shows the others, and reveals it on the answer', () => {
    const html = '{{c1::TCP}} 연결은 {{c2::3-way handshake::과정}}로 시작';
    expect(showCloze(html, 1, 'question')).toBe('TCP 연결은 <span class="cloze">[과정]</span>로 시작');
    expect(showCloze(html, 0, 'question')).toBe('<span class="cloze">[…]</span> 연결은 3-way handshake로 시작');
    expect(showCloze(html, 1, 'answer')).toBe('TCP 연결은 <span class="cloze">3-way handshake</span>로 시작');
  });

  it('shows a loose list item on its bullet, a nested list indented, and an image as an image, as Anki draws them', async () => {
    // gyoogle `Language/[C] 동적할당.md`: items set apart by blank lines are paragraphs inside <li>.
    const notes = folder({
      'c.md': '# 동적할당\n- 함수(Function)\n\n  - 메모리 할당 함수 : malloc\n\n    - `void* malloc(size_t size)`\n\n    - 메모리 할당은 size_t 크기만큼 할당해준다.\n\n  - 메모리 해제 함수 : free\n\n    - `void free(void* ptr)`\n',
      'cv.md': '# Cross Validation\n## 계층별 k-겹 교차검증\n각 클래스별 비율을 고려하여 fold를 구성하는 방법이다.\n\n![stratified k-fold](https://example.com/stratified-kfold.png)\n',
    });
    const { chosen } = await sample([notes], 10, '1');
    const answerTo = (front: string) => chosen.find(({ card }) => card.question.split('\n').pop() === front)?.card;
    const functions = answerTo('함수(Function)')!;
    expect(functions.html.Back).toContain('<li>\n<p>메모리 할당 함수');
    expect(functions.answer).toBe('• 메모리 할당 함수 : malloc\n\n  • void* malloc(size_t size)\n\n  • 메모리 할당은 size_t 크기만큼 할당해준다.\n\n• 메모리 해제 함수 : free\n\n  • void free(void* ptr)');
    expect(answerTo('계층별 k-겹 교차검증')!.answer).toBe('각 클래스별 비율을 고려하여 fold를 구성하는 방법이다.\n\n[image: stratified k-fold]');
  });

  it('shows a table row by row between bars, so a one-row table drawn as a picture reads as a row of boxes', async () => {
    // JaeYeopHan `OS/README.en.md:359`: the memory drawn as a header row with no body.
    const notes = folder({
      'os.md': '# OS\n## Fragmentation\nFree spaces too small to be used: fragmentation.\n\n| `Process A` | free | `Process B` |\n| --- | --- | --- |\n\n## HTTP 메서드\n| 메서드 | 역할 |\n| --- | --- |\n| GET | 데이터를 조회한다. |\n',
    });
    const { chosen } = await sample([notes], 10, '1');
    const answerTo = (front: string) => chosen.find(({ card }) => card.question.split('\n').pop() === front)!.card.answer;
    expect(answerTo('Fragmentation')).toBe('Free spaces too small to be used: fragmentation.\n\n| Process A | free | Process B |');
    expect(answerTo('HTTP 메서드')).toBe('| 메서드 | 역할 |\n| GET | 데이터를 조회한다. |');
  });

  it('shows cards as a reader sees them, with the same ids on every build, and scores verdicts per folder', async () => {
    const notes = folder({
      'net.md': '# 네트워크\n## TCP\n- 흐름 제어 : 수신자가 처리할 수 있는 만큼만 보낸다\n- TCP 연결은 ==3-way handshake==로 시작한다\n- 장점\n  - 신뢰성\n  - 순서 보장\n',
    });
    const other = folder({ 'a.md': '# A\n- x : y\n' });
    const first = await sample([notes, other], 10, '7');
    const again = await sample([notes, other], 10, '7');
    expect(first.chosen.map(({ card }) => card.id)).toEqual(again.chosen.map(({ card }) => card.id));
    expect(first.summary.map(({ sampled }) => sampled)).toEqual([3, 1]);
    const byFront = (line: string) => first.chosen.find(({ card }) => card.question.split('\n').pop() === line)!;
    expect(byFront('흐름 제어').card.question).toBe('[네트워크 › TCP]\n흐름 제어');
    expect(byFront('흐름 제어').card.answer).toBe('수신자가 처리할 수 있는 만큼만 보낸다');
    expect(byFront('장점').card.answer).toBe('• 신뢰성\n• 순서 보장');
    expect(byFront('TCP 연결은 […]로 시작한다').card.answer).toBe('TCP 연결은 3-way handshake로 시작한다');
    expect(byFront('흐름 제어').key).toMatchObject({ folder: 'notes', source: 'net.md:3', deck: 'net', ord: 0 });

    const keys = first.chosen.map(({ key }) => key);
    const verdicts = [{ id: keys[0].id, verdict: 'good' as const }, { id: keys[1].id, verdict: 'junk' as const, category: 'boilerplate' }];
    const scored = score(keys, verdicts);
    expect(scored.overall).toEqual({ good: 1, weak: 0, junk: 1, total: 2 });
    expect(scored.categories.get('junk boilerplate')).toEqual([keys[1].id]);
    expect(scored.missing).toEqual(keys.slice(2).map((key) => key.id));
  });
});
