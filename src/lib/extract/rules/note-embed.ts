/**
 * Rule `embed-note` (info) — `![[Other note]]`, `![[Other note#Heading|alias]]`
 * shows another note's text inside Obsidian. A card cannot: it could only show
 * the note's name, which answers nothing, and the embedded note makes cards of
 * its own. So a heading answered only by paragraphs of note embeds is a
 * pointer to those notes, not a question, and makes no card:
 *
 *     ## 보안                                                    → no card (info embed-note)
 *     ![[보안 및 개인정보 보호#호스팅|Security and privacy]]
 *     ![[보안 및 개인정보 보호#암호화|Security and privacy]]
 *
 * A paragraph of note embeds beside real text is left out of the answer when
 * the card is drawn (render/embed.ts, with the same info), and the text stays:
 *
 *     ## Sync for teams                                          → "Sync for teams" → "Every collaborator needs
 *     Every collaborator needs an active subscription.             an active subscription."
 *
 *     ![[Collaborate on a shared vault#Limits|Collaboration]]
 *
 * An embed written inside a sentence stays its name, like a link
 * (`Recall ![[Paging]] here` → "Recall Paging here"). Which embeds are of notes is
 * read from the name: no extension, or `.md` — an Excalidraw drawing is a
 * note too, and a card cannot show it either.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { embedsNote } from '../../parse/wikilink.js';

/** A paragraph that is nothing but embeds of notes, one or several, on one line or more. */
export function isNoteEmbedParagraph(block: RootContent): boolean {
  if (block.type !== 'paragraph') return false;
  const embeds = block.children.filter((node) => !isSpace(node));
  return embeds.length > 0 && embeds.every((node) => node.type === 'embed' && embedsNote(node.target));
}

/** The notes an answer of only note-embed paragraphs points to, or null when it holds anything else. */
export function embeddedNotesOnly(blocks: readonly RootContent[]): string[] | null {
  if (!blocks.length || !blocks.every(isNoteEmbedParagraph)) return null;
  const targets = blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : [])).flatMap((node) => (node.type === 'embed' ? [node.target] : []));
  return [...new Set(targets)];
}

export function embedsOnlyMessage(heading: string, notes: readonly string[]): string {
  const named = notes.map((note) => `"${note}"`).join(', ');
  return `"${heading}" only embeds other notes (${named}), which make cards of their own; no card made from it`;
}

function isSpace(node: PhrasingContent): boolean {
  return node.type === 'break' || node.type === 'blockId' || (node.type === 'text' && node.value.trim() === '');
}
