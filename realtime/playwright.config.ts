import { defineConfig } from '@playwright/test'

import { debianChromium } from '../scripts/lib/chromium.ts'

import { E2E_PORTS } from './e2e/ports.ts'

const reportDir = process.env.TEST_REPORT_DIR ?? '.test-reports'

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${reportDir}/realtime-e2e.json` }]],
  use: {
    baseURL: `http://localhost:${E2E_PORTS.site}`,
    trace: 'retain-on-failure',
    launchOptions: debianChromium,
  },
  webServer: {
    command: 'node e2e/stack.ts',
    url: `http://localhost:${E2E_PORTS.site}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The stack script stops its children and drops its database on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
