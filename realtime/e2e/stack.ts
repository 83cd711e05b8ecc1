// The stack the browser test drives: a fresh cms (migrated, demo-seeded), one
// realtime node, and the site in dev mode (so the test never touches site/dist).
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { startTestCms } from '../../scripts/lib/testCms.ts'
import { E2E_PORTS } from './ports.ts'

const root = path.resolve(import.meta.dirname, '../..')
const siteUrl = `http://localhost:${E2E_PORTS.site}`
const realtimeUrl = `http://localhost:${E2E_PORTS.realtime}`

const cms = await startTestCms({
  port: E2E_PORTS.cms,
  // A fixed name: startTestCms drops it first, so an interrupted run leaves nothing behind for long.
  database: 'event_portal_realtime_e2e',
  extraEnv: { SITE_URL: siteUrl },
})
const keyPrefix = `test:rt:e2e:${process.pid}:`

const children: ChildProcess[] = [
  spawn(process.execPath, ['src/index.ts'], {
    cwd: path.join(root, 'realtime'),
    env: {
      ...process.env,
      PORT: String(E2E_PORTS.realtime),
      HOST: '127.0.0.1',
      CMS_URL: cms.url,
      ALLOWED_ORIGINS: siteUrl,
      REALTIME_KEY_PREFIX: keyPrefix,
      PAYLOAD_SECRET: cms.env.PAYLOAD_SECRET,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
  spawn(
    path.join(root, 'node_modules/.bin/astro'),
    ['dev', '--port', String(E2E_PORTS.site), '--host', 'localhost'],
    {
      cwd: path.join(root, 'site'),
      env: {
        ...process.env,
        CMS_URL: cms.url,
        SITE_URL: siteUrl,
        REALTIME_URL: realtimeUrl,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  ),
]

let isStopping = false
async function stop() {
  if (isStopping) return
  isStopping = true
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null)
          child.once('exit', resolve)
          child.kill('SIGTERM')
        }),
    ),
  )
  await cms.stop()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
