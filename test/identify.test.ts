import { describe, expect, it } from 'vitest';
import type { NoteKind, RenderedNote } from '../src/lib/model.js';
import { guidFor } from '../src/lib/identify/guid.js';
import { describeNote, formatPlan, identify, MATCH_THRESHOLD, type LockFile } from '../src/lib/identify/index.js';
import { matchNotes } from '../src/lib/identify/match.js';
import { bigrams, dice, normalizeText, signature, signatureSimilarity } from '../src/lib/identify/normalize.js';

interface Spec {
  front: string;
  back?: string;
  context?: string[];
  deck?: string;
  file?: string;
  line?: number;
  kind?: NoteKind;
  id?: string;
  tags?: string[];
}

/** A RenderedNote as the render stage would hand it over; fields are a stand-in for real HTML. */
function rendered(spec: Spec): RenderedNote {
  const kind = spec.kind ?? 'basic';
  const file = spec.file ?? 'interview.md';
  const context = spec.context ?? [];
  const back = spec.back ?? '';
  const clozeOrds = [...new Set([...spec.front.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]) - 1))].sort((a, b) => a - b);
  return {
    note: {
      kind,
      rule: 'test',
      source: `notes/${file}`,
      relativePath: file,
      absolutePath: `/notes/${file}`,
      position: { line: spec.line ?? 1, column: 1 },
      deck: spec.deck ?? 'Interview',
      context,
      headings: context,
      front: [],
      back: [],
      // As extraction hands it over: cloze markers are nodes, so the text has only the words.
      frontText: spec.front.replace(/\{\{c[\d,]+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1'),
      backText: back,
      tags: spec.tags ?? [file.replace(/\.md$/, '').replace(/\//g, '::')],
      ...(spec.id === undefined ? {} : { explicitId: spec.id }),
    },
    fields: [`<p>${spec.front}</p>`, back === '' ? '' : `<p>${back}</p>`, context.join(' › '), [file, ...context].join(' › ')],
    ords: kind === 'cloze' ? clozeOrds : kind === 'reversed' ? [0, 1] : [0],
    media: [],
  };
}

/** Notes with increasing line numbers, in document order. */
function deck(specs: Spec[]): RenderedNote[] {
  return specs.map((spec, index) => rendered({ line: (index + 1) * 2, ...spec }));
}

const JWT = ['프로젝트에서 사용했었던', 'JWT', '구조'];
const base: Spec[] = [
  { front: '동기', back: '상대방의 일정 신호에 의해, 다음 동작이 진행', context: ['프로젝트에서 사용했었던', '동기 vs 비동기'] },
  { front: '비동기', back: '상대방의 상태와 관계없이 동작', context: ['프로젝트에서 사용했었던', '동기 vs 비동기'] },
  { front: '헤더', back: '토큰 종류와 해시 알고리즘 정보', context: JWT },
  { front: '페이로드', back: '토큰에 들어가는 정보 인코딩 (유저ID, 만료기한 등)', context: JWT },
  { front: '시그니처', back: '토큰 위변조 확인 (시크릿키)', context: JWT },
  { front: 'Bcrypt의 특징은?', back: '속도는 SHA2,3 에 비해 느리지만 그만큼, 공격자가 rainbow table을 쉽게 만들 수 없음', context: ['프로젝트에서 사용했었던'] },
  { kind: 'cloze', front: '컨테이너는 {{c1::프로세스}}, 이미지는 {{c2::실행파일}}로 볼 수 있다.', context: ['컨테이너 vs 이미지'] },
];

const T0 = 1_700_000_000;
const T1 = T0 + 3600;

function build(specs: Spec[], lock: LockFile | null, now: number) {
  return identify(deck(specs), lock, now);
}

function guidsByFront(result: ReturnType<typeof identify>, specs: Spec[]): Map<string, string> {
  return new Map(result.packaged.map((note, index) => [specs[index].front, note.guid]));
}

describe('guidFor (genanki guid_for)', () => {
  it('matches values computed with python hashlib the way genanki does', () => {
    // python3: base91(int.from_bytes(sha256('__'.join(values).encode()).digest()[:8], 'big'))
    expect(guidFor('a')).toBe('IkF(BOZ;]l');
    expect(guidFor('foo', 'bar')).toBe('BY#j^qU/}3');
    expect(guidFor('')).toBe('ME_YHw2?15');
    expect(guidFor('Capital of France', 'Paris')).toBe('hzBi7&,JaT');
    expect(guidFor('deckgen', '면접::프로젝트', 'jwt › 구조 › 시그니처')).toBe('bTM1/le]9J');
    expect(guidFor('deckgen', 'id:my-id')).toBe('e0f1_H~pE0');
  });
});

describe('normalization', () => {
  it('folds Latin case, emphasis and whitespace but keeps other scripts and snake_case', () => {
    expect(normalizeText('  **JWT**  vs\n_OAuth_ 2.0  ')).toBe('jwt vs oauth 2.0');
    expect(normalizeText('snake_case `code` ~~old~~ ==mark==')).toBe('snake_case code old mark');
    expect(normalizeText('Ｊ 시그니처 › x')).toBe('ｊ 시그니처 > x');
    expect(normalizeText('e\u0301')).toBe('\u00e9');
  });
});

describe('answer signatures (what the lock keeps of an answer)', () => {
  const answers = [
    '속도는 SHA2,3 에 비해 느리지만 그만큼, 공격자가 rainbow table을 쉽게 만들 수 없음',
    '상대방의 일정 신호에 의해, 다음 동작이 진행',
    '토큰 위변조 확인 (시크릿키)',
    'work factor로 속도 조절 가능, 느려서 rainbow table 공격이 어려움',
    'the client sends SYN, the server answers SYN-ACK, the client ACK',
  ].map(normalizeText);

  it('is 12 characters, the same for the same text, empty for no answer, and never changes (committed locks hold it)', () => {
    expect(signature(answers[2])).toMatch(/^[\w-]{12}$/);
    expect(signature(answers[2])).toBe(signature(normalizeText('토큰 위변조 확인 (시크릿키)')));
    // Frozen: the seed's lock holds this one for `- 비동기 : 상대방의 상태와 관계없이 동작`.
    expect(signature('상대방의 상태와 관계없이 동작')).toBe('cgxUabG5scxU');
    expect(signature('')).toBe('');
    expect(signatureSimilarity('', '')).toBe(1);
    expect(signatureSimilarity('', signature(answers[0]))).toBe(0);
  });

  it('estimates the bigram Dice similarity of the texts: a typo fix scores high, unrelated answers low', () => {
    const typo = normalizeText('상대방의 일정 신호에 의해, 다음 동작이 진행됨');
    expect(signatureSimilarity(signature(answers[1]), signature(typo))).toBeGreaterThan(0.75);
    for (const [i, a] of answers.entries()) {
      for (const b of answers.slice(i + 1)) {
        const estimate = signatureSimilarity(signature(a), signature(b));
        const actual = dice(bigrams(a), bigrams(b));
        // 24 slots of 3 bits: the estimate's standard error is about 0.1.
        expect(Math.abs(estimate - actual), `${a} / ${b}`).toBeLessThan(0.3);
      }
    }
  });
});

describe('identify: first build', () => {
  it('derives GUIDs from kind, deck and normalized question, and numbers notes in document order', () => {
    const result = build(base, null, T0);
    const sig = result.packaged[4];
    expect(sig.guid).toBe(guidFor('deckgen', 'basic', 'Interview', '프로젝트에서 사용했었던 › jwt › 구조 › 시그니처'));
    expect(result.packaged.map((note) => note.due)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.packaged.every((note) => note.mod === T0 && note.created === T0)).toBe(true);
    expect(result.changes.firstBuild).toBe(true);
    expect(result.changes.added).toHaveLength(7);
    expect(new Set(result.packaged.map((note) => note.guid)).size).toBe(7);
    expect(result.lock.notes.map((entry) => entry.file)).toEqual(base.map(() => 'interview.md'));
    expect(result.changes.added.map((note) => note.source)).toEqual(base.map((_, i) => `interview.md:${(i + 1) * 2}`));
    expect(formatPlan(result.changes)).toMatch(/^First build: 7 notes/);
  });
});

describe('identify: rebuilding after edits', () => {
  const first = build(base, null, T0);
  const before = guidsByFront(first, base);

  it('keeps every GUID and mod when nothing changed', () => {
    const again = build(base, first.lock, T1);
    expect(again.packaged.map((note) => note.guid)).toEqual(first.packaged.map((note) => note.guid));
    expect(again.packaged.every((note) => note.mod === T0 && note.created === T0)).toBe(true);
    expect(again.changes).toMatchObject({ added: [], updated: [], removed: [], rematched: [], unchanged: 7 });
    expect(again.lock).toEqual(first.lock);
  });

  it('keeps the GUID through a typo fix in the question (시그니처 → 시그니쳐) and bumps only its mod', () => {
    const specs = base.map((spec) => (spec.front === '시그니처' ? { ...spec, front: '시그니쳐' } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.packaged[4].guid).toBe(before.get('시그니처'));
    expect(result.changes.rematched).toHaveLength(1);
    expect(result.changes.rematched[0].similarity).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.changes.updated.map((note) => note.guid)).toEqual([before.get('시그니처')]);
    expect(result.changes).toMatchObject({ added: [], removed: [], unchanged: 6 });
    expect(result.packaged.map((note) => note.mod)).toEqual([T0, T0, T0, T0, T1, T0, T0]);
  });

  it('keeps the GUID of a definition moved under another heading', () => {
    const specs = base.map((spec) => (spec.front === '시그니처' ? { ...spec, context: ['프로젝트에서 사용했었던', 'JWT', '특징'] } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.packaged[4].guid).toBe(before.get('시그니처'));
    // As written (issue 13 item 10): the old question from the lock, the new one from the notes.
    expect(result.changes.rematched.map((note) => [note.oldQuestion, note.newQuestion])).toEqual([
      ['프로젝트에서 사용했었던 › JWT › 구조 › 시그니처', '프로젝트에서 사용했었던 › JWT › 특징 › 시그니처'],
    ]);
    expect(result.changes.added).toEqual([]);
  });

  it('keeps every GUID when the notes file (and so its deck and tags) is renamed', () => {
    const specs = base.map((spec) => ({ ...spec, file: 'jobs/backend.md', deck: 'Jobs::Backend' }));
    const result = build(specs, first.lock, T1);
    expect(result.packaged.map((note) => note.guid)).toEqual(first.packaged.map((note) => note.guid));
    expect(result.changes.rematched).toEqual([]); // no question changed: nothing to check
    expect(result.changes.moved).toHaveLength(7);
    expect(result.changes.updated).toHaveLength(7); // the tag follows the file name
    expect(result.changes).toMatchObject({ added: [], removed: [] });
    expect(formatPlan(result.changes)).toContain('Anki keeps existing cards in their old deck');
  });

  it('keeps a cloze note whose text is edited, and warns when its cloze numbers change', () => {
    const specs = base.map((spec) => (spec.kind === 'cloze' ? { ...spec, front: '컨테이너는 {{c1::프로세스}}, 이미지는 실행 파일로 볼 수 있다!' } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.packaged[6].guid).toBe(first.packaged[6].guid);
    expect(result.changes.renumbered).toEqual([expect.objectContaining({ oldOrds: [0, 1], newOrds: [0] })]);
    expect(formatPlan(result.changes)).toContain('c1,c2 → c1');
  });

  it('gives an added note exactly one new GUID and leaves the others alone', () => {
    const specs = [...base, { front: 'ORM', back: 'Object-relational-mapping', context: ['ORM', '정의'] }];
    const result = build(specs, first.lock, T1);
    expect(result.packaged.slice(0, 7).map((note) => note.guid)).toEqual(first.packaged.map((note) => note.guid));
    expect(result.changes.added).toEqual([{ guid: result.packaged[7].guid, question: 'ORM › 정의 › ORM', source: 'interview.md:16' }]);
    expect(result.packaged[7]).toMatchObject({ mod: T1, created: T1, due: 8 });
    expect(first.lock.notes.some((entry) => entry.guid === result.packaged[7].guid)).toBe(false);
  });

  it('reports a deleted note as removed, with an Anki search to find it, and drops it from the lock', () => {
    const specs = base.filter((spec) => spec.front !== '비동기');
    const result = build(specs, first.lock, T1);
    expect(result.changes.removed).toEqual([
      expect.objectContaining({ guid: before.get('비동기'), question: '프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기', source: 'interview.md', nid: first.packaged[1].noteId }),
    ]);
    expect(result.lock.notes.map((entry) => entry.guid)).not.toContain(before.get('비동기'));
    // Remembered (GUID, note id, question, date) until cleared or REMOVED_DAYS old.
    expect(result.lock.removed).toEqual([
      { guid: before.get('비동기'), nid: first.packaged[1].noteId, kind: 'basic', deck: 'Interview', question: '프로젝트에서 사용했었던 › 동기 vs 비동기 › 비동기', removed: T1 },
    ]);
    expect(result.changes.rematched).toEqual([]);
    const text = formatPlan(result.changes);
    expect(text).toContain('never deletes');
    expect(text).toContain(`nid:${first.packaged[1].noteId}`);
    // --quiet keeps the warnings only: the removed note and its search, no summary or lists of updates.
    const quiet = formatPlan(result.changes, { verbosity: 'quiet' });
    expect(quiet).not.toContain('notes:');
    expect(quiet).toContain('Removed — an Anki import never deletes notes');
    expect(quiet).toContain(`nid:${first.packaged[1].noteId}`);
    expect(formatPlan(build(base, first.lock, T1).changes, { verbosity: 'quiet' }).trim()).toBe('');
    // The next build still lists it; after REMOVED_DAYS it is forgotten.
    const again = build(specs, result.lock, T1 + 86_400);
    expect(again.changes.removed).toEqual([]);
    expect(again.changes.removedEarlier.map((note) => note.guid)).toEqual([before.get('비동기')]);
    expect(build(specs, result.lock, T1 + 31 * 86_400).lock.removed).toEqual([]);
    // Written again, it takes its GUID and note id back and leaves the list.
    const back = build(base, result.lock, T1 + 60);
    expect(back.packaged[1]).toMatchObject({ guid: before.get('비동기'), noteId: first.packaged[1].noteId });
    expect(back.lock.removed).toEqual([]);
  });

  it('an edited answer updates that note only and its mod always moves forward', () => {
    const specs = base.map((spec) => (spec.front === '헤더' ? { ...spec, back: '토큰 종류(typ)와 해시 알고리즘(alg) 정보' } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.changes.updated.map((note) => note.guid)).toEqual([before.get('헤더')]);
    expect(result.changes.rematched).toEqual([]); // the question did not change: exact match
    expect(result.packaged.map((note) => note.mod)).toEqual([T0, T0, T1, T0, T0, T0, T0]);
    // Same second as the last build: Anki needs a strictly newer mod to update.
    const sameSecond = build(specs, first.lock, T0);
    expect(sameSecond.packaged[2].mod).toBe(T0 + 1);
    expect(sameSecond.packaged[2].created).toBe(T0);
  });

  it('does not hand a replaced note the GUID of an unrelated removed one', () => {
    const specs = base.map((spec) => (spec.front === '페이로드' ? { front: '만료기한', back: 'exp 클레임으로 지정', context: JWT } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.changes.added).toHaveLength(1);
    expect(result.changes.removed.map((note) => note.guid)).toEqual([before.get('페이로드')]);
    expect(result.changes.rematched).toEqual([]);
  });

  it('warns when a rewritten question becomes a new card while a similar removed note exists', () => {
    const specs = base.map((spec) => (spec.front === 'Bcrypt의 특징은?' ? { ...spec, front: 'Bcrypt를 쓰는 이유는?', back: 'work factor로 속도 조절 가능, 느려서 rainbow table 공격이 어려움' } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.changes.added).toHaveLength(1);
    expect(result.changes.nearMisses).toEqual([expect.objectContaining({ oldGuid: before.get('Bcrypt의 특징은?') })]);
    expect(formatPlan(result.changes)).toContain('its review history stays with the old card');
  });

  it('never reuses a GUID: a kind change gets a fresh GUID although deck and question are unchanged', () => {
    const specs = base.map((spec) => (spec.front === '헤더' ? { ...spec, kind: 'reversed' as const } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.packaged[2].guid).not.toBe(before.get('헤더'));
    expect(result.changes.removed.map((note) => note.guid)).toEqual([before.get('헤더')]);
  });
});

describe('identify: files skipped for an error', () => {
  const other: Spec[] = [{ front: 'ORM', back: 'Object-relational mapping', context: ['ORM'], file: 'db.md', deck: 'db', line: 3 }];
  const first = build([...base, ...other], null, T0);
  const typo = base.map((spec) => (spec.front === '시그니처' ? { ...spec, front: '시그니쳐' } : spec));
  const kept = build([...typo, ...other], first.lock, T1);

  it('carries their lock entries unchanged, takes their GUIDs and leaves them out of the package and of "removed"', () => {
    const broken = identify(deck(other), kept.lock, T1 + 10, { filesWithErrors: ['interview.md'] });
    expect(broken.packaged.map((note) => note.guid)).toEqual([kept.packaged[7].guid]);
    expect(broken.lock).toEqual(kept.lock);
    expect(broken.changes).toMatchObject({ removed: [], added: [], unchanged: 1 });
    expect(broken.changes.inFilesWithErrors.map((note) => note.guid).sort()).toEqual(kept.packaged.slice(0, 7).map((note) => note.guid).sort());
    expect(formatPlan(broken.changes)).toContain('1 notes: 0 added, 0 updated, 1 unchanged, 0 removed. 7 notes of files with errors kept in the lock unchanged.');
    // Once the file is fixed, the note kept by similarity still has its first GUID and mod.
    const fixed = build([...typo, ...other], broken.lock, T1 + 20);
    expect(fixed.packaged[4].guid).toBe(first.packaged[4].guid);
    expect(fixed.packaged.map((note) => note.mod)).toEqual(kept.packaged.map((note) => note.mod));
  });

  it('never gives a carried GUID to a new note', () => {
    // The same question written in another file of the same deck while its own file is broken.
    const moved = [{ ...base[0], file: 'elsewhere.md', line: 1 }];
    const result = build(moved, first.lock, T1);
    expect(result.packaged[0].guid).toBe(first.packaged[0].guid); // not broken: an ordinary move
    const carried = identify(deck(moved), first.lock, T1, { filesWithErrors: ['interview.md'] });
    expect(first.lock.notes.map((entry) => entry.guid)).not.toContain(carried.packaged[0].guid);
    expect(new Set(carried.lock.notes.map((entry) => entry.guid)).size).toBe(carried.lock.notes.length);
  });
});

describe('identify: explicit ids', () => {
  it('keeps the GUID of a note with an id through a total rewrite', () => {
    const specs = [...base, { front: 'OAuth2.0', back: '토큰을 발급하고 인증하는 프레임워크', context: ['OAuth2.0'], id: 'oauth' }];
    const first = build(specs, null, T0);
    expect(first.packaged[7].guid).toBe(guidFor('deckgen', 'id', 'oauth'));
    // The GUID is the id's own, so the lock needs no key to know which note it is.
    expect(first.lock.notes.find((entry) => entry.id === 'oauth')?.key).toBeUndefined();
    const rewritten = [...base, { front: 'What is OAuth 2.0?', back: 'An authorization framework', context: ['Security'], deck: 'Security', file: 'security.md', id: 'oauth' }];
    const result = build(rewritten, first.lock, T1);
    expect(result.packaged[7].guid).toBe(first.packaged[7].guid);
    expect(result.changes).toMatchObject({ added: [], removed: [], rematched: [] });
  });

  it('keeps the GUID when an id is added to an existing note', () => {
    const first = build(base, null, T0);
    const specs = base.map((spec) => (spec.front === '헤더' ? { ...spec, id: 'jwt-header' } : spec));
    const result = build(specs, first.lock, T1);
    expect(result.packaged[2].guid).toBe(first.packaged[2].guid);
    expect(result.lock.notes.find((entry) => entry.guid === first.packaged[2].guid)?.id).toBe('jwt-header');
    expect(result.changes.rematched).toEqual([]); // same question
  });

  it('warns about an id used twice and still gives distinct GUIDs', () => {
    const result = build([{ front: 'a', back: 'x', id: 'same' }, { front: 'b', back: 'y', id: 'same' }], null, T0);
    expect(result.packaged[0].guid).not.toBe(result.packaged[1].guid);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'duplicate-id', severity: 'warning', line: 4 })]);
  });
});

describe('identify: GUIDs are never given twice', () => {
  it('two identical new notes get distinct, deterministic GUIDs', () => {
    const twins: Spec[] = [{ front: '장점', back: '생산성 증가', context: ['Django'] }, { front: '장점', back: '생산성 증가', context: ['Django'] }];
    const result = build(twins, null, T0);
    const [a, b] = result.packaged.map((note) => note.guid);
    expect(a).not.toBe(b);
    expect(a).toBe(guidFor('deckgen', 'basic', 'Interview', 'django › 장점'));
    expect(b).toBe(guidFor('deckgen', 'basic', 'Interview', 'django › 장점', '2'));
    expect(build(twins, null, T0).packaged.map((note) => note.guid)).toEqual([a, b]);
  });

  it('two near-identical new notes next to a removed one do not share its GUID', () => {
    const first = build([{ front: '장점', back: '다양한 라이브러리', context: ['Django'] }], null, T0);
    const result = build([
      { front: '장점', back: '다양한 라이브러리 -> 생산성 증가', context: ['Django'] },
      { front: '장점', back: '다양한 라이브러리 -> 생산성 증가!', context: ['Django'] },
    ], first.lock, T1);
    const guids = result.packaged.map((note) => note.guid);
    expect(new Set(guids).size).toBe(2);
    expect(guids).toContain(first.packaged[0].guid);
    expect(result.changes.added).toHaveLength(1);
  });

  it('deleting the first of two identical notes leaves the second its own GUID', () => {
    const twins: Spec[] = [{ front: '장점', back: '보안 관련 기능 제공', context: ['Django'] }, { front: '장점', back: 'ORM 제공', context: ['Django'] }];
    const first = build(twins, null, T0);
    const result = build([{ ...twins[1], line: 4 }], first.lock, T1);
    expect(result.packaged[0].guid).toBe(first.packaged[1].guid);
    expect(result.changes.removed.map((note) => note.guid)).toEqual([first.packaged[0].guid]);
  });

  it('a new note whose derived GUID belongs to a note removed in the same build gets another one', () => {
    const first = build([{ front: 'JWT', back: 'JSON Web Token' }], null, T0);
    const collision = build([{ front: 'JWT', back: 'different' }, { front: 'JWT', back: 'JSON Web Token' }], first.lock, T1);
    expect(new Set(collision.packaged.map((note) => note.guid)).size).toBe(2);
  });

  it('a question re-added a build after its deletion gets the old GUID again (docs/identity.md): Anki updates the old note', () => {
    const first = build([{ front: 'JWT', back: 'JSON Web Token' }, { front: 'OAuth', back: 'framework' }], null, T0);
    const deleted = build([{ front: 'OAuth', back: 'framework' }], first.lock, T1);
    expect(deleted.lock.notes.map((entry) => entry.guid)).not.toContain(first.packaged[0].guid); // no tombstones
    const back = build([{ front: 'JWT', back: 'JSON Web Token' }, { front: 'OAuth', back: 'framework' }], deleted.lock, T1 + 10);
    expect(back.packaged[0].guid).toBe(first.packaged[0].guid); // derived from the same kind, deck and question
    expect(back.changes.added.map((note) => note.guid)).toEqual([first.packaged[0].guid]);
  });
});

describe('identify: scale', () => {
  it('10,000 notes with 100 edited questions, 50 removed and 50 added: all compared within budget, history kept', () => {
    const specs: Spec[] = Array.from({ length: 10_000 }, (_, i) => ({
      front: `질문 ${i} 에 대한 개념 설명 term-${i}`,
      back: `답변 ${i}: 설명 문장 ${i * 7} 과 예시 ${i % 97}`,
      context: [`Chapter ${Math.floor(i / 100)}`, `Section ${Math.floor(i / 10)}`],
      file: `part-${String(Math.floor(i / 1000)).padStart(2, '0')}.md`,
      line: (i % 1000) * 3 + 1,
    }));
    const first = build(specs, null, T0);
    const edited = specs.map((spec, i) => (i % 100 === 0 ? { ...spec, front: `${spec.front} (수정됨)` } : spec));
    const next = [...edited.filter((_, i) => i % 200 !== 50), ...Array.from({ length: 50 }, (_, i) => ({ front: `새 질문 ${i}`, back: `새 답 ${i}`, file: 'zz-new.md', line: i + 1 }))];
    // Speed is measured by `npm run bench`; here: the comparison budget is not exhausted, so nothing was guessed.
    const result = build(next, first.lock, T1);
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('identity-budget');
    expect(result.changes.rematched).toHaveLength(100);
    expect(result.changes.added).toHaveLength(50);
    expect(result.changes.removed).toHaveLength(50);
    expect(new Set(result.packaged.map((note) => note.guid)).size).toBe(next.length);
  });

  it('caps the comparison work and says so', () => {
    const notes = deck(Array.from({ length: 30 }, (_, i) => ({ front: `new question ${i}`, back: `new answer ${i}` }))).map(describeNote);
    const old = build(Array.from({ length: 30 }, (_, i) => ({ front: `old question ${i}`, back: `old answer ${i}` })), null, T0).lock.notes;
    expect(matchNotes(notes, old, { budget: 10 }).budgetExhausted).toBe(true);
    expect(matchNotes(notes, old).budgetExhausted).toBe(false);
  });

  it('matches notes whose text is unchanged without spending the comparison budget', () => {
    const specs = (heading: string): Spec[] => Array.from({ length: 600 }, (_, i) => ({ front: `term ${i}`, back: `definition ${i}`, context: [heading] }));
    const old = build(specs('Chapter 1'), null, T0).lock.notes;
    const result = matchNotes(deck(specs('Chapter One')).map(describeNote), old, { budget: 0 });
    expect(result.budgetExhausted).toBe(false);
    expect(result.matches.map((match) => match?.entry)).toEqual(old.map((_, i) => i));
  });
});
