import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI and corpus tests spawn processes and build whole decks; 2 cores are shared.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
