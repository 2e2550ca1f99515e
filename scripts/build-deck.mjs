#!/usr/bin/env node
/**
 * `npm run build-deck`: runs the compiled CLI (dist/), so a build does not pay
 * for transpiling TypeScript on every run; compile.mjs keeps dist/ up to date.
 */
import './compile.mjs';

await import('../dist/bin/deckgen.js');
