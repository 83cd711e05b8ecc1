// `npm run bench:mail`: 5,000 confirmation emails through the BullMQ worker to a local SMTP
// catcher, on a throwaway database and queue prefix; prints jobs/s and p95 enqueue → delivery.
import { bin, run } from '../lib/processes.ts'
import { dropDatabase, ensureDatabase, pingRedis } from '../lib/services.ts'

const cmsDir = new URL('../../cms/', import.meta.url).pathname
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/event_portal')
base.pathname = `/event_portal_bench_mail_${process.pid}`
const env = {
  ...process.env,
  DATABASE_URL: base.toString(),
  JOBS_PREFIX: `bench-mail-${process.pid}-${Date.now()}`,
  NODE_ENV: 'production',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-only-secret-0123456789abcdef',
}

await pingRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
await ensureDatabase(env.DATABASE_URL)
try {
  await run(bin('payload'), ['migrate'], { cwd: cmsDir, env })
  await run(bin('payload'), ['run', 'src/jobs/bench.ts'], { cwd: cmsDir, env })
} finally {
  await dropDatabase(env.DATABASE_URL)
}
