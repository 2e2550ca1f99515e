/**
 * Index entries — a note that lists other notes (an index, a map of content)
 * writes each entry as a link with a line saying what that note is about.
 * The entry is a pointer: the linked note makes the cards, and the line under
 * the link is its blurb, not an answer. No card, and a short sentence that
 * only introduces the entries is no answer either (as for a reading list,
 * rules/section.ts):
 *
 *     ## 팀과 함께 Obsidian 사용하기
 *     - [[팀을 위한 게재]]                                     → no card
 *         - 팀 보관함에서 데이터를 게재하는 방법.
 *
 *     ## 중요 자료
 *     아래는 공식 웹사이트의 관련 페이지로 연결되는 중요한 링크예요.   → no card
 *     - [제품 구매](https://obsidian.md/pricing)
 *         - 상용 라이선스, Sync 또는 Publish 구매
 *
 * A `[[wikilink]]` bullet among bullets of links is a link like them (the
 * list is a reading list, parse/mdast.ts isLinkOnlyItem):
 *
 *     ## 질문 및 조언
 *     커뮤니티 채널에 참여할 수 있어요:                              → no card
 *     - [[샌드박스 보관함|샌드박스 보관함 살펴보기]]
 *     - [Discord 서버 참여하기](https://discord.gg/obsidianmd)
 *
 * Cards written inside an entry are still cards (`- [Paging](paging.md)` ›
 * `- Page : a fixed-size block` asks `Page`). A lone `- [[TCP]]` with nothing
 * under it is a concept in its list, the way Obsidian users write terms.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { isLinksOnly, isWikilinksOnly } from '../../parse/mdast.js';

/** A bullet whose own text is only links, with something under it. */
export function isIndexEntry(head: readonly PhrasingContent[], under: readonly RootContent[]): boolean {
  return under.length > 0 && (isLinksOnly(head) || isWikilinksOnly(head));
}
