import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.spec.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // Test files share one cms and the seed's users; run them one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
})
