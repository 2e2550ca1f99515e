/**
 * Evaluates the part of Anki's browser search that deckgen prints, the way Anki does, so a test can show
 * that a search selects exactly the notes it should. Read from Anki's source (ankitects/anki):
 *
 * - rslib/src/search/parser.rs: terms separated by spaces are ANDed, `OR` between terms, `( … )` groups;
 *   a term is `"…"` (inside, `\"` is a quote) or a bare word; `key:value` splits at the first unescaped
 *   colon. `nid:` takes `^(\d+,)*\d+$` (check_id_list) → SearchNode::NoteIds; any key that is not a known
 *   one is a field search (parse_single_field), whose value is unescape()d: `\"` `\:` `\(` `\)` `\-` lose
 *   their backslash, `\\` `\*` `\_` keep it for the next step; any other escape is an error.
 * - rslib/src/search/sqlwriter.rs: NoteIds → `n.id in (…)`; a single field (write_single_field) →
 *   `n.flds like <to_sql(value)> escape '\'` on that field alone, for every note type having a field of that
 *   name (case-insensitive). rslib/src/text.rs to_sql: `*` → `%`, `\*` → `*`, `%` → `\%`, `\\` stays; `_`
 *   stays LIKE's one-character wildcard, `\_` a literal underscore. SQLite's LIKE matches the whole field,
 *   ignoring case for ASCII letters only.
 */

export interface SearchableNote {
  id: number;
  /** Field name → content, as stored (HTML). */
  fields: Record<string, string>;
}

type Node = { and: Node[] } | { or: Node[] } | { nids: number[] } | { field: string; like: string };

export function selects(search: string, notes: readonly SearchableNote[]): number[] {
  const tree = parse(tokens(search));
  return notes.filter((note) => matches(tree, note)).map((note) => note.id);
}

function tokens(search: string): string[] {
  const out: string[] = [];
  const re = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)/gy;
  let end = 0;
  for (let match = re.exec(search); match !== null; match = re.exec(search)) {
    out.push(match[1]);
    end = re.lastIndex;
  }
  if (search.slice(end).trim() !== '') throw new Error(`unparsed search: ${search.slice(end)}`);
  return out;
}

function parse(list: string[]): Node {
  let at = 0;
  const group = (): Node => {
    const alternatives: Node[][] = [[]];
    while (at < list.length && list[at] !== ')') {
      const token = list[at++];
      if (token === 'OR') alternatives.push([]);
      else if (token === '(') {
        alternatives[alternatives.length - 1].push(group());
        if (list[at++] !== ')') throw new Error('unclosed (');
      } else alternatives[alternatives.length - 1].push(term(token));
    }
    const ands = alternatives.map((terms): Node => ({ and: terms }));
    return ands.length === 1 ? ands[0] : { or: ands };
  };
  const tree = group();
  if (at !== list.length) throw new Error('unbalanced )');
  return tree;
}

function term(token: string): Node {
  const text = token.startsWith('"') ? token.slice(1, -1) : token;
  const colon = /^((?:[^\\:]|\\.)+):/.exec(text);
  if (!colon) throw new Error(`unqualified text is not in the subset: ${token}`);
  const key = colon[1];
  const value = text.slice(colon[0].length);
  if (key.toLowerCase() === 'nid') {
    if (!/^(\d+,)*\d+$/.test(value)) throw new Error(`expected only digits and commas in nid: (${value})`);
    return { nids: value.split(',').map(Number) };
  }
  return { field: unescape(key), like: toSql(unescape(value)) };
}

function unescape(text: string): string {
  if (/(?:^|[^\\])(?:\\\\)*\\(?:[^\\":*_()-]|$)/.test(text)) throw new Error(`unknown escape in ${text}`);
  return text.replace(/\\[\\":()-]/g, (pair) => (pair === '\\\\' ? '\\\\' : pair[1]));
}

function toSql(text: string): string {
  return text.replace(/\\[\\*]|[*%]/g, (piece) => ({ '\\\\': '\\\\', '\\*': '*', '*': '%', '%': '\\%' })[piece]!);
}

/** SQLite `x LIKE pattern ESCAPE '\'`: whole string, `%` any run, `_` one character, ASCII case folded. */
function like(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (char === '%') re += '[\\s\\S]*';
    else if (char === '_') re += '[\\s\\S]';
    else re += /[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : escapeRe(char);
  }
  return new RegExp(`^${re}$`, 'u').test(value);
}

function escapeRe(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function matches(node: Node, note: SearchableNote): boolean {
  if ('and' in node) return node.and.every((child) => matches(child, note));
  if ('or' in node) return node.or.some((child) => matches(child, note));
  if ('nids' in node) return node.nids.includes(note.id);
  const name = Object.keys(note.fields).find((field) => field.toLowerCase() === node.field.toLowerCase());
  return name !== undefined && like(note.fields[name], node.like);
}
