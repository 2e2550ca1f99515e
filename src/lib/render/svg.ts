/**
 * An SVG is a document, not a picture: it can hold script, event handlers,
 * links and references to other files. Anki shows media through `<img>`,
 * where none of that runs, but the file also lands in the user's media folder
 * and in every shared copy of the deck. So an SVG is bundled only when it is a
 * plain drawing: every element and attribute on the lists below, no link out
 * of the file, no DOCTYPE (entities). Icon sets (Lucide, as in Obsidian's
 * help vault) and diagrams exported by drawing tools pass; anything else is
 * refused, never rewritten.
 */
import type { Element, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';

const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'filter',
  'feBlend', 'feColorMatrix', 'feComposite', 'feFlood', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feOffset', 'feDropShadow',
]);

// Presentation and geometry only: no `on…` handler, no `style` (it can load a URL), no `href` but a `#fragment`.
const ATTRIBUTE = /^(xmlns(:\w+)?|version|id|class|width|height|viewBox|preserveAspectRatio|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|d|points|transform|fill|fill-opacity|fill-rule|stroke|stroke-width|stroke-linecap|stroke-linejoin|stroke-dasharray|stroke-dashoffset|stroke-miterlimit|stroke-opacity|opacity|clip-path|clip-rule|mask|marker-start|marker-mid|marker-end|offset|stop-color|stop-opacity|gradientUnits|gradientTransform|patternUnits|patternTransform|markerWidth|markerHeight|refX|refY|orient|filter|stdDeviation|dx|dy|in|in2|result|mode|operator|values|type|flood-color|flood-opacity|font-family|font-size|font-weight|font-style|text-anchor|dominant-baseline|letter-spacing|color|display|visibility|vector-effect|shape-rendering|xml:space|aria-hidden|role|focusable|data-[\w-]+)$/;
const LOCAL_REFERENCE = /^#[\w-]+$/;
const URL_IN_VALUE = /url\(\s*(?!['"]?#)/i;

/** Null when the SVG is a plain drawing, else why not. */
export function refusedSvg(data: Uint8Array): string | null {
  const text = Buffer.from(data).toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'the SVG declares a DOCTYPE or entities';
  let tree: Root;
  try {
    tree = fromXml(text);
  } catch {
    return 'the SVG is not well-formed XML';
  }
  const stack: RootContent[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'instruction' && node.name !== 'xml') return `the SVG holds a processing instruction \`<?${node.name}\``;
    if (node.type !== 'element') continue;
    const problem = refusedElement(node);
    if (problem) return problem;
    stack.push(...node.children);
  }
  return null;
}

function refusedElement(element: Element): string | null {
  const name = element.name.replace(/^svg:/, '');
  if (!ELEMENTS.has(name)) return `the SVG holds a \`<${element.name}>\` element, which a plain drawing does not need`;
  for (const [attribute, value] of Object.entries(element.attributes)) {
    const isReference = attribute === 'href' || attribute === 'xlink:href';
    if (isReference ? !LOCAL_REFERENCE.test(value ?? '') : !ATTRIBUTE.test(attribute)) return `the SVG's \`<${element.name}>\` has the attribute \`${attribute}\``;
    if (URL_IN_VALUE.test(value ?? '')) return `the SVG's \`<${element.name}>\` refers to another file (\`${attribute}\`)`;
  }
  return null;
}
