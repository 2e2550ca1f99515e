/**
 * Rule `sample-data` (info) — `Input`, `Output`, `예제 입력`, `Sample Output 2`:
 * a heading over an exercise's sample data is part of the exercise, not a
 * question of its own (`Hash Table 구현하기 › Input` → `5 abcd abc …` has
 * nothing to recall). The heading and the code blocks right under it are
 * left out; what follows them goes on answering the exercise above:
 *
 *     # Hash Table 구현하기                       → card "Hash Table 구현하기": the exercise
 *     N개의 문자열이 입력된다. …                      and the explanation after the samples
 *     ##### Input                                (info: sample-data)
 *     ```
 *     5
 *     abcd
 *     ```
 *     ##### Output                               (info: sample-data)
 *     ```
 *     OK
 *     ```
 *     문제를 이해하는 건 쉽다. …
 */
const SAMPLE_LABEL = /^(?:(?:sample|example)\s+)?(?:input|output)s?(?:\s*#?\d+)?$|^(?:예제\s*)?(?:입력|출력)(?:\s*(?:예시|예제))?(?:\s*\d+)?$/iu;

export function isSampleLabel(text: string): boolean {
  return SAMPLE_LABEL.test(text.trim().replace(/[\s:：]+$/u, ''));
}

export function sampleDataMessage(label: string, exercise: string): string {
  return `"${label}" is an exercise's sample data, nothing to recall: left out of the answer of "${exercise}"`;
}
