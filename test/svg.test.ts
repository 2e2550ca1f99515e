/**
 * SVG media: a plain drawing (an icon, a diagram) is bundled; an SVG that can
 * run script, link out or load another file is refused with a diagnostic.
 * Built through the CLI and read back from the .apkg.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedSvg } from '../src/lib/render/svg.js';
import { readApkg } from './helpers/anki.js';
import { runCli, workspace } from './helpers/cli.js';

const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" class="lucide"><path d="M15 12H3"/><rect width="7" height="7" x="3" y="3" rx="1"/></svg>';
const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${inner}</svg>`;

describe('SVG media', () => {
  it.each([
    ['an icon', icon],
    ['a diagram with a gradient, text and a local reference', svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect fill="url(#g)" width="9" height="9"/><text x="1" y="5">A → B</text><use href="#g"/>')],
    ['an XML declaration and a title', `<?xml version="1.0" encoding="UTF-8"?>${svg('<title>Graph</title><circle r="3"/>')}`],
  ])('bundles %s', (_what, text) => {
    expect(refusedSvg(Buffer.from(text))).toBeNull();
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>'), '<script>'],
    ['an event handler', svg('<circle r="3"/>', ' onload="alert(1)"'), 'onload'],
    ['a link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), '<a>'],
    ['HTML inside', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), '<foreignObject>'],
    ['an animation that can set an attribute', svg('<set attributeName="href" to="javascript:alert(1)"/>'), '<set>'],
    ['another file', svg('<image href="https://example.com/x.png"/>'), '<image>'],
    ['an external use', svg('<use href="other.svg#x"/>'), 'href'],
    ['a style', svg('<rect style="fill:url(https://example.com/x)"/>'), 'style'],
    ['a URL in a paint', svg('<rect fill="url(https://example.com/x#y)"/>'), 'another file'],
    ['entities', `<!DOCTYPE svg [<!ENTITY x "y">]>${svg('<text>&x;</text>')}`, 'DOCTYPE'],
    ['broken XML', '<svg><path></svg>', 'well-formed'],
  ])('refuses %s', (_what, text, reason) => {
    expect(refusedSvg(Buffer.from(text))).toContain(reason);
  });

  it('a plain icon is in the package under the name the card uses; a scripted one is refused at its line', async () => {
    const dir = workspace({
      'img/icon.svg': icon,
      'img/bad.svg': svg('<circle r="3"/>', ' onload="alert(1)"'),
      'cards.md': '# Icons\n- 정렬 : ![](img/icon.svg) 버튼\n- 나쁜 것 : ![](img/bad.svg) 버튼\n',
    });
    const result = runCli(['--json'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    const report = JSON.parse(result.stdout) as { diagnostics: { rule: string; line: number }[] };
    expect(report.diagnostics.map((d) => [d.rule, d.line])).toEqual([['media-type-refused', 3]]);
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    const [name] = Object.values(apkg.media);
    expect(Object.keys(apkg.media)).toHaveLength(1);
    expect(Buffer.from(apkg.entries[Object.keys(apkg.media)[0]]).toString()).toBe(icon);
    expect(apkg.notes.map((note) => note.fields[1]).join('\n')).toContain(`src="${name}"`);
  });
});
