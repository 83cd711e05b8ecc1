import type { TestProject } from 'vitest/node'

import { startTestCms, type TestCms } from '../../scripts/lib/testCms.ts'
import { freePortIn } from './ports.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    keyPrefix: string
  }
}

let cms: TestCms | undefined

/** One real cms (production build, fresh migrated and seeded database) for the whole run. */
export async function setup(project: TestProject) {
  const port = await freePortIn(3250, 3299)
  const runId = `${process.pid}_${Date.now()}`
  const keyPrefix = `test:rt:${runId}:`
  cms = await startTestCms({
    port,
    database: `event_portal_realtime_test_${runId}`,
    // The tests sign up and log in many users from one address.
    extraEnv: {
      RATE_LIMIT_LOGIN: '10000/60',
      RATE_LIMIT_REGISTER: '10000/60',
      RATE_LIMIT_REGISTRATIONS: '10000/60',
      // What cms publishes (moderation, ended sessions, seats) reaches the tests' nodes.
      REALTIME_KEY_PREFIX: keyPrefix,
    },
  })
  project.provide('cmsUrl', cms.url)
  project.provide('keyPrefix', keyPrefix)
}

export async function teardown() {
  await cms?.stop()
}
