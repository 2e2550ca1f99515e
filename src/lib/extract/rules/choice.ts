/**
 * A multiple-choice question whose answer is only its choices is no card
 * (warning `question-unanswered`): the back must say which choice is right,
 * and an answer key somewhere else in the file is not on the card.
 *
 *     6. RISC와 CISC에 대해 잘못 설명한 것은?                → no card (warning question-unanswered)
 *        > 1. CPU에서 수행하는 동작 대부분이 … RISC이다.
 *        > 2. 두 방식 중 소프트웨어의 비중이 더 큰 것을 RISC이다.
 *        > 3. …
 *
 * Still a card: a choice marked as the answer (`**2. …**`, `… ✅`, `정답: 2`,
 * `Answer: B`) or any text in the answer besides the choices.
 */
import type { Nodes } from 'mdast';
import { plainText } from '../../parse/mdast.js';

/** Asks to pick one of the choices below it (`…하는 것은?` is how Korean tests ask it). */
const CHOOSE = /(?:것은\s*[?？]$|잘못\s*(?:설명|말)(?:한|하고\s*있는)\s*것|틀린\s*것|옳(?:은|지\s*않은)\s*것|맞(?:는|지\s*않는)\s*것|아닌\s*것|알맞은\s*것|바른\s*것|고르(?:시오|세요|면)|\bwhich\s+(?:of\s+the\s+following|one|statement|option)\b|\b(?:choose|select|pick)\s+the\b)/iu;
const MARKED = /정답|답\s*[:：]|\banswer\b|[✓✔✅☑]|\(o\)/iu;
const MIN_CHOICES = 3;

export function isUnansweredChoice(front: string, back: readonly Nodes[]): boolean {
  if (!CHOOSE.test(front)) return false;
  const blocks = back.length === 1 && back[0].type === 'blockquote' ? back[0].children : back;
  if (blocks.length !== 1 || blocks[0].type !== 'list' || blocks[0].children.length < MIN_CHOICES) return false;
  const choices = blocks[0].children;
  const marked = choices.some((choice) => MARKED.test(plainText([choice])) || isAllEmphasis(choice));
  return !marked;
}

/** `- **2. …**`: a choice set in bold (or italics) as a whole is the one marked right. */
function isAllEmphasis(choice: Nodes): boolean {
  const [first] = 'children' in choice ? (choice.children as Nodes[]) : [];
  if (first?.type !== 'paragraph') return false;
  const meaningful = first.children.filter((node) => !(node.type === 'text' && !node.value.trim()));
  return meaningful.length === 1 && (meaningful[0].type === 'strong' || meaningful[0].type === 'emphasis');
}
