/** "did you mean": yargs' .recommendCommands() suggests commands only, so unknown options get theirs here. */
import { closest, distance } from 'fastest-levenshtein';

/**
 * `Unknown argument: formt` → `Unknown argument: formt (did you mean --format?)`, for
 * each unknown name typed as an option that is close to a known option
 * (at most two edits, and fewer than half its letters).
 */
export function withSuggestions(message: string, argv: readonly string[], known: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown || known.length === 0) return message;
  const hints = unknown[1]
    .split(', ')
    .filter((name) => argv.some((arg) => arg.replace(/=.*/, '').replace(/^-+/, '') === name && arg.startsWith('-')))
    .map((name) => {
      const best = closest(name, [...known]);
      return distance(name, best) <= Math.min(2, Math.floor(name.length / 2)) ? `--${name}: did you mean --${best}?` : null;
    })
    .filter((hint): hint is string => hint !== null);
  return hints.length ? `${message} (${hints.join('; ')})` : message;
}
