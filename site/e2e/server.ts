// Playwright's web server: the real cms (fresh demo-seeded database), the
// local Stripe test server, the email worker with a local mail catcher, and
// the site's production build pointing at them; beside them the same build
// behind deploy/Caddyfile over HTTPS (proxyStack.ts).
import { rm } from 'node:fs/promises'
import path from 'node:path'

import { bin, run, startService } from '../../scripts/lib/processes.ts'
import { localEnv } from '../../scripts/lib/localEnv.ts'
import { startTestCms } from '../../scripts/lib/testCms.ts'
import { startStripeTestServer } from '../../cms/stripe-test-server/server.ts'
import { startProxyStack } from './proxyStack.ts'
import {
  CMS_DATABASE,
  CMS_PORT,
  MAIL_DIR,
  MAIL_HTTP_PORT,
  MAIL_SMTP_PORT,
  PURGE_CHANNEL,
  REVALIDATE_SECRET,
  SITE_PORT,
  SITE_URL,
  STRIPE_PORT,
} from './ports.ts'

const siteDir = path.resolve(import.meta.dirname, '..')

const stripe = await startStripeTestServer({
  port: STRIPE_PORT,
  webhookUrl: `http://localhost:${CMS_PORT}/api/payments/webhook`,
  // The secret the cms checks: generated into .env on first start.
  webhookSecret: localEnv().STRIPE_WEBHOOK_SECRET!,
  publicUrl: `http://127.0.0.1:${STRIPE_PORT}`,
})
const cms = await startTestCms({
  port: CMS_PORT,
  database: CMS_DATABASE,
  extraEnv: {
    SITE_URL,
    SITE_REVALIDATE_SECRET: REVALIDATE_SECRET,
    STRIPE_API_URL: stripe.url,
    // Every browser test signs up and logs in from one address; the limits have their own tests.
    RATE_LIMIT_REGISTER: '100000/60',
    RATE_LIMIT_LOGIN: '100000/60',
    RATE_LIMIT_REGISTRATIONS: '100000/60',
    RATE_LIMIT_CHECKOUT: '100000/60',
  },
})

// Booking emails (the waitlist offer with its link) go through the real worker to a catcher
// that saves each message in MAIL_DIR, where the tests read them.
const cmsDir = path.resolve(siteDir, '../cms')
await rm(MAIL_DIR, { recursive: true, force: true })
const mailEnv = {
  ...cms.env,
  MAIL_DIR,
  MAIL_CATCHER_SMTP_PORT: String(MAIL_SMTP_PORT),
  MAIL_CATCHER_HTTP_PORT: String(MAIL_HTTP_PORT),
  SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
}
const catcher = startService('mail', bin('tsx'), ['src/jobs/devMailCatcher.ts'], {
  cwd: cmsDir,
  env: mailEnv,
})
const worker = startService('worker', bin('payload'), ['run', 'src/jobs/worker.ts'], {
  cwd: cmsDir,
  env: mailEnv,
})

await run('npx', ['astro', 'build'], {
  cwd: siteDir,
  env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
})
const proxy = await startProxyStack(cms)
// The production server (deploy/site-server.mjs) without TRUST_PROXY, as `npm start` runs it.
const site = startService(
  'site',
  process.execPath,
  ['../deploy/site-server.mjs', 'dist/server/entry.mjs'],
  {
    cwd: siteDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(SITE_PORT),
      CMS_URL: cms.url,
      SITE_URL,
      SITE_REVALIDATE_SECRET: REVALIDATE_SECRET,
      REDIS_URL: cms.env.REDIS_URL,
      SITE_CACHE_CHANNEL: PURGE_CHANNEL,
    },
  },
)

let isStopping = false
async function shutdown(code: number) {
  if (isStopping) return
  isStopping = true
  for (const child of [site, worker, catcher]) if (child.exitCode === null) child.kill('SIGTERM')
  await proxy.stop()
  await Promise.allSettled([cms.stop(), stripe.close()])
  process.exit(code)
}
process.on('SIGTERM', () => shutdown(0))
process.on('SIGINT', () => shutdown(0))
site.on('exit', () => shutdown(1))
