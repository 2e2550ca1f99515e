import { NOTE_EXTENSION } from '../model.js';
import { withoutInvisible } from './invisible.js';

/**
 * Deck names. Front matter `deck:` wins; otherwise the path inside the notes
 * folder is the deck: `interview.md` → `interview`, `cs/network.md` →
 * `cs::network`, `cs/README.md` → `cs` (a folder's README is the folder).
 * Anki matches decks by name, so a name must come out the same in every build.
 */
export function deckFor(relativePath: string, frontMatterDeck: string | undefined): string {
  if (frontMatterDeck) return cleanDeckName(frontMatterDeck);
  const parts = relativePath.replace(NOTE_EXTENSION, '').split('/');
  if (parts.length > 1 && /^(readme|index)$/i.test(parts[parts.length - 1])) parts.pop();
  return cleanDeckName(parts.join('::'));
}

/** Anki trims each level and drops empty ones; doing it here keeps our name equal to the one Anki stores. */
export function cleanDeckName(name: string): string {
  const levels = withoutInvisible(name)
    .split('::')
    .map((level) => level.replace(/[\u0000-\u001f"]/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return levels.join('::') || 'deckgen';
}
