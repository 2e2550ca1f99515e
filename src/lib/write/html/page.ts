/**
 * The preview page: one self-contained HTML file (styles, scripts, MathJax,
 * media as data: URLs), so it opens from the file system with no server and
 * no network, and can be copied anywhere.
 *
 * Nothing from the notes is written into the markup except the title, as
 * escaped text; the data sits in a JSON script element with every `<`
 * escaped, so no name, tag or message can close it. A Content-Security-Policy
 * lets only the page's own scripts run (by hash), whatever a card holds.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { escapeText } from 'entities';
import { CARD_CSS } from '../anki/style.js';
import type { PreviewData } from './cards.js';
import { CLIENT_SCRIPT } from './client.js';
import { PAGE_CSS } from './style.js';

/**
 * Anki's MathJax configuration (ts/mathjax/index.ts), so formulas typeset as
 * in Anki; the full TeX build already holds its noerrors and mathtools
 * packages, and SVG output needs no font files.
 */
const MATHJAX_CONFIG = `window.MathJax = {
  tex: { displayMath: [['\\\\[', '\\\\]']], processEscapes: false, processEnvironments: false, processRefs: false,
    packages: { '[+]': ['noerrors', 'mathtools'], '[-]': ['textmacros'] } },
  svg: { fontCache: 'global' },
  options: { enableMenu: false },
  startup: { typeset: false }
};`;

let mathJax: string | undefined;

function mathJaxBundle(): string {
  if (mathJax === undefined) {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('mathjax/es5/tex-svg-full.js'), 'utf8');
    // Inside <script>, only `</script` (or `<script` after `<!--`) could end the element early.
    if (/<\/?script/i.test(bundle)) throw new Error('deckgen bug: this MathJax bundle cannot be inlined: it holds a script tag');
    mathJax = bundle;
  }
  return mathJax;
}

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** JSON that stays inert inside <script>: `<` never appears as itself. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function previewPage(data: PreviewData): string {
  const scripts = [MATHJAX_CONFIG, mathJaxBundle(), CLIENT_SCRIPT];
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')}`,
    // MathJax writes its own styles; remote images and sounds in notes show as in Anki.
    "style-src 'unsafe-inline'",
    'img-src data: http: https:',
    'media-src data: http: https:',
    // The live preview (deckgen watch --serve) fetches the page again and listens for rebuilds.
    "connect-src 'self'",
  ].join('; ');
  const title = escapeText(data.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="deckgen">
<link rel="icon" href="data:,">
<title>${title} — deckgen preview</title>
<style>
.dg-face {
${CARD_CSS}
}
${PAGE_CSS}
</style>
</head>
<body>
<header class="dg-bar">
<h1><span id="dg-title">${title}</span> <small>deckgen preview</small></h1>
<input id="dg-search" type="search" placeholder="Search front, back, tags (/)" aria-label="Search front, back and tags" autocomplete="off">
<select id="dg-deck" aria-label="Deck"></select>
<label><input id="dg-problems-only" type="checkbox"> with problems</label>
<button id="dg-theme" type="button" aria-pressed="false">Night</button>
<span id="dg-count" role="status"></span>
</header>
<section id="dg-problems" aria-label="Diagnostics"></section>
<main id="dg-cards"></main>
<script type="application/json" id="deckgen-data">${scriptJson(data)}</script>
${scripts.map((script) => `<script>${script}</script>`).join('\n')}
</body>
</html>
`;
}
