// One test run for the whole repository: every feature's tests live in tests/, one file per feature.
// Editor component tests are .tsx and pick a DOM per file (`// @vitest-environment happy-dom`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
