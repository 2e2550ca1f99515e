/**
 * Rule `question-heading` — a heading that asks is answered by what follows
 * it, as any heading is (rules/section.ts), and is never taken for a prose
 * essay (rules/prose-section.ts). It asks when it ends with a question mark,
 * a Korean request or question ending, or starts with an English question
 * word or instruction — a trailing `(…)` aside does not count:
 *
 *     #### 데드락이란?
 *     ### 고유값과 고유벡터가 무엇이고 왜 중요한지 설명해주세요.
 *     #### 알고 있는 metric에 대해 설명해주세요. (ex. RMSE, MAE, recall, precision ...)
 *     #### Python an interpreted language. Explain.
 *     #### Explain Inheritance in Python with an example.
 *
 * A question with nothing under it before the next question or heading makes
 * no card and gets a `question-unanswered` warning, as does a bold, `Q.` or
 * `<details>` question left without an answer:
 *
 *     #### 기아 상태란?             ← warning here: question-unanswered
 *     #### 데드락을 막는 방법은?
 *     - 순환 대기를 없앤다
 */
const KOREAN_ASKS = /(?:주세요|보세요|하세요|주십시오|하시오|십시오|인가요|나요|까요|가요|습니까|ㅂ니까|는지요|란|이란)[.!]?$/u;
// The word must ask about something after it: a heading `list` or `Name` (a filter, a field) asks nothing.
const ENGLISH_ASKS = /^(?:what|why|how|when|where|which|who|whom|whose|is|are|do|does|did|can|could|should|would|will|explain|describe|compare|define|discuss|name|list|give|tell)\b(?=\s*[^\s.!:])|\bexplain\.?$/iu;

export function isQuestion(text: string): boolean {
  const bare = text.trim().replace(/\s*\([^()]*\)$/u, '').trim();
  return /[?？]$/u.test(bare) || KOREAN_ASKS.test(bare) || ENGLISH_ASKS.test(bare);
}
