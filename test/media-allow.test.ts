/**
 * Issue 12, "files that must never be packaged": only images, audio and video
 * are bundled, never from a hidden path, each refusal a diagnostic. Built
 * through the CLI and read back from the .apkg.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApkg } from './helpers/anki.js';
import { projectRoot, runCli, workspace } from './helpers/cli.js';

const png = readFileSync(join(projectRoot, 'test/fixtures/rich/notes/img/diagram.png'));

describe('media allow-list', () => {
  it('bundles real images only, and never reads hidden files', async () => {
    const dir = workspace({
      '.git/config': '[remote "origin"]\n\turl = https://token@example.com/x.git\n',
      '.env': 'API_KEY=secret\n',
      'img/.cache/a.png': png,
      'img/good.png': png,
      'img/page.html': '<script>alert(1)</script>',
      'img/x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'img/other.md': '# not an image',
      'img/noext': png,
      'img/fake.png': 'API_KEY=secret\n',
      'img/page.png': '<html><script>alert(1)</script></html>\n',
      'cards.md': [
        '# Media',
        '- git : see ![](.git/config)',
        '- env : see ![](.env)',
        '- cache : see ![](img/.cache/a.png)',
        '- via dots : see ![](img/../.env)',
        '- html : see ![](img/page.html)',
        '- svg : see ![](img/x.svg)',
        '- md : see ![](img/other.md)',
        '- none : see ![](img/noext)',
        '- fake : see ![](img/fake.png)',
        '- page : see <img src="img/page.png">',
        '- good : see ![diagram](img/good.png)',
        '',
      ].join('\n'),
    });
    const result = runCli(['--json'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    const report = JSON.parse(result.stdout) as { diagnostics: { rule: string; line: number; severity: string }[] };
    const byLine = report.diagnostics.map((d) => [d.line, d.rule, d.severity]);
    expect(byLine).toEqual([
      [2, 'media-hidden-path', 'error'],
      [3, 'media-hidden-path', 'error'],
      [4, 'media-hidden-path', 'error'],
      [5, 'media-hidden-path', 'error'],
      [6, 'media-type-refused', 'warning'],
      [7, 'media-type-refused', 'warning'],
      [8, 'media-type-refused', 'warning'],
      [9, 'media-type-refused', 'warning'],
      [10, 'media-type-refused', 'warning'],
      [11, 'media-type-refused', 'warning'],
    ]);
    expect(result.status).toBe(1);
    const apkg = await readApkg(join(dir, 'decks/notes.apkg'));
    const bundled = Object.keys(apkg.media).map((entry) => Buffer.from(apkg.entries[entry]));
    expect(bundled.map((bytes) => bytes.equals(png))).toEqual([true]);
    const fields = apkg.notes.map((note) => note.fields[1]).join('\n');
    expect(fields).not.toMatch(/secret|token|alert/);
  });
});
