/**
 * Math is handed to Anki's MathJax, which only knows `\(…\)` and `\[…\]`.
 * The TeX is copied exactly as the parser found it; escaping `<`, `>`, `&`
 * happens when the text is written out, like every other text.
 */
import type { Code } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';
import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/** `$$…$$` inside a line (marked by parse/display-math.ts) is display math, but stays where it stands in the text. */
export const inlineMathHandler: Handler = (_state, node: InlineMath): Text => ({
  type: 'text',
  value: node.data?.display ? `\\[${node.value}\\]` : `\\(${node.value}\\)`,
  position: node.position,
});

/** A block of its own, so MathJax's display mode is not wedged between other text of the field. */
export function displayMath(value: string): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['math'] }, children: [{ type: 'text', value: `\\[${value}\\]` }] };
}

export const mathHandler: Handler = (_state, node: Math) => ({ ...displayMath(node.value), position: node.position });

/** GitHub renders a ```` ```math ```` fence as display math, so notes written for GitHub use it. */
export const codeHandler: Handler = (state, node: Code) => {
  if (node.lang?.toLowerCase() !== 'math') return defaultHandlers.code(state, node);
  const element = displayMath(node.value);
  state.patch(node, element);
  return element;
};

/**
 * Notes written for GitHub often show a formula as an image rendered by a web
 * service, with the TeX in the URL: GitHub's own
 * `render.githubusercontent.com/render/math?math=…&mode=…` and codecogs'
 * `latex.codecogs.com/<format>.<latex|image>?…`. Such an image fails without
 * a network and cannot be selected or resized, so the TeX is taken back out
 * of the URL and handed to MathJax like any other math.
 */
export function rehypeMathImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || index === undefined || !parent) return;
      const math = texOfImage(String(node.properties.src ?? ''));
      if (!math) return;
      const text: Text = { type: 'text', value: math.display ? `\\[${math.tex}\\]` : `\\(${math.tex}\\)` };
      // An image on a line of its own was a block of raw HTML: it stays a block.
      if (parent.type !== 'root') parent.children[index] = text;
      else parent.children[index] = math.display ? displayMath(math.tex) : { type: 'element', tagName: 'p', properties: {}, children: [text] };
    });
  };
}

// Rendering options codecogs reads at the start of its TeX; they are not part of the formula.
const CODECOGS_OPTIONS = /^\s*(\\(dpi|bg|fg|fn)(\{[^}]*\}|_\w+)|\\(inline|tiny|small|normalsize|large|Large|LARGE|huge|Huge|scriptsize|footnotesize))\s*/;

export function texOfImage(src: string): { tex: string; display: boolean } | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const query = url.search.slice(1);
  if (url.hostname === 'render.githubusercontent.com' && url.pathname === '/render/math') {
    const params = Object.fromEntries(query.split('&').map((pair) => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]));
    const tex = params.math === undefined ? null : decode(params.math);
    return tex ? { tex, display: params.mode === 'display' } : null;
  }
  if (url.hostname === 'latex.codecogs.com' && /^\/\w+\.(latex|image)$/.test(url.pathname)) {
    let tex = decode(query.replace(/&space;/g, ' ').replace(/&plus;/g, '+'));
    if (tex === null) return null;
    for (let option = CODECOGS_OPTIONS.exec(tex); option; option = CODECOGS_OPTIONS.exec(tex)) tex = tex.slice(option[0].length);
    return tex.trim() ? { tex: tex.trim(), display: false } : null;
  }
  return null;
}

/** `+` is a plus in these URLs (TeX needs it far more than a space), so only %-escapes are decoded. */
function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
