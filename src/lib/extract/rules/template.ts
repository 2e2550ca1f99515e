/**
 * Rule `empty-template` (info) — notes written from a template repeat its
 * headings under every question. A template heading with nothing under it
 * says nothing: it is left out of the answer, and an answer that was only
 * such headings makes no card (a question nothing else answers gets
 * `question-unanswered`):
 *
 *     ### 접근 제어자란? (Access Modifier)        → no card of its own (info empty-template):
 *     > 배경 & 질문 의도                          its definitions are its cards
 *     > 답변                                      (접근 제어자란? › public → 모든 접근 허용)
 *     - public: 모든 접근 허용
 *     > 키워드 & 꼬리 질문
 *
 *     ### 가비지 컬렉션이란?                       → "배경 & 질문 의도 / • JVM 의 구조 … /
 *     > 배경 & 질문 의도                               답변 / • … 객체를 관리해 주는 기능"
 *     - JVM 의 구조, 특히 Heap Area 에 대한 이해
 *     > 답변
 *     - … Heap 영역의 객체를 관리해 주는 기능을 말합니다.
 *
 * A template heading is a label — a quote or paragraph of a few words with
 * no sentence ending — found in at least MIN_SECTIONS sections of the file,
 * along with another such label: a template has headings, one repeated
 * label is only a phrase. It is empty when the next block of the answer is
 * another template heading, or nothing.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';

const MIN_SECTIONS = 3;
const MAX_LABEL = 30;
const MAX_LABEL_WORDS = 5;

/** The file's template headings, by text. */
export function templateLabels(tree: Root): Set<string> {
  const sections: Set<string>[] = [new Set()];
  for (const block of tree.children) {
    if (block.type === 'heading') sections.push(new Set());
    const label = labelOf(block);
    if (label) sections[sections.length - 1].add(label);
  }
  const count = new Map<string, number>();
  for (const labels of sections) for (const label of labels) count.set(label, (count.get(label) ?? 0) + 1);
  const frequent = new Set([...count].filter(([, n]) => n >= MIN_SECTIONS).map(([label]) => label));
  // A template is at least two headings seen together.
  const together = new Set(sections.flatMap((labels) => {
    const found = [...labels].filter((label) => frequent.has(label));
    return found.length >= 2 ? found : [];
  }));
  return together;
}

/** The answer without its empty template headings, and those taken out. */
export function withoutEmptyTemplate(blocks: RootContent[], labels: ReadonlySet<string>): { blocks: RootContent[]; removed: string[] } {
  if (!labels.size) return { blocks, removed: [] };
  const isTemplate = (block: RootContent | undefined) => block !== undefined && labels.has(labelOf(block) ?? '');
  const removed: string[] = [];
  const kept = blocks.filter((block, index) => {
    if (!isTemplate(block) || (index + 1 < blocks.length && !isTemplate(blocks[index + 1]))) return true;
    removed.push(labelOf(block)!);
    return false;
  });
  return { blocks: kept, removed };
}

export function emptyTemplateMessage(title: string, removed: readonly string[]): string {
  return `"${title}" is answered only by the empty headings of a template (${removed.join(', ')}); no card made`;
}

/** A few words in a quote or paragraph of their own, with no sentence ending: a heading written as text. */
function labelOf(block: Nodes): string | null {
  const paragraph = block.type === 'blockquote' && block.children.length === 1 ? block.children[0] : block;
  if (paragraph.type !== 'paragraph' || !paragraph.children.every((child) => child.type === 'text')) return null;
  const text = plainText([paragraph]).trim();
  if (!text || [...text].length > MAX_LABEL || text.split(/\s+/u).length > MAX_LABEL_WORDS || /[.!?。:：]$/u.test(text)) return null;
  return text;
}
