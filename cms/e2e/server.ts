// Playwright's web server: a fresh database with the demo data, and two
// processes of the cms production build on it (ports 3100 and 3101), so tests
// can prove rules hold across processes.
import path from 'node:path'

import { buildCmsIfStale, cmsDir } from '../../scripts/lib/cmsBuild.ts'
import { localEnv } from '../../scripts/lib/localEnv.ts'
import { bin, run, startService, superviseServices } from '../../scripts/lib/processes.ts'
import { dropDatabase, ensureDatabase } from '../../scripts/lib/services.ts'
import { startStripeTestServer } from '../stripe-test-server/server.ts'

const port = Number(process.env.CMS_E2E_PORT ?? 3100)
const secondPort = port + 1
const stripePort = port + 11

const env = localEnv()
const databaseUrl = new URL(env.DATABASE_URL!)
databaseUrl.pathname = `/event_portal_e2e_cms${process.env.E2E_DB_SUFFIX ?? ''}`
env.DATABASE_URL = databaseUrl.toString()
env.CMS_URL = `http://localhost:${port}`
env.STRIPE_API_URL = `http://127.0.0.1:${stripePort}`
delete env.STRIPE_SECRET_KEY
// Browser tests sign many people up from one address; the limits have their own tests.
Object.assign(env, {
  RATE_LIMIT_REGISTER: '100000/60',
  RATE_LIMIT_LOGIN: '100000/60',
  RATE_LIMIT_REGISTRATIONS: '100000/60',
  RATE_LIMIT_CHECKOUT: '100000/60',
})

await dropDatabase(env.DATABASE_URL)
await ensureDatabase(env.DATABASE_URL)
await run(bin('payload'), ['migrate'], { cwd: cmsDir, env })
await run(bin('payload'), ['run', path.join('src', 'seed', 'run.ts')], { cwd: cmsDir, env })
await buildCmsIfStale(env)
await startStripeTestServer({
  port: stripePort,
  webhookUrl: `${env.CMS_URL}/api/payments/webhook`,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
})
const serverEnv = { ...env, NODE_ENV: 'production' as const }
superviseServices(
  new Map(
    [port, secondPort].map((listenOn) => [
      `cms:${listenOn}`,
      startService(`cms:${listenOn}`, bin('next'), ['start', '--port', String(listenOn)], {
        cwd: cmsDir,
        env: serverEnv,
      }),
    ]),
  ),
)
