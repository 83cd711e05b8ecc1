// Starts the real cms (demo-seeded, own database) for the loader tests.
import type { TestProject } from 'vitest/node'

import { startTestCms, type TestCms } from '../../scripts/lib/testCms.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
  }
}

let cms: TestCms | undefined

export async function setup(project: TestProject) {
  cms = await startTestCms({
    port: Number(process.env.SITE_TEST_CMS_PORT ?? 3201),
    database: `event_portal_site_unit_${process.pid}`,
  })
  project.provide('cmsUrl', cms.url)
}

export async function teardown() {
  await cms?.stop()
}
