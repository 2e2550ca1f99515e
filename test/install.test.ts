/**
 * deckgen as a user gets it: `npm pack` of this repository installed with
 * `npm install -g --prefix` into a temporary folder, then the installed
 * `deckgen` run as a process from folders outside the project.
 * Dependencies come from the npm cache or the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let prefix = '';
let tarballFiles: string[] = [];

function deckgen(args: string[], cwd: string) {
  const result = spawnSync(join(prefix, 'bin', 'deckgen'), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), 'deckgen-install-'));
  // dist/ up to date (what `prepare` does on install from git), then the tarball without re-running tsc over the
  // dist/ other test files may be reading.
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: projectRoot, encoding: 'utf8' })) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarballFiles = packed[0].files.map((file) => file.path);
  prefix = join(tmp, 'prefix');
  execFileSync(npm, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(tmp, packed[0].filename)], { stdio: 'pipe', encoding: 'utf8' });
}, 300_000);

describe('deckgen installed from a tarball', () => {
  it('packs the compiled CLI, library and docs, not the tests, notes or sources', () => {
    expect(tarballFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/bin/deckgen.js', 'dist/lib/index.js', 'docs/api.md']));
    expect(tarballFiles.filter((path) => /^(test|notes|decks|src|bench|scripts)\//.test(path))).toEqual([]);
  });

  it('deckgen --version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const result = deckgen(['--version'], tmpdir());
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('deckgen DIR and deckgen FILE.md build from the current folder', () => {
    const home = mkdtempSync(join(tmpdir(), 'deckgen-user-'));
    mkdirSync(join(home, 'vault', 'cs'), { recursive: true });
    writeFileSync(join(home, 'vault', 'cs', 'tcp.md'), '# TCP\n- 3-way handshake : SYN, SYN-ACK, ACK\n');
    writeFileSync(join(home, 'vault', 'jwt.md'), '# JWT\n- 헤더 : 토큰 종류와 해시 알고리즘 정보\n');
    const folder = deckgen(['vault'], home);
    expect(folder.status, folder.stderr).toBe(0);
    expect(folder.stdout).toContain('2 decks, 2 notes, 2 cards');
    expect(readdirSync(join(home, 'decks')).sort()).toEqual(['vault.apkg', 'vault.csv']);
    const file = deckgen(['vault/jwt.md', '--out', 'one'], home);
    expect(file.status, file.stderr).toBe(0);
    expect(file.stdout).toContain('1 deck, 1 note, 1 card');
    expect(readFileSync(join(home, 'one', 'jwt.csv'), 'utf8')).toContain('토큰 종류와 해시 알고리즘 정보');
    expect(readdirSync(join(home, 'vault')).sort()).toEqual(['cs', 'deckgen.lock.json', 'jwt.deckgen.lock.json', 'jwt.md']);
  });

  it('npx deckgen in the checkout runs the same CLI', () => {
    const home = mkdtempSync(join(tmpdir(), 'deckgen-npx-'));
    writeFileSync(join(home, 'jwt.md'), '# JWT\n- 헤더 : 토큰 종류\n');
    const result = spawnSync(npm, ['exec', '--offline', '--', 'deckgen', join(home, 'jwt.md'), '--out', join(home, 'decks'), '--format', 'csv'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(home, 'decks', 'jwt.csv'), 'utf8')).toContain('토큰 종류');
  });

  it('deckgen with no notes folder names the absolute path it tried, exit 2', () => {
    const empty = mkdtempSync(join(tmpdir(), 'deckgen-empty-'));
    const result = deckgen([], empty);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Notes folder not found: ${join(empty, 'notes')} does not exist. Give the folder (or .md file) of your notes: deckgen path/to/notes`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
