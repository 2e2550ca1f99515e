/**
 * Obsidian's internal links and embeds, as a micromark extension (remark
 * plugin `remarkWikilinks`):
 *
 *     [[Note]]  [[Note|alias]]  [[Note#Heading]]  [[#Heading]]  [[Note#^block]]   → wikiLink
 *     ![[image.png]]  ![[image.png|300]]  ![[Note#Heading]]                          → embed
 *
 * Inside a table the alias is written `[[Note\|alias]]`; both that and a bare
 * `|` divide target and alias (protectTablePipes keeps a bare one from
 * splitting the cell). Links never span lines, and `]` ends the target.
 *
 * Written here rather than taken from npm: the packages for micromark 4 either
 * throw on input such as `[[|x]]`, pull in a web framework, or do not know the
 * table escape (docs/decisions.md).
 */
import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import type { Code, Effects, Extension, State } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { Embed, WikiLink } from '../model.js';

const EXCLAMATION = 33;
const BACKSLASH = 92;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const PIPE = 124;

/**
 * Stands for `|` inside `[[…]]` while GFM splits table rows, which it does on
 * every unescaped `|`. One UTF-16 unit like `|`, so every position stays the
 * user's; put back in any text that is not a link (restoreTablePipes).
 */
const PROTECTED_PIPE = '\uE000';
const PROTECTED_PIPE_CODE = PROTECTED_PIPE.charCodeAt(0);

/** Replaces each bare `|` inside a one-line `[[…]]` with PROTECTED_PIPE. */
export function protectTablePipes(markdown: string): string {
  if (!markdown.includes('[[')) return markdown;
  return markdown.replace(/\[\[[^[\]\n]*\]\]/g, (link) => link.replace(/(?<!\\)\|/g, PROTECTED_PIPE));
}

/** Undoes protectTablePipes where a `[[…]]` was not a link (inside code, for example). */
export function restoreTablePipes(tree: Root): void {
  const walk = (node: { value?: unknown; children?: unknown[] }) => {
    if (typeof node.value === 'string' && node.value.includes(PROTECTED_PIPE)) node.value = node.value.replaceAll(PROTECTED_PIPE, '|');
    node.children?.forEach((child) => walk(child as typeof node));
  };
  walk(tree);
}

export function wikilinkSyntax(): Extension {
  return {
    text: {
      [LEFT_BRACKET]: { name: 'wikiLink', tokenize: tokenizer(false) },
      [EXCLAMATION]: { name: 'embed', tokenize: tokenizer(true) },
    },
  };
}

function tokenizer(embed: boolean) {
  return function tokenize(effects: Effects, ok: State, nok: State): State {
    let opened = 0;
    let targetSize = 0;
    const start: State = (code) => {
      effects.enter(embed ? 'embed' : 'wikiLink');
      effects.enter('wikiLinkMarker');
      if (embed) {
        effects.consume(code);
        return open;
      }
      return open(code);
    };
    const open: State = (code) => {
      if (code !== LEFT_BRACKET) return nok(code);
      effects.consume(code);
      opened += 1;
      if (opened < 2) return open;
      effects.exit('wikiLinkMarker');
      effects.enter('wikiLinkTarget');
      return target;
    };
    const target: State = (code) => {
      if (code === RIGHT_BRACKET) return targetSize ? endTarget(code) : nok(code);
      if (code === PIPE || code === PROTECTED_PIPE_CODE) return divider(code);
      if (code === BACKSLASH) return effects.check({ tokenize: tokenizeEscapedPipe, partial: true }, divider, inTarget)(code);
      return inTarget(code);
    };
    const inTarget: State = (code) => {
      if (isEnd(code) || code === LEFT_BRACKET) return nok(code);
      effects.consume(code);
      if (!markdownSpace(code)) targetSize += 1;
      return target;
    };
    const endTarget: State = (code) => {
      effects.exit('wikiLinkTarget');
      return close(code);
    };
    const divider: State = (code) => {
      if (!targetSize) return nok(code);
      effects.exit('wikiLinkTarget');
      effects.enter('wikiLinkDivider');
      if (code === BACKSLASH) {
        effects.consume(code);
        return (next: Code) => {
          effects.consume(next);
          return afterDivider;
        };
      }
      effects.consume(code);
      return afterDivider;
    };
    const afterDivider: State = (code) => {
      effects.exit('wikiLinkDivider');
      effects.enter('wikiLinkAlias');
      return alias(code);
    };
    const alias: State = (code) => {
      if (code === RIGHT_BRACKET) {
        effects.exit('wikiLinkAlias');
        return close(code);
      }
      if (isEnd(code)) return nok(code);
      effects.consume(code);
      return alias;
    };
    let closed = 0;
    const close: State = (code) => {
      if (closed === 0) effects.enter('wikiLinkMarker');
      if (code !== RIGHT_BRACKET) return nok(code);
      effects.consume(code);
      closed += 1;
      if (closed < 2) return close;
      effects.exit('wikiLinkMarker');
      effects.exit(embed ? 'embed' : 'wikiLink');
      return ok;
    };
    return start;
  };
}

