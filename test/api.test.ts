/** docs/api.md's example is a promise: it is run here, as written, and prints what the page says it prints. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot, workspace } from './helpers/cli.js';

const page = readFileSync(join(projectRoot, 'docs', 'api.md'), 'utf8');
const block = (lang: string) => [...page.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);

describe('docs/api.md', () => {
  it('runs the example and prints the documented output', () => {
    const [example] = block('ts');
    const [expected] = block('text');
    expect(example).toContain("from 'deckgen'");
    const dir = workspace({ 'tcp.md': '# TCP\n- 3-way handshake : SYN, SYN-ACK, ACK\n- 4-way handshake : FIN, ACK, FIN, ACK\n' });
    // 'deckgen' is this checkout's library entry (the package name resolves only inside an install).
    const script = example.replace("from 'deckgen'", `from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/lib/index.ts')).href)}`);
    writeFileSync(join(dir, 'example.mts'), script);
    const tsx = pathToFileURL(join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const result = spawnSync(process.execPath, ['--import', tsx, 'example.mts'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});
