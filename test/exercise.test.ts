import { describe, expect, it } from 'vitest';
import { exerciseStatement, statementText } from '../src/lib/extract/rules/exercise.js';
import { parseFile } from '../src/lib/parse/index.js';
import { cardText, extract } from './helpers/extract.js';

const cards = (markdown: string, path: string, vault = true) => extract(markdown, path, { vault }).notes.map(cardText);

describe('an exercise is asked by its statement (rules/exercise.ts)', () => {
  it('does what its doc comment promises: under a label, the statement is the context of the sections below', () => {
    // viniciusth `exercises/1.2.md` (reviews s2241, s0010): "Statement › Reflective" said neither which relation nor what to prove.
    const markdown = '#### Statement\nProve that $|$ is an Order Relation for $\\mathbb{Z}^{\\geq 0}$.\n\n##### Reflective\nprove that $a \\mid a$\n';
    const notes = extract(markdown, 'exercises/1.2.md', { vault: true }).notes;
    expect(notes.map(cardText)).toEqual(['Prove that \\(|\\) is an Order Relation for \\(\\mathbb{Z}^{\\geq 0}\\). › Reflective => prove that a \\mid a']);
  });

  it('does what its doc comment promises: a note titled by its number asks its statement, the proof answers', () => {
    const markdown = 'Prove that every cube of an integer must be of the form $9k$, $9k+1$, $9k+8$.\n\nSimple case analysis with modulo: let $x = 9k + r$.\n';
    expect(cards(markdown, 'exercises/1.6.md')).toEqual(['Prove that every cube of an integer must be of the form 9k, 9k+1, 9k+8. => Simple case analysis with modulo: let x = 9k + r.']);
    const [note] = extract(markdown, 'exercises/1.6.md', { vault: true }).notes;
    expect(note.context).toEqual([]);
  });

  it('takes premises before the proof asked for, and a question', () => {
    const premises = 'Let n be a positive integer. prove that a and b have the same remainder iff $a-b = nk$.\n\n$$a = qn + r$$\n';
    expect(cards(premises, '1.8.md')[0]).toMatch(/^Let n be a positive integer\. prove that a and b have the same remainder iff a-b = nk\. => /u);
    expect(cards('## Problem\nWhat are the possible values of $gcd(n, n+2)$?\n\nUse $gcd(a, b) = gcd(b, a \\% b)$.\n', 'gcd.md')).toEqual([
      'gcd › What are the possible values of gcd(n, n+2)? => Use gcd(a, b) = gcd(b, a \\% b).',
    ]);
  });

  it('only under a label or a number: a heading that names its topic keeps its answer', () => {
    expect(cards('## Divisibility\nProve that $a \\mid a$ for every $a$.\n\nTake $c = 1$.\n', 'algebra.md', false)).toEqual(['Divisibility => Prove that a \\mid a for every a. Take c = 1.']);
  });

  it('is a short paragraph that asks for a proof or asks a question, nothing else', () => {
    const first = (markdown: string) => parseFile({ absolutePath: '/n/a.md', displayPath: 'a.md', relativePath: 'a.md', text: markdown }).parsed!.tree.children[0];
    expect(exerciseStatement(first('Show that the sum of two odd numbers is even.'))).not.toBeNull();
    expect(exerciseStatement(first('다음 명제를 증명하시오.'))).not.toBeNull();
    expect(exerciseStatement(first('The sum of two odd numbers is even.'))).toBeNull();
    expect(exerciseStatement(first(`Prove that ${'x '.repeat(300)}.`))).toBeNull();
    expect(exerciseStatement(first('- Prove that a list is no statement'))).toBeNull();
    const statement = exerciseStatement(first('Prove that $|$ orders $\\mathbb{N}$.'));
    expect(statementText(statement as never)).toBe('Prove that \\(|\\) orders \\(\\mathbb{N}\\).');
  });
});
