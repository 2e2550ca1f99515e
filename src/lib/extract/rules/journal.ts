/**
 * Rule `journal-entry` (info) — a heading that is only a date, with an
 * optional time or duration, heads a log of what the author did that day, not
 * something to learn: neither it nor anything under it (down to the next
 * heading of its level or higher) makes a card.
 *
 *     ## 2023-05-27 (3h)        ## 2023.05.27       ### 2023/5/27 14:00      ## 2023년 5월 27일 (2시간)
 *
 * A file named by a date (`2023-05-27.md`) is a journal entry as a whole, and
 * files in Obsidian's daily-notes folder (`.obsidian/daily-notes.json`) are
 * not read at all (read/vault.ts).
 */
const DATE = String.raw`(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}년\s*\d{1,2}월\s*\d{1,2}일)\.?`;
const WEEKDAY = String.raw`(?:[,\s]*\(?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)?|\s*\(?[월화수목금토일](?:요일)?\)?)?`;
const TIME = String.raw`(?:\d{1,2}:\d{2}(?:\s*[-~–]\s*\d{1,2}:\d{2})?|\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|시간|분)(?:\s*\d+\s*(?:m|mins?|분))?)`;
const JOURNAL = new RegExp(String.raw`^${DATE}${WEEKDAY}(?:\s*[-–,]?\s*\(?${TIME}\)?)?$`, 'iu');

export function isJournalHeading(text: string): boolean {
  return JOURNAL.test(text.trim());
}
