/**
 * Issue 8 on real notes nobody here wrote (../shared/corpora): every corpus
 * keeps ≥ 95 % of its bullets on some card ("bullets on cards",
 * bench/coverage.ts), and no card's front starts with a section number.
 * Skipped on a fresh clone, where ../shared does not exist.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage } from '../bench/coverage.js';
import { projectRoot } from './helpers/cli.js';

const root = join(projectRoot, '../shared/corpora');
const corpora = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'SOURCE.txt'))).sort() : [];
const SECTION_NUMBER = /^\s*(?:\d{1,3}(?:[.-]\d{1,2})+\.?\s|\d{1,3}[.)]\s|[A-Z][.)]\s|\(\d{1,2}\)\s|[①-⑳])/u;

describe.skipIf(corpora.length === 0)('real corpora (../shared/corpora)', () => {
  if (corpora.length === 0) console.warn('../shared/corpora not found: corpus checks skipped');
  it.each(corpora)('%s: bullets on cards ≥ 95 %, no front starting with a section number', async (name) => {
    const result = await coverage(join(root, name));
    expect(result.bullets).toBeGreaterThan(0);
    expect(result.onCards / result.bullets, `${result.onCards} / ${result.bullets}; first missing: ${JSON.stringify(result.missing.slice(0, 5))}`).toBeGreaterThanOrEqual(0.95);
    const numbered = result.cards.filter(({ card }) => SECTION_NUMBER.test(card.question.split('\n').pop()!));
    expect(numbered.map(({ card, key }) => `${key.source}: ${card.question}`)).toEqual([]);
  });
});
