/**
 * One deckgen command: its yargs definition and what it runs. The handler
 * only records the run, which main() awaits after parsing, so a bug inside a
 * command is reported as a crash and never mistaken for a usage error.
 */
import type { Argv } from 'yargs';

export interface Command<Args> {
  /** yargs' command string, e.g. `$0 [notes]` (the default command) or `removed`. */
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<Args>;
  /** Returns the exit code. */
  run: (args: Args) => Promise<number>;
}
