/**
 * Rule `about-document` (info) — a paragraph in which the author says what
 * the document itself is (a list, a repository they put together) introduces
 * the document, it answers nothing: the section it is in makes no card, even
 * when its heading asks.
 *
 *     ## 👨‍💻 회사에 궁금한 점은 없으신가요?                                  → no card (info about-document)
 *     인터뷰를 마치고 한번씩은 들어봤을 질문이다. 이 때 어떠한 질문을 하면 좋을까?
 *     적절한 질문들을 항목별로 정리해둔 Reverse Interview Question 목록이다.
 *
 *     ## What is this?                                                        → no card
 *     예비 개발자들의 기술 면접 준비를 위한 자료를 정리해놓은 저장소입니다. …
 *
 *     ## Repository layout                                                    → no card
 *     This repository collects the notes I took while preparing for interviews.
 *
 * The sentence names the document by what the author did to make it — put
 * together (`정리해둔`, `정리해놓은`, `정리한`, `모아 둔`, `모은`, `번역한`) — and
 * what it is (`목록`, `리스트`, `저장소`, `레포지토리`, `문서`, `모음`), or
 * starts `This repository` / `This document` / `This section` / `This guide`
 * with what it holds (`This section dives deep into …`). Kept: the
 * same words about something else (`정리한 내용을 바탕으로 질문 목록을 만든다.`,
 * `This list holds the neighbours of each vertex.`).
 */
import type { Paragraph } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { sentencesOf } from '../sentence.js';

const KOREAN = /(?:(?:정리|번역|수집)(?:해\s?)?(?:둔|놓은|한)|모아\s?(?:둔|놓은)|모은)\s(?:\S+\s){0,4}?(?:목록|리스트|저장소|레포지토리|repository|문서|모음)(?:이다|입니다|이에요|예요)[.!]?$/iu;
const ENGLISH = /^this (?:repository|repo|document|section|guide|cheatsheet) (?:is|contains|collects|lists|gathers|dives deep into)\b/iu;

export function describesDocument(paragraph: Paragraph): boolean {
  return sentencesOf(plainText(paragraph.children)).some((sentence) => KOREAN.test(sentence) || ENGLISH.test(sentence));
}

export function aboutDocumentMessage(title: string): string {
  return `"${title}" is answered by the document saying what it is (an introduction, not notes); no card made`;
}
