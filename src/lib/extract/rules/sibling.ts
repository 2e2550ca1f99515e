/**
 * A heading repeated among its siblings is about the sibling before it. Notes
 * written flat give each technique the same sub-section at the same level:
 *
 *     #### Dynamic Programming                  → card "… › Dynamic Programming › 접근방법"
 *     #### 접근방법                              → card "… › Greedy (탐욕법) › 접근 방법"
 *     #### Greedy (탐욕법)                        (not "… › 접근방법" twice, with two answers)
 *     #### 접근 방법
 *
 * Two siblings with the same words ask the same question with different
 * answers; the nearest sibling before each one whose words do not repeat is
 * what it is about, and goes into its context. A heading said once keeps its
 * context (`## JWT` › `### 구조` › `### 장점` stays `JWT › 장점`), and so does
 * a repeat that is a question (`### 가상 메모리란?` asked twice asks on its
 * own) or that the siblings before it do not tell apart.
 */
import type { Heading, RootContent } from 'mdast';
import { plainText } from '../../parse/mdast.js';
import { isQuestion } from './question-heading.js';

const owners = new WeakMap<readonly RootContent[], Map<Heading, Heading>>();

/** The sibling a repeated heading of `blocks` is about, if it is one. */
export function ownerOf(blocks: readonly RootContent[], heading: Heading): Heading | undefined {
  let found = owners.get(blocks);
  if (!found) owners.set(blocks, (found = ownersIn(blocks)));
  return found.get(heading);
}

/** One pass: headings of a depth are siblings until a shallower heading closes their run. */
function ownersIn(blocks: readonly RootContent[]): Map<Heading, Heading> {
  const found = new Map<Heading, Heading>();
  const open = new Map<number, Heading[]>();
  const close = (deeperThan: number) => {
    for (const [depth, run] of open) {
      if (depth <= deeperThan) continue;
      claim(run, found);
      open.delete(depth);
    }
  };
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    close(block.depth);
    const run = open.get(block.depth);
    if (run) run.push(block);
    else open.set(block.depth, [block]);
  }
  close(0);
  return found;
}

function claim(run: readonly Heading[], found: Map<Heading, Heading>): void {
  const keys = run.map(wordsOf);
  const repeated = (index: number) => keys[index] !== '' && keys.indexOf(keys[index]) !== keys.lastIndexOf(keys[index]);
  const owned = new Map<Heading, Heading>();
  let owner: Heading | undefined;
  run.forEach((heading, index) => {
    if (!repeated(index)) owner = heading;
    else if (owner && !isQuestion(plainText(heading.children))) owned.set(heading, owner);
  });
  // Only where it tells the repeats apart: `기본값` twice under one `큐(Queue)` stays as it is.
  for (const [heading, owner] of owned) {
    const key = wordsOf(heading);
    const owners = run.filter((other) => wordsOf(other) === key).map((other) => owned.get(other));
    if (new Set(owners).size === owners.length) found.set(heading, owner);
  }
}

/** `접근방법` and `접근 방법` are the same words. */
function wordsOf(heading: Heading): string {
  return plainText(heading.children).toLowerCase().replace(/[\s\p{P}]+/gu, '');
}
