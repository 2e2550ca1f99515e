/**
 * An Obsidian vault is a notes folder with a `.obsidian/` settings folder.
 * Some of its settings change what deckgen reads: the templates folders
 * (core Templates, Templater) hold `{{title}}` / `<% tp.file.title %>`
 * scaffolding, not knowledge, the attachments folder holds media, and the
 * daily-notes folder (`daily-notes.json`) holds journal entries — a log of a
 * day, not something to learn (issue 8; extract/rules/journal.ts is the same
 * for a date heading).
 *
 * Each setting is one entry of SETTINGS: a file under `.obsidian/` and what
 * to take from its JSON. A setting file that is missing is normal; one that
 * is not valid JSON is a warning, and deckgen goes on as if it were missing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export interface Vault {
  /** Folders (posix, relative to the vault) whose notes are templates, never cards. */
  templateFolders: string[];
  /** Where new attachments go (`.obsidian/app.json`); `./x` is relative to each note. */
  attachmentFolder: string | null;
  /** Folders of daily notes (`.obsidian/daily-notes.json`, or the Periodic Notes plugin): journal entries, never cards. */
  dailyNoteFolders: string[];
}

type Json = Record<string, unknown>;

/** Which file holds a setting, and how it changes the vault. Add a setting by adding an entry. */
const SETTINGS: { file: string; apply: (json: Json, vault: Vault) => void }[] = [
  { file: 'templates.json', apply: (json, vault) => addFolder(vault.templateFolders, json.folder) },
  { file: 'plugins/templater-obsidian/data.json', apply: (json, vault) => addFolder(vault.templateFolders, json.templates_folder) },
  { file: 'daily-notes.json', apply: (json, vault) => addFolder(vault.dailyNoteFolders, json.folder) },
  {
    file: 'app.json',
    apply: (json, vault) => {
      if (typeof json.attachmentFolderPath === 'string' && json.attachmentFolderPath.trim()) vault.attachmentFolder = json.attachmentFolderPath.trim();
    },
  },
];

/** The vault's settings, or null when the notes folder is not an Obsidian vault. */
export function readVault(notesDir: string, cwd = process.cwd()): { vault: Vault | null; diagnostics: Diagnostic[] } {
  const settings = join(notesDir, '.obsidian');
  if (!isFolder(settings)) return { vault: null, diagnostics: [] };
  const vault: Vault = { templateFolders: [], attachmentFolder: null, dailyNoteFolders: [] };
  const diagnostics: Diagnostic[] = [];
  for (const { file, apply } of SETTINGS) {
    const path = join(settings, file);
    if (!existsSync(path)) continue;
    const json = readJson(path);
    if (json) apply(json, vault);
    else {
      const shown = relative(cwd, path).split(sep).join('/');
      diagnostics.push(diagnostic(shown, null, 'warning', 'vault-settings-invalid', 'This Obsidian settings file is not a JSON object; deckgen ignored it'));
    }
  }
  return { vault, diagnostics };
}

/** Where the notes folder sits in an Obsidian vault: what an `obsidian://open` link to one of its notes needs. */
export interface VaultLocation {
  /** The vault's name: its folder's name, which is what Obsidian calls it. */
  name: string;
  /** The notes folder inside the vault (posix, relative to the vault; '' when it is the vault). */
  notesFolder: string;
}

/** The nearest folder from the notes folder up that holds `.obsidian/`, or null outside a vault. */
export function vaultRoot(notesDir: string): string | null {
  for (let dir = resolve(notesDir); ; dir = dirname(dir)) {
    if (isFolder(join(dir, '.obsidian'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

export function vaultLocation(notesDir: string): VaultLocation | null {
  const root = vaultRoot(notesDir);
  if (root === null) return null;
  return { name: basename(root), notesFolder: relative(root, resolve(notesDir)).split(sep).join('/') };
}

/**
 * Folders whose markdown files are not notes (posix globs for findNoteFiles):
 * templates, and the attachments folder. `.obsidian/` and `.trash/` are
 * skipped for every notes folder, vault or not.
 */
export function foldersToSkip(vault: Vault | null): string[] {
  if (!vault) return [];
  const attachments = vault.attachmentFolder;
  // Daily notes kept at the vault root (no `folder` set) cannot be skipped as a folder: a file named by a date makes no cards anyway (extract/rules/journal.ts).
  const globs = [...vault.templateFolders, ...vault.dailyNoteFolders].map((folder) => `${folder}/**`);
  // `./` means "next to each note": its folder is not a folder of its own. `./files` is one in every folder.
  if (attachments && attachments !== '/' && !/^\.\/?$/.test(attachments)) {
    globs.push(attachments.startsWith('./') ? `**/${cleanFolder(attachments.slice(2))}/**` : `${cleanFolder(attachments)}/**`);
  }
  return globs.filter((glob) => !glob.startsWith('/'));
}

/**
 * Every file in the notes folder but settings and the trash (posix, relative
 * to it): where `![[name]]` embeds are looked up. Listed once per build;
 * nothing is read here.
 */
export function listVaultFiles(notesDir: string): string[] {
  return globSync('**/*', { cwd: notesDir, ignore: ['**/node_modules/**', '**/.*/**'], dot: false }).sort();
}

function addFolder(folders: string[], value: unknown): void {
  if (typeof value !== 'string') return;
  const folder = cleanFolder(value);
  if (folder && !folders.includes(folder)) folders.push(folder);
}

/** Obsidian writes folders relative to the vault, with or without slashes around them. */
function cleanFolder(value: string): string {
  return posix.normalize(value.trim().replace(/\\/g, '/')).replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}

function readJson(path: string): Json | null {
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Json) : null;
  } catch {
    return null;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
