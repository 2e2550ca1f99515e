/**
 * obsidian-spaced-repetition (OSR): the settings that decide which cards its
 * notes give, shared by the read stage (which finds them in the vault) and
 * the extract stage (which follows them). Names and defaults are OSR's own
 * (its src/data/settings.ts), so a `data.json` reads as it is.
 */

export interface OsrSettings {
  /** Tags that make a note a flashcard note, with `#` (`#flashcards`); a sub-tag (`#flashcards/science`) counts. */
  flashcardTags: string[];
  flashcardTagsToIgnore: string[];
  /** Decks from folders instead of tags. */
  convertFoldersToDecks: boolean;
  singleLineCardSeparator: string;
  singleLineReversedCardSeparator: string;
  multilineCardSeparator: string;
  multilineReversedCardSeparator: string;
  /** Empty: a blank line ends a multi-line card. */
  multilineCardEndMarker: string;
  /** clozecraft patterns, e.g. `==[123;;]answer[;;hint]==`. */
  clozePatterns: string[];
}

/**
 * Which notes are OSR notes: every note of a vault where OSR is installed
 * (`vault`, untagged notes then give no cards, as in OSR), only the notes that
 * carry a flashcard tag and hold a card in OSR's syntax (`tagged`, the default
 * elsewhere), or none (`off`).
 */
export interface OsrMode {
  notes: 'vault' | 'tagged' | 'off';
  settings: OsrSettings;
}

export const OSR_DEFAULTS: Readonly<OsrSettings> = Object.freeze({
  flashcardTags: ['#flashcards'],
  flashcardTagsToIgnore: [],
  convertFoldersToDecks: false,
  singleLineCardSeparator: '::',
  singleLineReversedCardSeparator: ':::',
  multilineCardSeparator: '?',
  multilineReversedCardSeparator: '??',
  multilineCardEndMarker: '',
  clozePatterns: ['==[123;;]answer[;;hint]=='],
});

export const OSR_TAGGED: OsrMode = { notes: 'tagged', settings: OSR_DEFAULTS };

type Problem = (key: string, expected: string) => void;

/**
 * OSR's saved settings (the `settings` object of its data.json) over its
 * defaults. A key of the wrong type is reported and its default used, as OSR
 * itself would fall back. Settings saved before OSR had cloze patterns carry
 * `convertHighlightsToClozes` & co. instead; they are upgraded the way OSR does.
 */
export function osrSettingsFrom(saved: Record<string, unknown>, problem: Problem): OsrSettings {
  const settings: OsrSettings = { ...OSR_DEFAULTS, flashcardTags: [...OSR_DEFAULTS.flashcardTags] };
  const strings = ['singleLineCardSeparator', 'singleLineReversedCardSeparator', 'multilineCardSeparator', 'multilineReversedCardSeparator', 'multilineCardEndMarker'] as const;
  for (const key of strings) {
    const value = saved[key];
    if (value === undefined) continue;
    if (typeof value === 'string') settings[key] = value;
    else problem(key, 'a text');
  }
  for (const key of ['flashcardTags', 'flashcardTagsToIgnore', 'clozePatterns'] as const) {
    const value = saved[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) settings[key] = value.filter(Boolean);
    else problem(key, 'a list of texts');
  }
  if (saved.convertFoldersToDecks !== undefined) {
    if (typeof saved.convertFoldersToDecks === 'boolean') settings.convertFoldersToDecks = saved.convertFoldersToDecks;
    else problem('convertFoldersToDecks', 'true or false');
  }
  if (saved.clozePatterns === undefined || saved.clozePatterns === null) settings.clozePatterns = upgradedClozePatterns(saved);
  return settings;
}

function upgradedClozePatterns(saved: Record<string, unknown>): string[] {
  if (!('convertHighlightsToClozes' in saved || 'convertBoldTextToClozes' in saved || 'convertCurlyBracketsToClozes' in saved)) {
    return [...OSR_DEFAULTS.clozePatterns];
  }
  const patterns: string[] = [];
  if (saved.convertHighlightsToClozes === true) patterns.push('==[123;;]answer[;;hint]==');
  if (saved.convertBoldTextToClozes === true) patterns.push('**[123;;]answer[;;hint]**');
  if (saved.convertCurlyBracketsToClozes === true) patterns.push('{{[123;;]answer[;;hint]}}');
  return patterns;
}

/** `#flashcards/science` is a flashcard tag when `#flashcards` is one (OSR's isSubTagContainedInTag). */
export function isTagIn(list: readonly string[], tag: string): boolean {
  const withHash = tag.startsWith('#') ? tag : `#${tag}`;
  return list.some((entry) => withHash === entry || withHash.startsWith(`${entry}/`));
}
