/**
 * Is the notes folder an Obsidian vault with obsidian-spaced-repetition (OSR)
 * installed, and what are its settings? The vault is the nearest folder, from
 * the notes folder up, holding `.obsidian/`; OSR is installed when
 * `.obsidian/plugins/obsidian-spaced-repetition/` exists, and its `data.json`
 * (when there is one) holds the user's settings under `settings`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ClozeCrafter } from 'clozecraft';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { OSR_DEFAULTS, OSR_TAGGED, osrSettingsFrom, type OsrMode, type OsrSettings } from '../osr.js';
import { vaultRoot } from './vault.js';

export const OSR_PLUGIN_DIR = join('.obsidian', 'plugins', 'obsidian-spaced-repetition');

/**
 * `force`: true treats every note as an OSR note even outside such a vault
 * (`--osr`), false turns OSR syntax off (`--no-osr`); by default notes tagged
 * `#flashcards` that hold OSR cards are OSR notes wherever they are.
 */
export function findOsr(notesDir: string, show: (path: string) => string, force?: boolean): { mode: OsrMode; diagnostics: Diagnostic[] } {
  if (force === false) return { mode: { ...OSR_TAGGED, notes: 'off' }, diagnostics: [] };
  const plugin = pluginDir(resolve(notesDir));
  if (!plugin) return { mode: force ? { notes: 'vault', settings: OSR_DEFAULTS } : OSR_TAGGED, diagnostics: [] };
  const { settings, diagnostics } = readSettings(join(plugin, 'data.json'), show);
  return { mode: { notes: 'vault', settings }, diagnostics };
}

function pluginDir(start: string): string | null {
  const root = vaultRoot(start);
  return root !== null && isDirectory(join(root, OSR_PLUGIN_DIR)) ? join(root, OSR_PLUGIN_DIR) : null;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readSettings(path: string, show: (path: string) => string): { settings: OsrSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const problem = (message: string) => diagnostics.push(diagnostic(show(path), null, 'warning', 'osr-settings', message));
  if (!existsSync(path)) return { settings: OSR_DEFAULTS, diagnostics };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problem(`obsidian-spaced-repetition's settings cannot be read (${error instanceof Error ? error.message : String(error)}); its default settings are used`);
    return { settings: OSR_DEFAULTS, diagnostics };
  }
  const saved = (data as { settings?: unknown } | null)?.settings;
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) {
    if (saved !== undefined) problem('`settings` in obsidian-spaced-repetition\'s data.json is not an object; its default settings are used');
    return { settings: OSR_DEFAULTS, diagnostics };
  }
  const settings = osrSettingsFrom(saved as Record<string, unknown>, (key, expected) =>
    problem(`\`${key}\` in obsidian-spaced-repetition's settings must be ${expected}; its default is used`),
  );
  settings.clozePatterns = settings.clozePatterns.filter((pattern) => {
    try {
      new ClozeCrafter([pattern]);
      return true;
    } catch (error) {
      problem(`Cloze pattern \`${pattern}\` is not one obsidian-spaced-repetition can use (${error instanceof Error ? error.message : String(error)}); it is ignored`);
      return false;
    }
  });
  return { settings, diagnostics };
}
