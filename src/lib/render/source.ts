/**
 * The Source field: where a note comes from, shown small on the back of its
 * cards — the notes file and the headings above the note, e.g.
 * `interview.md › JWT › 구조`. No line number: inserting a bullet above a note
 * would change it, and with it the note's `mod`, for every note below. Not part
 * of a note's identity (identify/ never reads it).
 *
 * In an Obsidian vault it is a link that opens the note at its heading:
 * `obsidian://open?vault=<vault>&file=<path in the vault>%23<heading>`, every
 * value percent-encoded (`/` as `%2F`, space as `%20`, `#` as `%23`), as
 * Obsidian's URI documentation asks ("Obsidian URI", action `open`).
 *
 * @example
 * sourceField('interview.md', ['JWT', '구조'], null)
 * // → 'interview.md › JWT › 구조'
 * sourceField('OS/Memory.md', ['Paging'], { name: 'My Vault', notesFolder: '' })
 * // → '<a href="obsidian://open?vault=My%20Vault&amp;file=OS%2FMemory.md%23Paging">OS/Memory.md › Paging</a>'
 */
import { posix } from 'node:path';
import { CONTEXT_SEPARATOR } from '../model.js';
import type { VaultLocation } from '../read/vault.js';
import { escapeText } from './html.js';
import { checkMathText } from './tex.js';

export function sourceField(relativePath: string, headings: readonly string[], vault: VaultLocation | null): string {
  // MathJax reads the whole card: a heading's formula is checked as in the Context field, which reports what it refuses.
  const text = escapeText(checkMathText([relativePath, ...headings].join(CONTEXT_SEPARATOR)).text);
  if (!vault) return text;
  return `<a href="${obsidianUri(vault, relativePath, headings)}">${text}</a>`;
}

/** Percent-encoded, so the only character the attribute needs escaped is the `&` between the parameters. */
function obsidianUri(vault: VaultLocation, relativePath: string, headings: readonly string[]): string {
  const file = posix.join(vault.notesFolder, relativePath);
  // A `#` in a file name would read as the start of a heading: then the link opens the note at its top.
  const target = headings.length && !file.includes('#') ? `${file}#${headings.join('#')}` : file;
  return `obsidian://open?vault=${encodeURIComponent(vault.name)}&amp;file=${encodeURIComponent(target)}`;
}
