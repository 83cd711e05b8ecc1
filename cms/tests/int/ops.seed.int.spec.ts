import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { bin } from '../../../scripts/lib/processes.ts'

const exec = promisify(execFile)
const cmsDir = path.resolve(import.meta.dirname, '../..')

// The demo data has public passwords: production never gets it by accident.
describe('demo seed', () => {
  it('refuses to run with NODE_ENV=production unless forced, before touching the database', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      // Nothing listens here: the refusal must come before any connection.
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never_seeded',
      PAYLOAD_SECRET: 'seed-test-secret-0123456789abcdef',
      SITE_REVALIDATE_SECRET: 'seed-test-revalidate-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_seed_test',
      STRIPE_WEBHOOK_SECRET: 'whsec_seed_test',
    }
    const run = exec(bin('payload'), ['run', path.join('src', 'seed', 'run.ts')], {
      cwd: cmsDir,
      env,
    })
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Refusing to load the demo data with NODE_ENV=production'),
    })
  }, 120_000)
})
