// `npm start` (production build) and `npm run dev` (watch mode): checks the
// services, prepares the database, and runs every part of the stack.
import { cmsDir, buildCmsIfStale } from './lib/cmsBuild.ts'
import { localEnv } from './lib/localEnv.ts'
import { buildSiteIfStale, siteDir } from './lib/siteBuild.ts'
import { bin, run, startService, superviseServices } from './lib/processes.ts'
import { ensureDatabase, pingRedis, ServiceUnavailableError, waitForHttp } from './lib/services.ts'

const isDev = process.argv.includes('--dev')
const env = localEnv()
const CMS_PORT = Number(env.CMS_PORT ?? 3000)
env.CMS_URL ??= `http://localhost:${CMS_PORT}`
const SITE_PORT = Number(env.SITE_PORT ?? 4321)
env.SITE_URL ??= `http://localhost:${SITE_PORT}`

const started = Date.now()
try {
  await pingRedis(env.REDIS_URL!)
  const database = await ensureDatabase(env.DATABASE_URL!)
  if (database === 'created')
    console.log(`Created database ${new URL(env.DATABASE_URL!).pathname.slice(1)}.`)
} catch (error) {
  if (error instanceof ServiceUnavailableError) {
    console.error(`\n${error.message}\n`)
    process.exit(1)
  }
  throw error
}

await run(bin('payload'), ['migrate'], { cwd: cmsDir, env })
await run(bin('payload'), ['run', 'src/seed/run.ts'], { cwd: cmsDir, env })
if (!isDev) await buildCmsIfStale(env)
if (!isDev) await buildSiteIfStale(env)

const children = new Map([
  [
    'cms',
    startService('cms', bin('next'), [isDev ? 'dev' : 'start', '--port', String(CMS_PORT)], {
      cwd: cmsDir,
      env: { ...env, NODE_ENV: isDev ? 'development' : 'production' },
    }),
  ],
])
// No Stripe key: payments go to the project's local Stripe-compatible test server.
const usesStripeTestServer = !env.STRIPE_SECRET_KEY
if (usesStripeTestServer) {
  children.set(
    'stripe',
    startService('stripe', 'node', ['stripe-test-server/main.ts'], {
      cwd: cmsDir,
      env: { ...env, STRIPE_WEBHOOK_URL: `${env.CMS_URL}/api/payments/webhook` },
    }),
  )
}
// Email worker (BullMQ); with no SMTP_URL its mail goes to the local catcher and its outbox page.
const usesMailCatcher = !env.SMTP_URL
const outboxUrl = `http://localhost:${env.MAIL_CATCHER_HTTP_PORT ?? 8025}`
if (usesMailCatcher) {
  children.set(
    'mail',
    startService('mail', bin('tsx'), ['src/jobs/devMailCatcher.ts'], { cwd: cmsDir, env }),
  )
}
children.set(
  'worker',
  startService('worker', bin('payload'), ['run', 'src/jobs/worker.ts'], { cwd: cmsDir, env }),
)
// Realtime chat gateway: one node by default, REALTIME_NODES=2 runs two sharing rooms over Redis.
const realtimeUrls: string[] = []
for (let n = 0; n < Number(env.REALTIME_NODES ?? 1); n++) {
  const port = Number(env.REALTIME_PORT ?? 3001) + n
  realtimeUrls.push(`ws://localhost:${port}`)
  children.set(
    `realtime:${port}`,
    startService(`realtime:${port}`, 'node', ['--max-semi-space-size=8', 'src/index.ts'], {
      cwd: new URL('../realtime/', import.meta.url).pathname,
      env: { ...env, PORT: String(port) },
    }),
  )
}
// The public site (Astro): production build, or astro dev in watch mode.
children.set(
  'site',
  isDev
    ? startService('site', bin('astro'), ['dev', '--port', String(SITE_PORT)], {
        cwd: siteDir,
        env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      })
    : // The same server as the site image: /healthz, /readyz and a draining SIGTERM.
      startService('site', 'node', ['../deploy/site-server.mjs', 'dist/server/entry.mjs'], {
        cwd: siteDir,
        env: {
          ...env,
          NODE_ENV: 'production',
          HOST: env.SITE_HOST ?? '0.0.0.0',
          PORT: String(SITE_PORT),
        },
      }),
)
superviseServices(children)

await waitForHttp(`${env.CMS_URL}/api/events?limit=1`, isDev ? 300_000 : 120_000)
await waitForHttp(`${env.SITE_URL}/robots.txt`, isDev ? 300_000 : 60_000)
console.log(`
Event Portal is running (${isDev ? 'watch mode' : 'production build'}, ready in ${Math.round((Date.now() - started) / 1000)}s):
  Site          ${env.SITE_URL}
  Admin (cms)   ${env.CMS_URL}/admin
  REST API      ${env.CMS_URL}/api/events
  Realtime      ${realtimeUrls.join(', ')}${usesStripeTestServer ? '\n  Payments      local Stripe test server on http://127.0.0.1:12111 (no real money)' : ''}
  Mail          ${usesMailCatcher ? `local outbox ${outboxUrl} (files in cms/.data/mail)` : `SMTP ${new URL(env.SMTP_URL!).host}`}
Demo logins are listed in README.md (admin@example.com / demo-admin-1). Stop with Ctrl+C.
`)
