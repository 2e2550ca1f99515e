/**
 * TeX that reaches Anki's MathJax. Anki loads MathJax 3's `tex-chtml-full.js`
 * with its own configuration (ts/mathjax/index.ts: `autoload` and `require`
 * on, no `safe` extension), so inside `\(…\)` and `\[…\]`:
 *
 * - `\href{javascript:…}{…}` makes a link that runs script when tapped;
 * - `\style`, `\class` and `\cssId` set CSS, classes and ids the sanitizer
 *   never sees (they are made by MathJax in the webview);
 * - `\require` loads further extensions, `\unicode` picks fonts by name.
 *
 * So `\href` and `\url` are kept only with an http(s) address, and the others
 * are taken out, keeping what they were applied to (`\class{x}{a+b}` → `{a+b}`),
 * each with a `math-command-refused` diagnostic; the rest of the formula stays.
 */
import { decodeHTML } from 'entities';
import { append } from '../array.js';

/** Anki's own delimiter pattern (rslib/src/cloze.rs `MATHJAX`). */
const MATHJAX = /(\\[([])([\s\S]*?)(\\[)\]])/g;

const COMMAND = /\\(href|url|style|class|cssId|require|unicode)(?![a-zA-Z])/g;

export interface RefusedCommand {
  command: string;
  reason: string;
}

/** Checks every MathJax region of a text (not yet HTML-escaped). */
export function checkMathText(text: string): { text: string; refused: RefusedCommand[] } {
  const refused: RefusedCommand[] = [];
  const checked = text.replace(MATHJAX, (_all, open: string, tex: string, close: string) => open + checkTex(tex, refused) + close);
  return { text: refused.length ? checked : text, refused };
}

function checkTex(tex: string, refused: RefusedCommand[]): string {
  let out = '';
  let from = 0;
  COMMAND.lastIndex = 0;
  for (let match = COMMAND.exec(tex); match; match = COMMAND.exec(tex)) {
    const name = match[1];
    const optional = name === 'unicode' ? readOptional(tex, match.index + match[0].length) : match.index + match[0].length;
    const args = readArguments(tex, optional, name === 'url' || name === 'require' || name === 'unicode' ? 1 : 2);
    const url = name === 'href' || name === 'url' ? stripBraces(args.values[0] ?? '').trim() : null;
    if (url !== null && /^https?:\/\/[^\s]/i.test(url)) continue;
    refused.push({ command: `\\${name}`, reason: url !== null ? `its address \`${shorten(url)}\` is not http(s)` : REASONS[name] });
    // What the command was applied to stays; the command and its settings go.
    const kept = name === 'href' || name === 'style' || name === 'class' || name === 'cssId' ? (args.values[1] ?? '') : '';
    out += tex.slice(from, match.index) + (kept.startsWith('{') ? kept : `{${kept}}`);
    from = args.end;
    COMMAND.lastIndex = args.end;
  }
  return out + tex.slice(from);
}

const REASONS: Record<string, string> = {
  style: 'it sets CSS on the card',
  class: 'it sets classes on the card',
  cssId: 'it sets ids on the card',
  require: 'it loads MathJax extensions',
  unicode: 'it picks fonts by name',
};

function readOptional(tex: string, at: number): number {
  const start = skipSpaces(tex, at);
  if (tex[start] !== '[') return at;
  const end = tex.indexOf(']', start);
  return end < 0 ? tex.length : end + 1;
}

/** TeX arguments: a balanced `{…}` group or a single token, spaces between them skipped. */
function readArguments(tex: string, at: number, count: number): { values: string[]; end: number } {
  const values: string[] = [];
  let index = at;
  for (let n = 0; n < count; n += 1) {
    const start = skipSpaces(tex, index);
    if (start >= tex.length) break;
    const end = tex[start] === '{' ? groupEnd(tex, start) : tex[start] === '\\' ? controlEnd(tex, start) : start + 1;
    values.push(tex.slice(start, end));
    index = end;
  }
  return { values, end: index };
}

function groupEnd(tex: string, start: number): number {
  let depth = 0;
  for (let index = start; index < tex.length; index += 1) {
    if (tex[index] === '\\') index += 1;
    else if (tex[index] === '{') depth += 1;
    else if (tex[index] === '}' && --depth === 0) return index + 1;
  }
  return tex.length;
}

function controlEnd(tex: string, start: number): number {
  const word = /^\\[a-zA-Z]+/.exec(tex.slice(start));
  return start + (word ? word[0].length : 2);
}

function skipSpaces(tex: string, at: number): number {
  let index = at;
  while (index < tex.length && /\s/.test(tex[index])) index += 1;
  return index;
}

const stripBraces = (group: string) => (group.startsWith('{') && group.endsWith('}') ? group.slice(1, -1) : group);

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * Anki's cloze filter strips the tags between `\(` and `\)` of the raw field
 * (cloze.rs `strip_html_inside_mathjax`), so a formula may also be assembled
 * from pieces in different elements. Such a region holding a refused command
 * keeps its text, but its opening delimiter becomes a character reference:
 * neither Anki's pattern nor MathJax (whose text is split by the elements) then
 * sees a formula.
 */
export function guardMathAcrossTags(html: string): { html: string; refused: RefusedCommand[] } {
  const refused: RefusedCommand[] = [];
  const guarded = html.replace(MATHJAX, (all: string, open: string, tex: string) => {
    if (!tex.includes('<')) return all;
    const text = decodeHTML(tex.replace(/<[^>]*>/g, ''));
    const found: RefusedCommand[] = [];
    checkTex(text, found);
    if (!found.length) return all;
    append(refused, found);
    return `\\&#${open.charCodeAt(1)};${all.slice(2)}`;
  });
  return { html: refused.length ? guarded : html, refused };
}
