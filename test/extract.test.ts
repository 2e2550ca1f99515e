import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardText, extract } from './helpers/extract.js';

const cards = (markdown: string, path?: string) => extract(markdown, path).notes.map(cardText);

describe('definition rule', () => {
  it.each([
    ['- 헤더 : 토큰 종류와 해시 알고리즘 정보', '헤더 => 토큰 종류와 해시 알고리즘 정보'],
    ['- TCP: 연결형 프로토콜', 'TCP => 연결형 프로토콜'],
    ['- 전송 단위：프레임', '전송 단위 => 프레임'],
    ['- REST - 자원을 이름으로 구분', 'REST => 자원을 이름으로 구분'],
    ['- JWT — JSON Web Token', 'JWT => JSON Web Token'],
    ['- 용어 :: 정의', '용어 => 정의'],
    ['- **TCP**: 연결형 프로토콜', 'TCP => 연결형 프로토콜'],
    ['- `git stash`: 임시 저장', 'git stash => 임시 저장'],
    ['- [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110): HTTP 의미론', 'RFC 9110 => HTTP 의미론'],
    // A request is a question with its answer, and a noun ending like a sentence is still a term.
    ['- 프로세스와 스레드의 차이를 설명해주세요: 자원 공유 여부', '프로세스와 스레드의 차이를 설명해주세요 => 자원 공유 여부'],
    ['- AWS 람다 : 서버리스 함수', 'AWS 람다 => 서버리스 함수'],
    ['- 예외 처리 : try-catch', '예외 처리 => try-catch'],
    // A gloss in brackets is part of the term, not words of a sentence (review s0010, JaeYeopHan `DataStructure/README.md:95`).
    ['- Terminal Node ( = leaf Node, 단말 노드) : 하위에 다른 노드가 연결되어 있지 않은 노드', 'Terminal Node ( = leaf Node, 단말 노드) => 하위에 다른 노드가 연결되어 있지 않은 노드'],
  ])('splits %j', (markdown, expected) => {
    expect(cards(`# T\n${markdown}`)).toEqual([`T › ${expected}`]);
  });

  it.each([
    ['a time', '- 회의는 10:30 에 시작'],
    // (`- http://example.com 참고` only points to the URL: rules/cross-reference.ts, no card at all.)
    ['a URL', '- http://example.com 에서 내려받는다'],
    ['code', '- `std::vector` 는 동적 배열이다'],
    ['code with a colon-space', '- `a : b` 는 코드'],
    ['an example marker', '- ex) 동기 : 전화 통화'],
    ['a moment of a worked example', '- t1 : 프로세스1이 자원1을 얻음'],
    ['a transaction of a worked example', '- T2 : 계좌 B를 잠그고 계좌 A를 기다림'],
    ['an aside label', '- **참고**: 재연결하면 일부 설정이 이미 켜져 있을 수 있어요'],
    ['an aside label in English', '- Note: restart the app after changing this'],
    ['an example label', '- 예시: `[1,2,3].reverse()`는 `[3,2,1]`을 반환해요'],
    ['an example label with a parenthesis', '- 예시 (합계): `[1,2,3].reduce(acc + value, 0)`는 `6`을 반환해요'],
    ['an example label in English', '- Example: given an array `[2, 3, 6]`, `[3, 6]` is a subarray'],
    ['a numbered example label', '- Example 2 - the same with a set'],
    ['a Korean sentence before the colon', '- 음수 인덱스는 끝에서부터 세요: `"hello"|slice:-3`은 `"llo"`를 반환해요'],
    ['a Korean plain-style sentence before the colon', '- DNS는 캐시를 확인 합니다: 브라우저 캐시부터'],
    ['a sentence before the separator', '- 잘못된 구현은 성능 저하로 이어지는 경우가 아주 많다 - 캐싱 등'],
    ['an arrow', '- 기획 -> 설계 -> 개발'],
    ['a dash inside parentheses', '- 컴파일 과정 (전단부 - 중단부 - 후단부)'],
    ['a bold word followed by a time', '- **회의**는 10:30'],
  ])('does not split %s', (_why, markdown) => {
    const notes = extract(`# T\n${markdown}`).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0].rule).toBe('list');
    expect(notes[0].frontText).toBe('T');
  });

  it('keeps inline code whole in the answer', () => {
    const [note] = extract('# C++\n- vector : `std::vector<int>` 는 동적 배열').notes;
    expect(note.frontText).toBe('vector');
    expect(note.back.some((node) => node.type === 'inlineCode' && node.value === 'std::vector<int>')).toBe(true);
  });
});

