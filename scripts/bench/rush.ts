// `npm run bench:rush`: a ticket rush against the production build of the cms.
// 2,000 simultaneous registration attempts for a 100-seat free event, the same
// through checkout + webhook for a 100-seat paid event, then the all-seats case
// (N buyers for N seats, free and paid: every request must take a seat), each
// beside Payload's plain REST create rate measured in the same run; and a rush on one ticket type
// inside a larger event (an order body with items, as the site sends it).
import os from 'node:os'

import { startStripeTestServer } from '../../cms/stripe-test-server/server.ts'
import { localEnv } from '../lib/localEnv.ts'
import { startTestCms } from '../lib/testCms.ts'

const ATTEMPTS = Number(process.env.RUSH_ATTEMPTS ?? 2000)
const SEATS = 100
/** The all-seats case: as many buyers as seats, so no request is a quick refusal. */
const ALL_SEATS = Number(process.env.RUSH_ALL_SEATS ?? 1000)
const PORT = Number(process.env.RUSH_PORT ?? 3600)
const STRIPE_PORT = PORT + 11

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
    RATE_LIMIT_LOGIN_FAILURES: '100000/60',
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
  async function publishedEvent(title: string, price: number, capacity = SEATS) {
    const created = await (
      await post(
        '/events',
        {
          title,
          startTime: '2031-06-01T10:00:00Z',
          duration: 60,
          timezone: 'UTC',
          capacity,
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
  const allSeatsFree = await publishedEvent('All Seats Free', 0, ALL_SEATS)
  const allSeatsPaid = await publishedEvent('All Seats Paid', 1500, ALL_SEATS)
  // A type of ALL_SEATS tickets inside an event twice as large: the type is the limit.
  const typeRushEvent = await publishedEvent('Type Rush', 0, ALL_SEATS * 2)
  const typeRushType = await (async () => {
    const response = await fetch(`${cmsUrl}/api/events/${typeRushEvent}`, {
      method: 'PATCH',
      headers: { ...json, Authorization: `JWT ${admin}` },
      body: JSON.stringify({
        ticketTypes: [
          { name: 'Rush', price: 0, quantity: ALL_SEATS },
          { name: 'Other', price: 0 },
        ],
      }),
    })
    const { doc } = await response.json()
    return doc.ticketTypes[0].id as string
  })()

  const buyers = Math.max(ATTEMPTS, ALL_SEATS)
  console.log(`Signing up ${buyers} buyers…`)
  const tokens: string[] = []
  for (let offset = 0; offset < buyers; offset += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, buyers - offset) }, async (_, index) => {
        const account = {
          email: `buyer-${offset + index}@bench.test`,
          password: 'bench-password-1',
          name: `Buyer ${offset + index}`,
        }
        // On a busy machine a sign-up can time out; a buyer without a token would count as a 401
        // in the rush. Try again, then log in (the first attempt may have created the account).
        for (let attempt = 0; attempt < 5; attempt++) {
          const response = await post('/auth/register', account).catch(() => null)
          if (response?.ok) return (await response.json()).token as string
          const login = await post('/auth/login', account).catch(() => null)
          if (login?.ok) return (await login.json()).token as string
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
        throw new Error(`Could not sign up ${account.email}`)
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
  /** Pays every open test-checkout session, as buyers would; returns the seconds it took. */
  async function payOpenSessions() {
    const started = performance.now()
    const open = [...stripe.sessions.values()].filter((session) => session.status === 'open')
    await Promise.all(open.map((session) => stripe.pay(session.id)))
    return (performance.now() - started) / 1000
  }
  const paySeconds = await payOpenSessions()

  console.log(`\nAll seats: ${ALL_SEATS} simultaneous requests for ${ALL_SEATS} seats:`)
  const rawAll = await burst(ALL_SEATS, (index) =>
    post('/categories', { name: `Bench all-seats category ${index}` }, admin),
  )
  const rawAllRate = report('Payload REST create (categories)', rawAll.results, rawAll.seconds)
  const allFree = await burst(ALL_SEATS, (index) =>
    post('/registrations', { event: allSeatsFree }, tokens[index]),
  )
  const allFreeRate = report(
    `free registration (${ALL_SEATS} seats)`,
    allFree.results,
    allFree.seconds,
  )
  const allPaid = await burst(ALL_SEATS, (index) =>
    post('/payments/checkout', { event: allSeatsPaid }, tokens[index]),
  )
  const allPaidRate = report(`paid checkout (${ALL_SEATS} seats)`, allPaid.results, allPaid.seconds)
  const allPaySeconds = await payOpenSessions()
  const typeRush = await burst(ALL_SEATS, (index) =>
    post(
      '/registrations',
      {
        event: typeRushEvent,
        items: [
          {
            ticketType: typeRushType,
            quantity: 1,
            attendees: [{ name: `Buyer ${index}`, email: `buyer-${index}@bench.test` }],
          },
        ],
      },
      tokens[index],
    ),
  )
  const typeRushRate = report(
    `ticket type (${ALL_SEATS} of ${ALL_SEATS * 2})`,
    typeRush.results,
    typeRush.seconds,
  )

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
  const failures = (results: Result[]) =>
    results.filter((r) => r.status >= 500 || r.status === 0).length
  const line = (label: string, id: number, seats: number, results: Result[]) =>
    confirmedCount(id).then(
      (confirmed) =>
        `${label.padEnd(22)} confirmed ${confirmed}/${seats}, oversold ${Math.max(0, confirmed - seats)}, 5xx ${failures(results)}`,
    )
  console.log(`
${await line('free event:', freeEvent, SEATS, free.results)}
${await line('paid event:', paidEvent, SEATS, paid.results)} (paid in ${paySeconds.toFixed(1)}s)
${await line('all-seats free event:', allSeatsFree, ALL_SEATS, allFree.results)}
${await line('all-seats paid event:', allSeatsPaid, ALL_SEATS, allPaid.results)} (paid in ${allPaySeconds.toFixed(1)}s)
${await line('ticket type rush:', typeRushEvent, ALL_SEATS, typeRush.results)}
availability after: free ${JSON.stringify(await availability(freeEvent))}
${SEATS} seats for ${ATTEMPTS}: registration ${freeRate.toFixed(0)} req/s, checkout ${checkoutRate.toFixed(0)} req/s vs plain create ${rawRate.toFixed(0)} req/s (ratio ${(freeRate / rawRate).toFixed(2)})
all seats (${ALL_SEATS}): registration ${allFreeRate.toFixed(0)} req/s (${(allFreeRate / rawAllRate).toFixed(2)}× create ${rawAllRate.toFixed(0)} req/s), checkout ${allPaidRate.toFixed(0)} req/s (${(allPaidRate / allFreeRate).toFixed(2)}× free)
ticket type (${ALL_SEATS} of ${ALL_SEATS * 2}): order ${typeRushRate.toFixed(0)} req/s (${(typeRushRate / rawAllRate).toFixed(2)}× create, beside the all-seats ${(allFreeRate / rawAllRate).toFixed(2)}×)
load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`)
} finally {
  await cms.stop()
  await stripe.close()
}
process.exit(0)
