// Starts the real cms (production build) on its own port and database, for
// the integration and browser tests of the other workspaces.
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'

import { buildCmsIfStale, cmsDir } from './cmsBuild.ts'
import { localEnv } from './localEnv.ts'
import { bin, run, startService } from './processes.ts'
import { dropDatabase, ensureDatabase, waitForHttp } from './services.ts'

export type TestCms = {
  url: string
  databaseUrl: string
  env: NodeJS.ProcessEnv
  stop(): Promise<void>
}

/**
 * A fresh database named `database`, migrated and seeded with the demo data
 * (logins in cms/src/seed/users.ts), and `next start` on `port`.
 */
export async function startTestCms({
  port,
  database,
  extraEnv = {},
}: {
  port: number
  database: string
  extraEnv?: Partial<NodeJS.ProcessEnv>
}): Promise<TestCms> {
  const env = { ...localEnv(), ...extraEnv }
  const databaseUrl = new URL(env.DATABASE_URL!)
  // E2E_DB_SUFFIX lets two checkouts on one machine run browser tests at once.
  databaseUrl.pathname = `/${database}${process.env.E2E_DB_SUFFIX ?? ''}`
  env.DATABASE_URL = databaseUrl.toString()
  env.CMS_URL = `http://localhost:${port}`

  await dropDatabase(env.DATABASE_URL)
  await ensureDatabase(env.DATABASE_URL)
  await run(bin('payload'), ['migrate'], { cwd: cmsDir, env, stdio: 'ignore' })
  await run(bin('payload'), ['run', path.join('src', 'seed', 'run.ts')], {
    cwd: cmsDir,
    env,
    stdio: 'ignore',
  })
  await buildCmsIfStale(env)
  const child: ChildProcess = startService(
    `cms:${port}`,
    bin('next'),
    ['start', '--port', String(port)],
    {
      cwd: cmsDir,
      env: { ...env, NODE_ENV: 'production' },
    },
  )
  await waitForHttp(`${env.CMS_URL}/api/events?limit=1`)
  return {
    url: env.CMS_URL,
    databaseUrl: env.DATABASE_URL,
    env,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await dropDatabase(env.DATABASE_URL!)
    },
  }
}