describe('parent rule', () => {
  it('asks for the children of a short parent, and children definitions get their own cards', () => {
    expect(cards('# 동기\n- example\n  - 동기 : 받을 준비\n  - 비동기 : 채팅 서버')).toEqual([
      '동기 › example => 동기 : 받을 준비 비동기 : 채팅 서버',
      '동기 › example › 동기 => 받을 준비',
      '동기 › example › 비동기 => 채팅 서버',
    ]);
  });

  it('a heading inside a bullet is its question, an indented paragraph its answer', () => {
    expect(cards('# OS\n- ##### 2단계 디렉터리\n\n  > 사용자에게 개별적인 디렉터리 만들어줌')).toEqual(['OS › 2단계 디렉터리 => 사용자에게 개별적인 디렉터리 만들어줌']);
  });

  it('a bullet that starts with a nested list is not a question with an empty front', () => {
    const notes = extract('# P\n- 1) 첫째 조건\n  2) 둘째 조건').notes;
    expect(notes.map(cardText)).toEqual(['P => 첫째 조건 둘째 조건']);
  });

  it('a long parent sentence joins the list run instead of becoming a question', () => {
    const notes = extract('# L\n- 통신의 맨 아래 단계, 주로 전기적 특성을 이용해 데이터 전송\n  - 통신 단위 : 비트').notes;
    expect(notes.map((n) => `${n.rule}: ${cardText(n)}`)).toEqual([
      'list: L => 통신의 맨 아래 단계, 주로 전기적 특성을 이용해 데이터 전송 통신 단위 : 비트',
      'definition: L › 통신 단위 => 비트',
    ]);
  });
});

describe('list rule', () => {
  it('makes one card per heading from plain bullets, keeping order for ordered lists', () => {
    const [note] = extract('## 배포\n1. 기획\n2. 설계\n3. 개발').notes;
    expect(cardText(note)).toBe('배포 => 기획 설계 개발');
    expect(note.back[0]).toMatchObject({ type: 'list', ordered: true });
  });

  it('joins lists under the same heading into one card', () => {
    expect(cards('# A\n- one\n- two\n\n- three')).toEqual(['A => one two three']);
  });

  it('uses the file name when there is no heading', () => {
    expect(cards('- one\n- two', 'cs/network.md')).toEqual(['network => one two']);
  });
});

describe('section rule', () => {
  it('answers a heading with the prose, math and images under it, in document order', () => {
    const [note] = extract('### 고유벡터란?\n정방행렬 $A$ 에 대해\n\n$$\nAx = \\lambda x\n$$\n\n![고유벡터](img/e.png)\n\n- 참고 항목').notes;
    expect(note.rule).toBe('section');
    expect(note.frontText).toBe('고유벡터란?');
    expect(note.back.map((block) => block.type)).toEqual(['paragraph', 'math', 'paragraph', 'list']);
  });

  it('leaves out a preamble before the first heading, link-only paragraphs and paragraphs that are cards', () => {
    const notes = extract('Intro text.\n\n# T\n[link](https://x.y)\n\nQ :: A\n\nReal answer.').notes;
    expect(notes.map((n) => `${n.rule}: ${cardText(n)}`)).toEqual(['explicit: T › Q => A', 'section: T => Real answer.']);
  });
});

describe('pseudo-heading rule', () => {
  it('treats a short numbered item followed by unindented bullets as context', () => {
    expect(cards('### JWT\n1. 구조\n - 헤더 : 정보\n 2. 특징\n - 세션 없음')).toEqual(['JWT › 구조 › 헤더 => 정보', 'JWT › 특징 => 세션 없음']);
  });

  it('treats a line of only bold text (also quoted) as context for what follows', () => {
    expect(cards('## 토폴로지\n> **Star**\n\n중앙 노드로 소통\n\n- `장점`: 관리가 용이\n\n**Bus**\n\n- `장점`: 추가가 쉬움')).toEqual([
      '토폴로지 › Star => 중앙 노드로 소통',
      '토폴로지 › Star › 장점 => 관리가 용이',
      '토폴로지 › Bus › 장점 => 추가가 쉬움',
    ]);
  });

  it('takes a bold line set apart in a quote for a heading even when it is long', () => {
    expect(cards('# OS\n> **응답시간 vs 작업 처리량 vs 자원 활용도**\n\n- 응답시간 : 요청부터 응답까지\n\n> **I/O Bounded 프로세스 vs Compute-bounded 프로세스**\n\n- I/O Bounded 프로세스 : I/O 대기시간이 긴 프로세스')).toEqual([
      'OS › 응답시간 vs 작업 처리량 vs 자원 활용도 › 응답시간 => 요청부터 응답까지',
      'OS › I/O Bounded 프로세스 vs Compute-bounded 프로세스 › I/O Bounded 프로세스 => I/O 대기시간이 긴 프로세스',
    ]);
  });

  it('reads a numbered step under a question as part of its answer, not a question of its own', () => {
    expect(cards('## 접속 과정을 설명해주세요.\n\n> **1단계**\n\nDHCP로 IP 주소를 받는다.\n\n> **2단계**\n\nDNS로 IP 주소를 찾는다.')).toEqual([
      '접속 과정을 설명해주세요. => 1단계 DHCP로 IP 주소를 받는다. 2단계 DNS로 IP 주소를 찾는다.',
    ]);
  });

  it('leaves bold text inside a sentence alone', () => {
    expect(cards('# A\n**TCP** is reliable.\n\n- x')).toEqual(['A => TCP is reliable. x']);
  });

  it('leaves a real numbered list alone', () => {
    expect(cards('# Steps\n1. 기획\n2. 설계')).toEqual(['Steps => 기획 설계']);
  });
});

