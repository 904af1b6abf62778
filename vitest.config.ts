import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'workers/training/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep the pool small so CPU-heavy suites do not starve each other.
    maxWorkers: 2,
    sequence: { shuffle: { files: false, tests: true } },
    coverage: {
      provider: 'v8',
      include: ['core/**/*.ts', 'config/**/*.ts', 'adapters/**/*.ts'],
      exclude: ['**/*.test.ts', '**/index.ts'],
      reporter: ['text-summary'],
    },
  },
});
