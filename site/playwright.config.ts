import { defineConfig } from '@playwright/test'

import { debianChromium } from '../scripts/lib/chromium.ts'

import { SITE_URL } from './e2e/ports'

const reportDir = process.env.TEST_REPORT_DIR ?? '.test-reports'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${reportDir}/site-e2e.json` }]],
  use: {
    baseURL: SITE_URL,
    trace: 'retain-on-failure',
    launchOptions: debianChromium,
  },
  webServer: {
    command: 'node e2e/server.ts',
    url: `${SITE_URL}/robots.txt`,
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