describe('explicit syntaxes', () => {
  it('Q :: A is one basic card, Q ::: A is reversed', () => {
    const notes = extract('What does HTTP stand for? :: HyperText Transfer Protocol\nCapital of France ::: Paris').notes;
    expect(notes.map((n) => [n.kind, n.frontText, n.backText])).toEqual([
      ['basic', 'What does HTTP stand for?', 'HyperText Transfer Protocol'],
      ['reversed', 'Capital of France', 'Paris'],
    ]);
  });

  it('a line with only ? splits a multi-line card', () => {
    const [note] = extract('# Q\nWhy is the sky blue?\nThink of scattering.\n?\nRayleigh scattering\nof sunlight').notes;
    expect([note.frontText, note.backText]).toEqual(['Why is the sky blue? Think of scattering.', 'Rayleigh scattering of sunlight']);
  });

  it('never splits std::vector outside code', () => {
    expect(extract('# C\n- std::vector is a dynamic array').notes[0].rule).toBe('list');
  });
});

describe('context, tags, decks, ids', () => {
  it('tags notes with the file and heading path, front matter tags and inline #tags', () => {
    const [note] = extract('---\ntags: [cs, "big topic"]\n---\n# Net work\n## TCP #network/osi\n- SYN : 연결 요청 #중요', 'interview.md').notes;
    expect(note.tags).toEqual(['interview::Net_work::TCP', 'cs', 'big_topic', 'network::osi', '중요']);
    expect(note.frontText).toBe('SYN');
    expect(note.backText).toBe('연결 요청');
  });

  it('derives decks from the path, front matter deck wins', () => {
    expect(extract('- a : b', 'cs/network.md').notes[0].deck).toBe('cs::network');
    expect(extract('- a : b', 'cs/README.md').notes[0].deck).toBe('cs');
    expect(extract('---\ndeck: 면접::네트워크\n---\n- a : b', 'x.md').notes[0].deck).toBe('면접::네트워크');
  });

  it('skips files with cards: false', () => {
    expect(extract('---\ncards: false\n---\n- a : b').notes).toEqual([]);
  });

  it('takes explicit ids out of the text', () => {
    const notes = extract('- a : b ^my-id\n- c : d <!-- id: other -->').notes;
    expect(notes.map((n) => [n.explicitId, n.backText])).toEqual([
      ['my-id', 'b'],
      ['other', 'd'],
    ]);
  });

  it('reports positions of the bullet', () => {
    expect(extract('# A\n\n- x : y').notes[0].position).toEqual({ line: 3, column: 1 });
  });
});

