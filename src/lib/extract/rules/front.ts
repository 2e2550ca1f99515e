/**
 * Clean fronts — what is left on a question from the way notes are laid out,
 * not from what is asked, is taken off (the order of an ordered list still
 * shows in list answers):
 *
 *     ## 2. Texture Atlas              → Texture Atlas
 *     ### 3.2 Negotiation              → Negotiation
 *     #### 4-2. 트랜잭션               → 트랜잭션
 *     ## 4.흐름제어 만들기             → 흐름제어 만들기
 *     ## B. Building your network      → Building your network
 *     - (1) 원자성 : …  /  ① 원자성    → 원자성
 *     ### Precision-recall trade-off ‍⭐️ → Precision-recall trade-off
 *     ## :star: Mipmaps               → Mipmaps   (shortcodes are emoji since parsing, remark-gemoji)
 *     ### [ 비용 함수 (Cost Function) ] → 비용 함수 (Cost Function)
 *
 * Invisible characters (zero-width joiners…, extract/invisible.ts) go everywhere on a front; emoji at either end,
 * where they mark difficulty or importance (`📈 통계`, `데드락 👶`).
 */
import type { PhrasingContent } from 'mdast';
import { withoutInvisible } from '../invisible.js';

// `3.14 …` or a date is not a section number: parts after the first have one or two digits, and a separator follows.
const SECTION_NUMBER = /^\s*(?:(?:\d{1,3}(?:[.-]\d{1,2})+\.?|\d{1,3}[.)]|[A-Z][.)]|\(\d{1,2}\)|#\d{1,3})\s+|\d{1,2}\.(?=\p{L})|[\u2460-\u2473]\s*)/u;
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})[\ufe0f\u{1f3fb}-\u{1f3ff}\u20e3]*`;
const TRAILING_EMOJI = new RegExp(String.raw`(?:\s*${EMOJI})+\s*$`, 'u');
const LEADING_EMOJI = new RegExp(String.raw`^\s*(?:${EMOJI}\s*)+`, 'u');
/** A shortcode gemoji does not know is still markup, not words. */
const SHORTCODE = /(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])/g;

/**
 * `[ 운영체제의 역할 ]`: brackets around a whole title are decoration (a link
 * would be a link node, not text). `[Java] Interview List` keeps its brackets.
 */
function unbracket(out: PhrasingContent[]): void {
  const first = out[0];
  const last = out[out.length - 1];
  if (first.type !== 'text' || last.type !== 'text') return;
  const open = /^\s*\[\s*/u.exec(first.value)?.[0].length;
  const close = /\s*\]\s*$/u.exec(last.value)?.[0].length;
  if (open === undefined || close === undefined) return;
  const words = out.map((node) => (node.type === 'text' ? node.value : 'x')).join('');
  const inside = words.slice(open, words.length - close);
  // One pair around everything: no other bracket inside, and something left.
  if (!inside.trim() || /[[\]]/u.test(inside)) return;
  if (out.length === 1) {
    out[0] = { ...first, value: first.value.slice(open, first.value.length - close) };
    return;
  }
  out[0] = { ...first, value: first.value.slice(open) };
  out[out.length - 1] = { ...last, value: last.value.slice(0, last.value.length - close) };
}

/** Numbers and emoji come off the first text node, emoji off the last; a front that would be left empty stays as it is. */
export function cleanFront(nodes: PhrasingContent[]): PhrasingContent[] {
  if (nodes.length === 0) return nodes;
  const out = nodes.map((node) => (node.type === 'text' ? { ...node, value: withoutInvisible(node.value).replace(SHORTCODE, '') } : node));
  if (out[0].type === 'text') out[0] = { ...out[0], value: out[0].value.replace(LEADING_EMOJI, '') };
  const first = out[0];
  if (first.type === 'text') {
    const numbered = SECTION_NUMBER.exec(first.value);
    if (numbered && (out.length > 1 || numbered[0].trim() !== first.value.trim())) out[0] = { ...first, value: first.value.slice(numbered[0].length) };
  }
  const last = out[out.length - 1];
  if (last.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(TRAILING_EMOJI, '') };
  unbracket(out);
  const kept = out.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  return kept.length ? kept : nodes;
}
