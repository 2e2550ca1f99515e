/**
 * A heading whose own answer is a short introduction, its content in the
 * sub-headings under it, lists those sub-headings after the introduction —
 * as a parent bullet lists its children (rules/parent.ts). Alone, the
 * introduction answers nothing (`Techniques` → "Many string questions fall
 * into one of these buckets."):
 *
 *     ### 그래프 탐색                        → card "그래프 탐색": 그래프는 … 탐색이 복잡하다. 따라서 …
 *     그래프는 … 탐색이 복잡하다. 따라서 …       다음의 두 가지 알고리즘을 기반으로 한다. • DFS • BFS
 *     다음의 두 가지 알고리즘을 기반으로 한다.
 *     #### DFS …
 *     #### BFS …
 *
 * Only the sub-headings one level down, two or more, that name a topic (not
 * `참고`, `예시`, `References`, nor a question such as `함수적 종속성이란 무엇인가?`);
 * and only while the answer stays short.
 */
import type { Heading, List, PhrasingContent, RootContent } from 'mdast';
import { answerSize, isLongAnswer, plainText } from '../../parse/mdast.js';
import { isAsideSection } from './aside.js';
import { APPARATUS_HEADING, REFERENCE_HEADING } from './boilerplate.js';
import { cleanFront } from './front.js';
import { isGeneric } from './no-topic.js';
import { isQuestion } from './question-heading.js';

/** An introduction this long or longer says things of its own: it is an answer, not a way into the sub-headings. */
const MAX_INTRO_COLUMNS = 400;

/** The sub-headings one level under `blocks[index]` (a heading), as a list of their titles; null when fewer than two. */
export function subheadingOutline(blocks: readonly RootContent[], index: number): List | null {
  const heading = blocks[index] as Heading;
  const under: { sub: Heading; at: number }[] = [];
  for (let at = index + 1; at < blocks.length; at++) {
    const block = blocks[at];
    if (block.type !== 'heading') continue;
    if (block.depth <= heading.depth) break;
    under.push({ sub: block, at });
  }
  const depth = Math.min(...under.map(({ sub }) => sub.depth));
  // A sub-heading answered only by an aside is a line of this answer already (rules/aside.ts).
  return outlineOf(under.filter(({ sub, at }) => sub.depth === depth && !isAsideSection(blocks, at)).map(({ sub }) => sub.children));
}

/**
 * The titles of the parts that asked a question of their own inside the
 * section — callouts asking their title — as a list; null when fewer than two.
 * Obsidian's help writes a section's ways as folded callouts:
 *
 *     ## 첨부 파일 추가                               → card "첨부 파일 추가": 여러 가지 방법으로 …
 *     여러 가지 방법으로 보관함에 첨부 파일을 추가할 수 있어요.     • 복사 및 붙여넣기로 첨부 파일 추가
 *     > [!todo]- 복사 및 붙여넣기로 첨부 파일 추가               • 드래그 앤 드롭으로 첨부 파일 추가
 *     > …
 *     > [!todo]- 드래그 앤 드롭으로 첨부 파일 추가
 *     > …
 */
export function outlineOf(titles: readonly PhrasingContent[][]): List | null {
  const named = titles.map((title) => cleanFront(title)).filter((title) => names(plainText(title)));
  if (named.length < 2) return null;
  return { type: 'list', ordered: false, spread: false, children: named.map((title) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: title }] })) };
}

/** A title that names a part: not a label, a reference or apparatus — nor a question, which asks of its own rather than outlining the answer above. */
function names(text: string): boolean {
  return Boolean(text) && !isGeneric(text) && !APPARATUS_HEADING.test(text) && !REFERENCE_HEADING.test(text) && !isQuestion(text);
}

/** The answer is only a short introduction: a paragraph or two of prose. */
export function isIntroduction(blocks: readonly RootContent[]): boolean {
  return blocks.length > 0 && blocks.length <= 2 && blocks.every((block) => block.type === 'paragraph') && answerSize(blocks).columns < MAX_INTRO_COLUMNS;
}

/** The introduction with the outline after it, or null when that would be too long to recall. */
export function withOutline(intro: RootContent[], outline: List): RootContent[] | null {
  const answer = [...intro, outline];
  return isLongAnswer(answer) ? null : answer;
}