describe('the user\'s notes (notes/interview.md)', () => {
  const text = readFileSync(new URL('../notes/interview.md', import.meta.url), 'utf8');
  const { notes, diagnostics } = extract(text, 'interview.md');
  const find = (front: string, context: string) => notes.find((n) => n.frontText === front && n.context.includes(context));

  it('asks 헤더 in the JWT › 구조 context', () => {
    const note = find('헤더', 'JWT');
    expect(note?.context.slice(-2)).toEqual(['JWT', '구조']);
    expect(note?.backText).toBe('토큰 종류와 해시 알고리즘 정보');
    expect(note?.tags.some((tag) => tag.split('::').includes('JWT'))).toBe(true);
  });

  it('asks 통신 단위 under 물리 계층 (tab-indented, after a pseudo-heading)', () => {
    const note = find('통신 단위', '물리 계층');
    expect(note?.backText).toBe('비트');
  });

  it('makes at least 30 cards, none with an empty side', () => {
    expect(notes.length).toBeGreaterThanOrEqual(30);
    for (const note of notes) {
      expect(note.frontText).not.toBe('');
      expect(note.backText).not.toBe('');
    }
  });

  it('reports the empty CORS bullet and the link-only bullets', () => {
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`).sort()).toEqual([
      '71:1 info link-only',
      '72:1 info link-only',
      '81:1 warning empty-bullet',
    ]);
  });
});

describe('reference-style links', () => {
  it('are resolved into the card, so they do not render as literal brackets', () => {
    const [note] = extract('# R\n- RFC : [HTTP/1.1][rfc] 참고 ![그림][img]\n\n[rfc]: https://www.rfc-editor.org/rfc/rfc9112\n[img]: img/a.png').notes;
    expect(note.back.map((node) => node.type)).toEqual(['link', 'text', 'image']);
    expect(note.back[0]).toMatchObject({ url: 'https://www.rfc-editor.org/rfc/rfc9112' });
    expect(note.back[2]).toMatchObject({ url: 'img/a.png', alt: '그림' });
  });
});

describe('tables of contents', () => {
  it('make no cards: a linked bullet with children is not a question', () => {
    const notes = extract('# DS\n- [Tree](#tree)\n  - [Binary Tree](#binary-tree)\n\n## Tree\n트리는 비선형 자료구조이다.').notes;
    expect(notes.map(cardText)).toEqual(['DS › Tree => 트리는 비선형 자료구조이다.']);
  });
});

describe('front matter', () => {
  const problems = (markdown: string) => extract(markdown).diagnostics.map((d) => `${d.line} ${d.severity} ${d.rule}`);

  it('reports invalid YAML at the line of the mistake', () => {
    expect(problems('---\na: 1\n  b: 2\n---\n- x : y')).toEqual(['3 error front-matter-invalid']);
  });

  it('reports front matter that is never closed instead of swallowing the file', () => {
    expect(problems('---\ndeck: 면접\n- x : y')).toEqual(['1 error front-matter-invalid']);
  });

  it('reads a file that merely starts with a thematic break as markdown', () => {
    expect(extract('---\n# 제목\n- 헤더 : 정보').notes.map(cardText)).toEqual(['제목 › 헤더 => 정보']);
  });

  it('rejects front matter that is not key: value lines', () => {
    expect(problems('---\n- a\n- b\n---\n- x : y')).toEqual(['2 error front-matter-invalid']);
  });
});

describe('nothing under a heading is dropped silently', () => {
  it('keeps the plain lines of a paragraph that also holds a Q :: A line in the heading\'s answer', () => {
    expect(cards('# T\nQ :: A\nplain fact')).toEqual(['T › Q => A', 'T => plain fact']);
  });

  it('answers the heading with plain bullets inside a quote', () => {
    expect(cards('# 피처\n> 💡 피처벡터\n> - 첫째\n> - 둘째')).toEqual(['피처 => 💡 피처벡터 첫째 둘째']);
  });

  it('takes an explicit id off a Q :: A line', () => {
    const [note] = extract('Q :: A ^pinned').notes;
    expect([note.explicitId, note.backText]).toEqual(['pinned', 'A']);
  });
});

describe('headings in tags and context', () => {
  it('keeps a / inside a heading as one tag level and leaves raw HTML out', () => {
    const [note] = extract('# JS\n## Async/Await <br> 정리\n- a : b', 'js.md').notes;
    expect(note.tags).toEqual(['js::JS::Async_Await_정리']);
    expect(note.context).toEqual(['JS', 'Async/Await 정리']);
  });

  it('treats links separated by slashes as a reference, not a card', () => {
    expect(extract('# R\n- [뒤로](./a.md) / [위로](#top)').notes).toEqual([]);
  });
});

describe('Korean emphasis', () => {
  it('closes **bold** right before a particle, which CommonMark alone leaves literal', () => {
    const [note] = extract('# T\n- 정의 : **트랜잭션(Transaction)**은 작업의 단위이다').notes;
    expect(note.back[0]).toMatchObject({ type: 'strong' });
    expect(note.backText).toBe('트랜잭션(Transaction)은 작업의 단위이다');
  });
});

describe('a sentence sending the reader to the references after it (rules/lead-in.ts)', () => {
  it('leaves the answer, as any lead-in into what is not there (review s0112: JaeYeopHan `RESTful API › 단점은 뭐가 있을까?`)', () => {
    const markdown = '## REST의 단점\n1. 메소드가 한정적이다.\n\n위 내용은 요약이므로 보다 자세한 내용은 다음 Reference 를 참고하시면 됩니다 :)\n\n##### Reference\n* [REST API 제대로 알고 사용하기](https://example.com/rest)\n';
    expect(extract(markdown).notes.map(cardText)).toEqual(['REST의 단점 => 메소드가 한정적이다.']);
  });
});