function tokenizeEscapedPipe(effects: Effects, ok: State, nok: State): State {
  return (code) => {
    if (code !== BACKSLASH) return nok(code);
    effects.enter('wikiLinkDivider');
    effects.consume(code);
    return (next: Code) => {
      if (next !== PIPE) return nok(next);
      effects.consume(next);
      effects.exit('wikiLinkDivider');
      return ok;
    };
  };
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiLink: 'wikiLink';
    embed: 'embed';
    wikiLinkMarker: 'wikiLinkMarker';
    wikiLinkTarget: 'wikiLinkTarget';
    wikiLinkDivider: 'wikiLinkDivider';
    wikiLinkAlias: 'wikiLinkAlias';
  }
}

function isEnd(code: Code): boolean {
  return code === null || markdownLineEnding(code);
}

export function wikilinkFromMarkdown(): FromMarkdownExtension {
  const enter = function (this: CompileContext, token: Token) {
    const node = { type: token.type as 'wikiLink' | 'embed', target: '', children: [] };
    this.enter(node as unknown as WikiLink, token);
  };
  const exit = function (this: CompileContext, token: Token) {
    const node = this.stack[this.stack.length - 1] as unknown as WikiLink | Embed;
    const text = linkText(node);
    node.children = text ? [{ type: 'text', value: text }] : [];
    this.exit(token);
  };
  return {
    enter: { wikiLink: enter, embed: enter },
    exit: {
      wikiLink: exit,
      embed: exit,
      wikiLinkTarget(token) {
        const node = this.stack[this.stack.length - 1] as unknown as WikiLink;
        const raw = this.sliceSerialize(token).trim();
        const hash = raw.indexOf('#');
        node.target = (hash < 0 ? raw : raw.slice(0, hash)).trim();
        if (hash >= 0) node.anchor = raw.slice(hash + 1).trim();
      },
      wikiLinkAlias(token) {
        const node = this.stack[this.stack.length - 1] as unknown as WikiLink;
        const alias = this.sliceSerialize(token).trim();
        if (alias) node.alias = alias;
      },
    },
  };
}

/**
 * What a link shows on a card: the alias, else the note's name (without its
 * folder or `.md`), else the heading or block it points to. An embed's alias
 * that is a size (`300`, `100x145`) is not text, nor is an embedded file's name.
 */
export function linkText(link: Pick<WikiLink | Embed, 'type' | 'target' | 'anchor' | 'alias'>): string {
  if (link.alias && !(link.type === 'embed' && embedSize(link.alias))) return link.alias;
  // An embedded file (an image, a sound) has no words of its own; only an embedded note has a name to show.
  if (link.type === 'embed' && !embedsNote(link.target)) return '';
  const name = link.target.split('/').pop()!.replace(/\.md$/i, '');
  if (name) return name;
  return (link.anchor ?? '').replace(/^\^/, '').split('#').pop()!.trim();
}

/** An embed's target is a note (`Other note`, `Other note.md`), not a file (`x.png`). */
export function embedsNote(target: string): boolean {
  return !/\.[a-z0-9]+$/i.test(target) || /\.md$/i.test(target);
}

/** `300` → width 300; `100x145` → width 100, height 145. */
export function embedSize(alias: string): { width: number; height?: number } | null {
  const match = /^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$/.exec(alias);
  if (!match) return null;
  return match[2] ? { width: Number(match[1]), height: Number(match[2]) } : { width: Number(match[1]) };
}

/** remark plugin: parse wikilinks and embeds. */
export function remarkWikilinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikilinkSyntax());
  (data.fromMarkdownExtensions ??= []).push(wikilinkFromMarkdown());
}
