/**
 * Two columns for flashcard apps other than Anki (Mnemosyne, Quizlet-style
 * term/definition importers, RemNote): one line per card — the question with
 * its context, a tab, the answer — with no header line. A reversed note gives
 * two lines, a cloze note one per cloze number with its gap shown as `[...]`
 * (`[hint]` when it has one), the way Anki shows them (write/anki/cards.ts).
 *
 * Plain text by default; `html: true` keeps simple HTML (emphasis, code,
 * lists, tables, line breaks) for apps that show it, such as Mnemosyne.
 * Importers of this format split lines on line breaks and columns on tabs and
 * unquote nothing (Mnemosyne's `file_formats/tsv.py`), so no field holds either
 * and no field is quoted: a line break inside a field is ` / ` in text and
 * `<br>` in HTML, a tab a space. Media are not included: an image is shown as
 * its description.
 */
import { stringify } from 'csv-stringify/sync';
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { CONTEXT_SEPARATOR, type DeckPackage } from '../../model.js';
import { cardSides, type CardSides } from '../anki/cards.js';
import { assertWritable, cleanField, inDueOrder } from '../anki/notes.js';

export interface TsvOptions {
  /** Simple HTML instead of plain text. */
  html?: boolean;
}

/** What a line break inside a plain-text field becomes. */
const TSV_LINE_BREAK = ' / ';

// Every line terminator a line-based reader might split on (Python's str.splitlines, \r\n first).
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/** The TSV text for a package: UTF-8 without BOM, `\n` line ends, one line per card in new-card order. */
export function buildTsv(pkg: DeckPackage, options: TsvOptions = {}): string {
  assertWritable(pkg.notes);
  const line = options.html ? htmlLine : textLine;
  const records = inDueOrder(pkg.notes).flatMap((note) => cardSides(note).map(line));
  // Fields never hold a tab or line break, and quoting would reach Mnemosyne's cards as literal quotes.
  return stringify(records, { delimiter: '\t', record_delimiter: 'unix', bom: false, quote: false });
}

function textLine(card: CardSides): [string, string] {
  const question = [card.context, card.question].map(plainText).filter(Boolean).join(CONTEXT_SEPARATOR);
  return [orPlaceholder(question), orPlaceholder(card.answer.map(plainText).filter(Boolean).join(TSV_LINE_BREAK))];
}

function htmlLine(card: CardSides): [string, string] {
  const context = card.context ? `<small>${card.context}</small><br>` : '';
  return [orPlaceholder(simpleHtml(context + card.question)), orPlaceholder(simpleHtml(card.answer.join('<br>')))];
}

/**
 * Mnemosyne rejects the whole file for a line whose question is empty, and
 * drops an empty last column (it strips the line). A side is never empty in
 * deckgen's notes; should one be, the card still imports.
 */
function orPlaceholder(cell: string): string {
  return cell === '' ? '—' : cell;
}

function plainText(html: string): string {
  const text = toText(fieldTree(html), { whitespace: 'normal' });
  const lines = text.replace(/\t/g, ' ').split(LINE_BREAKS).map((line) => line.trim()).filter(Boolean);
  // Mnemosyne decodes `&#…;` in the raw line before splitting it (`&#9;` would be a tab, `&#x;` an error):
  // a word joiner between `&` and `#` keeps the text as written.
  return lines.join(TSV_LINE_BREAK).replace(/&#/g, '&\u2060#');
}

/** Tags any flashcard app that shows HTML displays the same; the others are unwrapped to their content. */
const SIMPLE: Schema = {
  tagNames: ['a', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'i', 'li', 'ol', 'p', 'pre', 's', 'small', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u', 'ul'],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style'],
};

function simpleHtml(html: string): string {
  const tree = sanitize(fieldTree(html), SIMPLE) as Root;
  oneLine(tree, false);
  // Named references only: Mnemosyne turns every `&#…;` into its character before reading the line as HTML.
  return toHtml(tree, { characterReferences: { useNamedReferences: true } }).replace(LINE_BREAKS, ' ').trim();
}

/** Outside code a line break or tab is only white space; inside, a line break stays one (`<br>`) and a tab an indent. */
function oneLine(parent: Root | Element, inCode: boolean): void {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      oneLine(child, inCode || child.tagName === 'pre');
      return [child];
    }
    if (child.type !== 'text') return child.type === 'comment' || child.type === 'doctype' ? [] : [child];
    if (!inCode) return [{ ...child, value: child.value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ') }];
    return child.value.replace(/\t/g, '    ').split(LINE_BREAKS).flatMap((value, i): ElementContent[] => [
      ...(i ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } satisfies Element] : []),
      ...(value ? [{ type: 'text', value } satisfies Text] : []),
    ]);
  });
}

// Anki's media marker, as deckgen writes it for bundled audio and video (render/html.ts).
const SOUND = /\[sound:([a-z0-9.]+)\]/g;
const VIDEO = /\.(mp4|webm|ogv|mov|mkv)$/;

/** A field's HTML as a tree, media replaced by what they are: a TSV has no media files. */
function fieldTree(html: string): Root {
  const tree = fromHtml(cleanField(html).replace(SOUND, (_marker, name: string) => (VIDEO.test(name) ? '[video]' : '[audio]')), { fragment: true });
  visit(tree, 'element', (element: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (element.tagName === 'img') {
      const alt = typeof element.properties.alt === 'string' ? element.properties.alt.trim() : '';
      parent.children[index] = { type: 'text', value: alt ? `[image: ${alt}]` : '[image]' };
      return;
    }
    // The gap and the revealed text of a cloze (write/anki/cloze.ts) stand out, as on Anki's cards.
    const classes = element.properties.className;
    if (element.tagName === 'span' && Array.isArray(classes) && classes.includes('cloze')) element.tagName = 'b';
  });
  return tree;
}
