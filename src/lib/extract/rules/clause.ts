/**
 * Does a would-be term read as part of a sentence? Then the separator after
 * it is inside the sentence, not between a term and its definition, and a
 * parent bullet that reads so is a sentence its child continues:
 *
 *     - ⊨ is entailment, with: …                ends with a function word, has a verb
 *     - Given 5 documents: …                    starts like a clause
 *     - A Calculus is usually formulated - …    has a verb
 *     - `Promise` 는 : …                        a Korean particle as the last word
 *     - 음수 인덱스는 끝에서부터 세요: …           ends like a Korean sentence (…해요, …에요, …합니다, …한다)
 *                                               (a request, `…를 설명해주세요`, is a question)
 *     - Users can test system                   (parent) a sentence…
 *       - often considered final test           …its child continues
 *     - DNS는 캐시를 확인 합니다                 (parent) a Korean sentence: words ending in a
 *       - 기존에 접속했던 사이트의 경우 …         sentence-final ending (…다, …요, note style …함, …음)
 */
import { isQuestion } from './question-heading.js';

const FUNCTION_WORDS = new Set(['with', 'and', 'or', 'of', 'to', 'for', 'is', 'are', 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'from', 'as', 'that', 'which', 'than', 'into', 'be', 'was', 'were', 'but', 'if', 'so', 'not']);
const VERBS = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'does', 'did', 'has', 'have', 'had', "isn't", "aren't", "can't", "won't", "doesn't"]);
const CLAUSE_START = new Set(['given', 'if', 'when', 'while', 'since', 'because', 'although', 'though', 'so', 'then', 'but', 'and', 'or', 'where', 'let', 'suppose', 'assume']);
const CONTINUATION = new Set(['often', 'usually', 'which', 'that', 'and', 'or', 'but', 'because', 'so', 'then', 'also', 'thus', 'hence', 'while', 'whereas', 'where', 'when', 'with', 'without', 'to', 'by', 'for', 'as']);
const PARTICLES = new Set(['은', '는', '이', '가', '을', '를', '의', '에', '로', '으로', '에서', '와', '과', '도']);
/** A Hangul word of three syllables or more ending in a topic or object particle (`프로세스는`). */
const ATTACHED_PARTICLE = /[\uac00-\ud7a3]{2,}[은는을를]$/u;

/** The predicate that ends a Korean sentence, polite (`세요`, `해요`, `이에요`, `합니다`) or plain (`한다`, `있다`, `이다`). */
const KOREAN_PREDICATE = /(?:[세해어아에예워돼와봐줘려져네]요|니다|[한된있없했였]다|이다)$/u;

/** A short Korean sentence left without its full stop (`다음과 같다`, `사용해요`, note style `…의 약자임`). */
const SENTENCE_ENDING = /[다요죠임함음됨](?:\s*[)\]])?$/u;

/** Words (more than one: `개요`, `생성자` are terms) that end the way a Korean sentence ends, with or without a `:` after. */
export function endsLikeSentence(text: string): boolean {
  const words = text.trim().replace(/\s*[:：]$/u, '');
  return /\s/u.test(words) && SENTENCE_ENDING.test(words);
}

export function readsAsClause(text: string): boolean {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return false;
  const lower = words.map((word) => word.toLowerCase().replace(/[,;.!]+$/u, ''));
  const last = lower[lower.length - 1];
  if (lower.length > 1 && (FUNCTION_WORDS.has(last) || PARTICLES.has(last))) return true;
  if (ATTACHED_PARTICLE.test(last)) return true;
  if (lower.length > 1 && KOREAN_PREDICATE.test(last) && !isQuestion(text)) return true;
  if (lower.length > 1 && CLAUSE_START.has(lower[0])) return true;
  return lower.length > 2 && lower.slice(1).some((word) => VERBS.has(word));
}

/** A child that starts in lower case, after a parent with no closing punctuation, goes on with the parent's sentence. */
export function continuesSentence(parent: string, child: string): boolean {
  const first = child.trim().split(/\s+/u)[0] ?? '';
  if (!/[\p{L}\p{N})]$/u.test(parent.trim()) || !/^[a-z]/u.test(first) || parent.trim().split(/\s+/u).length < 3) return false;
  return CONTINUATION.has(first) || /(?:ly|ed)$/u.test(first);
}
