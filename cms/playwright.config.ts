import { defineConfig } from '@playwright/test'

import { debianChromium } from '../scripts/lib/chromium.ts'

const port = Number(process.env.CMS_E2E_PORT ?? 3100)
const reportDir = process.env.TEST_REPORT_DIR ?? '.test-reports'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${reportDir}/cms-e2e.json` }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: debianChromium,
  },
  webServer: {
    command: 'node e2e/server.ts',
    url: `http://localhost:${port}/api/events?limit=1`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
