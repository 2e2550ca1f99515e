/**
 * Rule `see-also` (info) — a section whose heading says it points elsewhere
 * (`Learn more`, `Next steps`, `Related notes`, `더 알아보기`, `자세히 알아보기`,
 * `다음 단계`, `관련 문서`, `함께 보기`; the list below) and that holds a link
 * is a signpost to other notes and pages, not knowledge: neither it nor
 * anything under it makes a card.
 *
 *     ## 더 알아보기                                                       → no card (info see-also)
 *     나만의 테마를 만들 준비가 되셨나요? [테마 빌드](https://docs.obsidian.md/Themes) 방법을 배우거나 [[CSS 스니펫]]을 만들어 보세요.
 *
 *     ## Next steps                                                        → no card (info see-also)
 *     - Set up a custom domain: [[Custom domains]]
 *     - Learn about [[Site customization]]
 *
 * So is a section of recommendations (`Personal Recommendation`, `Recommended books`, `추천 도서`, `추천 자료`):
 *
 *     #### Personal Recommendation                                         → no card (info see-also)
 *     - (도서) [성공과 실패를 결정하는 1% 네트워크 원리](http://…)
 *     - (도서) [HTTP 완벽 가이드](http://…)
 *     - Socket programming (Multi-chatting program)
 *
 * — with links or without: `* Binary Search Tree 구현하기` under it is an exercise
 * for the reader, not something to recall. A pointer heading (`다음 단계`,
 * `Books`) over text without any link is an ordinary section
 * (`## 다음 단계` › `서버에 배포한다.` stays a card; `## Recommended preparation time` is no
 * recommendation heading). `References`, `See also`
 * and `Further reading` are reference sections (rules/boilerplate.ts).
 */
import type { Heading, ListItem, Root, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { visit, EXIT } from 'unist-util-visit';
import { isBoilerplateBlock } from './boilerplate.js';

const SEE_ALSO_HEADING =
  /^(?:learn more|read more|more (?:info(?:rmation)?|resources)|next steps?|what'?s next|related(?: (?:notes?|pages?|topics?|articles?|links|reading|resources))?|additional resources|(?:더|자세히) ?알아보기|더 ?읽(?:어 ?보기|을 ?거리)|읽을 ?거리|다음 ?단계|관련 (?:주제|문서|노트|글|항목|링크|페이지|자료)|함께 ?보기|같이 ?보기|추가 ?자료|books|reading list)$/iu;
/** What the author recommends reading, watching or doing next: the reader's to-do list, with or without links. */
const RECOMMENDATION_HEADING =
  /^(?:(?:(?:personal|my|our) )?recommendations?|recommended (?:books|readings?|resources|courses|videos|links|articles|tools|practice questions)|(?:개인적(?:인)? )?추천 ?(?:도서|자료|강의|책|링크|사이트|영상|글)|개인적(?:인)? 추천)$/iu;

/**
 * The heading at `blocks[index]` heads a see-also section: its text is one of
 * the pointer headings, and its section (down to the next heading of its
 * level or higher) holds a link.
 */
export function isSeeAlsoSection(text: string, blocks: readonly RootContent[], index: number): boolean {
  const heading = blocks[index] as Heading;
  // `#### Personal Recommendation` over `* Binary Search Tree 구현하기`: exercises for the reader, links or not.
  if (RECOMMENDATION_HEADING.test(text.trim())) return true;
  if (!SEE_ALSO_HEADING.test(text.trim())) return false;
  for (let i = index + 1; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'heading' && block.depth <= heading.depth) break;
    // A navigation footer (`[뒤로](…)/[위로](#…)`, rules/boilerplate.ts) links the page, not the section's subject.
    if (!isBoilerplateBlock(block) && holdsLink(block)) return true;
  }
  return false;
}

export function seeAlsoMessage(text: string): string {
  return `"${text}" points to other notes and pages; no card made from it or what is under it`;
}

function holdsLink(block: RootContent): boolean {
  let found = false;
  visit(block, (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference' && node.type !== 'wikiLink' && node.type !== 'embed') return;
    found = true;
    return EXIT;
  });
  return found;
}

/** The bullets of the tree's see-also sections: no card asks them, so the coverage check (bench/coverage.ts) does not count them. */
export function seeAlsoSectionItems(tree: Root): Set<ListItem> {
  const items = new Set<ListItem>();
  const blocks = tree.children;
  blocks.forEach((block, index) => {
    if (block.type !== 'heading' || !isSeeAlsoSection(plainText(block.children), blocks, index)) return;
    for (let i = index + 1; i < blocks.length && !(blocks[i].type === 'heading' && (blocks[i] as Heading).depth <= block.depth); i++) {
      visit(blocks[i], 'listItem', (item: ListItem) => {
        items.add(item);
      });
    }
  });
  return items;
}
