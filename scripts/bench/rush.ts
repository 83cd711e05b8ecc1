// `npm run bench:rush`: a ticket rush against the production build of the cms.
// 2,000 simultaneous registration attempts for a 100-seat free event, the same
// through checkout + webhook for a 100-seat paid event, and Payload's plain
// REST create rate measured in the same run for comparison.
import { startStripeTestServer } from '../../cms/stripe-test-server/server.ts'
import { localEnv } from '../lib/localEnv.ts'
import { startTestCms } from '../lib/testCms.ts'

const ATTEMPTS = Number(process.env.RUSH_ATTEMPTS ?? 2000)
const SEATS = 100
const PORT = 3600
const STRIPE_PORT = 3611

type Result = { status: number; ms: number }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function timed(send: () => Promise<Response>): Promise<Result> {
  const started = performance.now()
  try {
    const response = await send()
    await response.arrayBuffer()
    return { status: response.status, ms: performance.now() - started }
  } catch {
    return { status: 0, ms: performance.now() - started }
  }
}

function report(label: string, results: Result[], seconds: number) {
  const byStatus: Record<string, number> = {}
  for (const { status } of results) byStatus[status] = (byStatus[status] ?? 0) + 1
  const latencies = results.map((result) => result.ms)
  console.log(
    `${label.padEnd(34)} ${(results.length / seconds).toFixed(0).padStart(6)} req/s   p50 ${percentile(latencies, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(latencies, 99).toFixed(0).padStart(5)} ms   statuses ${JSON.stringify(byStatus)}`,
  )
  return results.length / seconds
}

async function burst(count: number, send: (index: number) => Promise<Response>) {
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: count }, (_, index) => timed(() => send(index))),
  )
  return { results, seconds: (performance.now() - started) / 1000 }
}

const cmsUrl = `http://localhost:${PORT}`
const stripe = await startStripeTestServer({
  port: STRIPE_PORT,
  webhookUrl: `${cmsUrl}/api/payments/webhook`,
  // The secret the cms checks: generated into .env on first start.
  webhookSecret: localEnv().STRIPE_WEBHOOK_SECRET!,
})
console.log('Starting the cms production build on a fresh database…')
const cms = await startTestCms({
  port: PORT,
  database: 'event_portal_bench_rush',
  extraEnv: {
    STRIPE_API_URL: stripe.url,
    // The rush comes from one address; per-client limits would measure the limiter, not the seats.
    RATE_LIMIT_REGISTER: '100000/60',
    RATE_LIMIT_LOGIN: '100000/60',
    RATE_LIMIT_REGISTRATIONS: '100000/60',
    RATE_LIMIT_CHECKOUT: '100000/60',
  },
})
const json = { 'Content-Type': 'application/json' }
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${cmsUrl}/api${path}`, {
    method: 'POST',
    headers: { ...json, ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify(body),
  })

try {
  const admin = (
    await (
      await post('/auth/login', { email: 'admin@example.com', password: 'demo-admin-1' })
    ).json()
  ).token
  async function publishedEvent(title: string, price: number) {
    const created = await (
      await post(
        '/events',
        {
          title,
          startTime: '2031-06-01T10:00:00Z',
          duration: 60,
          timezone: 'UTC',
          capacity: SEATS,
          price,
          currency: 'EUR',
          status: 'pending_review',
        },
        admin,
      )
    ).json()
    await fetch(`${cmsUrl}/api/events/${created.doc.id}`, {
      method: 'PATCH',
      headers: { ...json, Authorization: `JWT ${admin}` },
      body: JSON.stringify({ status: 'published' }),
    })
    return created.doc.id as number
  }
  const freeEvent = await publishedEvent('Rush Free', 0)
  const paidEvent = await publishedEvent('Rush Paid', 1500)

  console.log(`Signing up ${ATTEMPTS} buyers…`)
  const tokens: string[] = []
  for (let offset = 0; offset < ATTEMPTS; offset += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, ATTEMPTS - offset) }, async (_, index) => {
        const response = await post('/auth/register', {
          email: `buyer-${offset + index}@bench.test`,
          password: 'bench-password-1',
          name: `Buyer ${offset + index}`,
        })
        return (await response.json()).token as string
      }),
    )
    tokens.push(...batch)
  }

  console.log(`\n${ATTEMPTS} simultaneous requests each:`)
  const raw = await burst(ATTEMPTS, (index) =>
    post('/categories', { name: `Bench category ${index}` }, admin),
  )
  const rawRate = report('Payload REST create (categories)', raw.results, raw.seconds)

  const free = await burst(ATTEMPTS, (index) =>
    post('/registrations', { event: freeEvent }, tokens[index]),
  )
  const freeRate = report(`free registration (${SEATS} seats)`, free.results, free.seconds)

  const paid = await burst(ATTEMPTS, (index) =>
    post('/payments/checkout', { event: paidEvent }, tokens[index]),
  )
  const checkoutRate = report(`paid checkout (${SEATS} seats)`, paid.results, paid.seconds)
  const payStarted = performance.now()
  const open = [...stripe.sessions.values()].filter((session) => session.status === 'open')
  await Promise.all(open.map((session) => stripe.pay(session.id)))
  const paySeconds = (performance.now() - payStarted) / 1000

  const availability = async (id: number) =>
    await (await fetch(`${cmsUrl}/api/events/${id}/availability`)).json()
  const confirmedCount = async (id: number) =>
    (
      await (
        await fetch(
          `${cmsUrl}/api/registrations?where[event][equals]=${id}&where[status][equals]=confirmed&limit=1`,
          { headers: { Authorization: `JWT ${admin}` } },
        )
      ).json()
    ).totalDocs as number
  const freeConfirmed = await confirmedCount(freeEvent)
  const paidConfirmed = await confirmedCount(paidEvent)
  console.log(`
free event:  confirmed ${freeConfirmed}/${SEATS}, oversold ${Math.max(0, freeConfirmed - SEATS)}, 5xx ${free.results.filter((r) => r.status >= 500 || r.status === 0).length}
paid event:  ${open.length} checkouts paid in ${paySeconds.toFixed(1)}s, confirmed ${paidConfirmed}/${SEATS}, oversold ${Math.max(0, paidConfirmed - SEATS)}, 5xx ${paid.results.filter((r) => r.status >= 500 || r.status === 0).length}
availability after: free ${JSON.stringify(await availability(freeEvent))}
registration throughput ${freeRate.toFixed(0)} req/s, checkout ${checkoutRate.toFixed(0)} req/s vs plain create ${rawRate.toFixed(0)} req/s (ratio ${(freeRate / rawRate).toFixed(2)})`)
} finally {
  await cms.stop()
  await stripe.close()
}
process.exit(0)
