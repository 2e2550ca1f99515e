/**
 * The CSS shared by every deckgen note type.
 *
 * Anki puts `.card` on the <body> of each card and adds `.nightMode` (plus the
 * older `.night_mode`) to that body in night mode; AnkiDroid has used both
 * spellings. Colours are custom properties set on `.card` and overridden under
 * either night class, so each rule below is written once.
 *
 * Fonts are matched per character down the list, so the Latin system font
 * comes first and each platform's Korean font takes over for Hangul. Names
 * are the installed family names, which differ from the web-font names:
 * Naver's font installs as `NanumGothic` (`"Nanum Gothic"` matches nothing
 * locally, checked in Chromium), Debian's and Android's Noto as
 * `Noto Sans CJK KR`.
 *
 * Changing anything here changes every note type's template fingerprint: bump
 * the revisions in notetype.ts (test/apkg.test.ts fails until you do), or Anki
 * keeps the old CSS on re-import ("Update note types: If newer").
 */
export const CARD_CSS = `.card {
  --dg-fg: #1f2328;
  --dg-bg: #ffffff;
  --dg-muted: #656d76;
  --dg-border: #d0d7de;
  --dg-code-bg: #f6f8fa;
  --dg-link: #0969da;
  --dg-cloze: #0550ae;
  --dg-keyword: #cf222e;
  --dg-string: #0a3069;
  --dg-comment: #6e7781;
  --dg-number: #0550ae;
  --dg-title: #8250df;
  --dg-builtin: #953800;
  --dg-type: #953800;
  --dg-attr: #0550ae;
  --dg-meta: #6e7781;
  --dg-tag: #116329;
  --dg-added: #116329;
  --dg-removed: #82071e;
  font-family: system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR",
    "Noto Sans CJK KR", NanumGothic, Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 19px;
  line-height: 1.6;
  color: var(--dg-fg);
  background-color: var(--dg-bg);
  text-align: left;
  max-width: 46em;
  margin: 1em auto;
  padding: 0 0.75em;
  word-break: keep-all;
  overflow-wrap: anywhere;
}

.nightMode,
.night_mode,
.nightMode .card,
.night_mode .card,
.card.nightMode,
.card.night_mode {
  --dg-fg: #e6edf3;
  --dg-bg: #1e1e1e;
  --dg-muted: #9198a1;
  --dg-border: #3d444d;
  --dg-code-bg: #2a2d31;
  --dg-link: #4493f8;
  --dg-cloze: #79c0ff;
  --dg-keyword: #ff7b72;
  --dg-string: #a5d6ff;
  --dg-comment: #8b949e;
  --dg-number: #79c0ff;
  --dg-title: #d2a8ff;
  --dg-builtin: #ffa657;
  --dg-type: #ffa657;
  --dg-attr: #79c0ff;
  --dg-meta: #8b949e;
  --dg-tag: #7ee787;
  --dg-added: #aff5b4;
  --dg-removed: #ffdcd7;
}

.context {
  font-size: 0.78em;
  color: var(--dg-muted);
  margin-bottom: 0.9em;
  line-height: 1.4;
}

/* Where the note comes from, below the answer: small, and out of the way. */
.source {
  font-size: 0.7em;
  color: var(--dg-muted);
  margin-top: 1.5em;
  text-align: left;
}

.source a {
  color: inherit;
}

.front,
.back {
  text-align: left;
}

/* The question stands out: whichever field is asked, and on the answer side everything above the line. */
.front,
.back {
  font-size: 1.15em;
}

hr#answer ~ .front,
hr#answer ~ .back {
  font-size: 1em;
}

hr#answer {
  border: none;
  border-top: 1px solid var(--dg-border);
  margin: 1.2em 0;
}

p {
  margin: 0.5em 0;
}

ul,
ol {
  text-align: left;
  margin: 0.4em 0;
  padding-left: 1.6em;
}

li {
  margin: 0.2em 0;
}

a {
  color: var(--dg-link);
}

blockquote {
  margin: 0.6em 0;
  padding: 0 0.9em;
  color: var(--dg-muted);
  border-left: 0.25em solid var(--dg-border);
}

/* Obsidian callouts (render/callout.ts): a tinted box with a coloured edge; the text keeps the card's
   colours, so it reads the same in light and night mode. */
.callout {
  --dg-callout: 8, 109, 221;
  margin: 0.7em 0;
  padding: 0.4em 0.9em;
  border-left: 0.25em solid rgb(var(--dg-callout));
  border-radius: 0.25em;
  background-color: rgba(var(--dg-callout), 0.1);
}

.callout-title {
  font-weight: 600;
}

.callout-body > :first-child {
  margin-top: 0.2em;
}

.callout-body > :last-child {
  margin-bottom: 0.2em;
}

.callout-abstract, .callout-tip { --dg-callout: 0, 160, 158; }
.callout-success { --dg-callout: 8, 160, 70; }
.callout-question, .callout-warning { --dg-callout: 236, 117, 0; }
.callout-failure, .callout-danger, .callout-bug { --dg-callout: 233, 49, 71; }
.callout-example { --dg-callout: 120, 82, 238; }
.callout-quote { --dg-callout: 140, 140, 140; }

img {
  max-width: 100%;
  height: auto;
}

table {
  border-collapse: collapse;
  margin: 0.6em 0;
  display: block;
  max-width: 100%;
  overflow-x: auto;
}

th,
td {
  border: 1px solid var(--dg-border);
  padding: 0.3em 0.65em;
  text-align: left;
  vertical-align: top;
}

th {
  background-color: var(--dg-code-bg);
  font-weight: 600;
}

code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, D2Coding, NanumGothicCoding, "Noto Sans Mono CJK KR",
    monospace;
  font-size: 0.88em;
  background-color: var(--dg-code-bg);
  border-radius: 4px;
  padding: 0.1em 0.35em;
}

pre {
  background-color: var(--dg-code-bg);
  border: 1px solid var(--dg-border);
  border-radius: 6px;
  padding: 0.75em 1em;
  overflow-x: auto;
  line-height: 1.45;
  text-align: left;
  white-space: pre;
  word-break: normal;
  overflow-wrap: normal;
}

pre code {
  background: none;
  border-radius: 0;
  padding: 0;
  font-size: 0.85em;
}

mjx-container[display="true"] {
  overflow-x: auto;
  overflow-y: hidden;
}

/* The text of the footnotes an answer refers to (render/footnote.ts). */
.footnotes {
  margin-top: 1em;
  padding-top: 0.3em;
  border-top: 1px solid var(--dg-border);
  font-size: 0.8em;
  color: var(--dg-muted);
}

.footnotes p {
  margin: 0.2em 0;
}

.cloze {
  font-weight: bold;
  color: var(--dg-cloze);
}

.hljs-keyword,
.hljs-selector-tag,
.hljs-doctag,
.hljs-template-tag,
.hljs-variable.language_ {
  color: var(--dg-keyword);
}

.hljs-string,
.hljs-regexp,
.hljs-char.escape_,
.hljs-template-variable {
  color: var(--dg-string);
}

.hljs-comment,
.hljs-quote {
  color: var(--dg-comment);
  font-style: italic;
}

.hljs-number,
.hljs-literal,
.hljs-symbol,
.hljs-bullet {
  color: var(--dg-number);
}

.hljs-title,
.hljs-title.function_,
.hljs-title.class_,
.hljs-section {
  color: var(--dg-title);
}

.hljs-built_in {
  color: var(--dg-builtin);
}

.hljs-type,
.hljs-class {
  color: var(--dg-type);
}

.hljs-attr,
.hljs-attribute,
.hljs-property,
.hljs-variable,
.hljs-selector-id,
.hljs-selector-class,
.hljs-selector-attr,
.hljs-selector-pseudo {
  color: var(--dg-attr);
}

.hljs-meta,
.hljs-meta .hljs-keyword {
  color: var(--dg-meta);
}

.hljs-name,
.hljs-tag {
  color: var(--dg-tag);
}

.hljs-addition {
  color: var(--dg-added);
}

.hljs-deletion {
  color: var(--dg-removed);
}

.hljs-emphasis {
  font-style: italic;
}

.hljs-strong {
  font-weight: bold;
}
`;
