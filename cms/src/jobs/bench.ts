import { slugs } from '../plugin/settings'
/**
 * The mail pipeline under load (run by `npm run bench:mail` on a throwaway database): enqueue
 * BENCH_MAILS confirmation jobs, let a worker render and send them over SMTP to an in-process
 * catcher, and report jobs/s and the p95 time from enqueue to the catcher's "250 OK".
 */
import config from '@payload-config'
import { getPayload } from 'payload'
import { z } from 'zod'

import { closeQueue, enqueue, getJobsQueue } from './queue'
import { startMailCatcher } from './mailCatcher'
import { startWorker } from './runWorker'

const benchEnv = z
  .object({
    BENCH_MAILS: z.coerce.number().int().min(1).max(50_000).default(5_000),
    BENCH_SMTP_PORT: z.coerce.number().int().default(2590),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  })
  .parse(process.env)

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const payload = await getPayload({ config })
const count = benchEnv.BENCH_MAILS
const deliveredAt = new Map<string, number>()
const catcher = await startMailCatcher({
  port: benchEnv.BENCH_SMTP_PORT,
  onMessage: ({ parsed }) => {
    const to = !Array.isArray(parsed.to) ? parsed.to?.value[0]?.address : undefined
    if (to) deliveredAt.set(to, performance.now())
  },
})
process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`

console.log(`Seeding ${count} attendees…`)
const organizer = await payload.db.create({
  collection: slugs.users,
  data: { email: 'bench-organizer@bench.example', name: 'Bench Organizer', role: 'organizer' },
})
const event = await payload.db.create({
  collection: slugs.events,
  data: {
    title: 'Bench Event',
    slug: `bench-event-${Date.now()}`,
    startTime: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
    duration: 60,
    timezone: 'Europe/Berlin',
    price: 0,
    currency: 'EUR',
    capacity: count + 1,
    status: 'published',
    organizer: organizer.id,
  },
})
const registrations: { id: number; email: string }[] = []
for (let start = 0; start < count; start += 100) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(100, count - start) }, async (_, i) => {
      const email = `bench-${start + i}@bench.example`
      const user = await payload.db.create({
        collection: slugs.users,
        data: { email, name: `Bench ${start + i}`, role: 'user' },
      })
      const registration = await payload.db.create({
        collection: slugs.registrations,
        data: {
          user: user.id,
          event: event.id,
          status: 'confirmed',
          registeredAt: new Date().toISOString(),
        },
      })
      return { id: registration.id as number, email }
    }),
  )
  registrations.push(...batch)
}

const worker = await startWorker(payload, {
  concurrency: benchEnv.WORKER_CONCURRENCY,
  sweepEveryMs: 0,
})
console.log(
  `Enqueueing ${count} confirmation emails (worker concurrency ${benchEnv.WORKER_CONCURRENCY})…`,
)
const enqueuedAt = new Map<string, number>()
const started = performance.now()
for (let start = 0; start < registrations.length; start += 200) {
  await Promise.all(
    registrations.slice(start, start + 200).map(async ({ id, email }) => {
      enqueuedAt.set(email, performance.now())
      await enqueue('registration-confirmed', { registrationId: id })
    }),
  )
}
const enqueueSeconds = (performance.now() - started) / 1000
const deadline = Date.now() + 10 * 60_000
while (deliveredAt.size < count && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 200))
}
const seconds = (Math.max(...deliveredAt.values()) - started) / 1000
const latencies = [...deliveredAt].map(([email, at]) => at - (enqueuedAt.get(email) ?? started))
console.log(`
bench:mail  ${deliveredAt.size}/${count} delivered over SMTP in ${seconds.toFixed(1)} s
  enqueue     ${(count / enqueueSeconds).toFixed(0)} jobs/s
  end to end  ${(deliveredAt.size / seconds).toFixed(0)} jobs/s (render + send + delivery log)
  enqueue → delivered   p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s   p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s   max ${(Math.max(...latencies) / 1000).toFixed(2)} s`)

await worker.close()
await getJobsQueue().obliterate({ force: true })
await closeQueue()
await catcher.close()
if (deliveredAt.size < count) process.exitCode = 1
