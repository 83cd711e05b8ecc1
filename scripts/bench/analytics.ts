// `npm run bench:analytics`: the organizer dashboard's data endpoint against
// 100,000 registrations across 500 events, on the cms production build.
// Seeding writes the rows with bulk SQL (fast); every measured request goes
// through the real cms: auth, access scope, the aggregates.
import pg from 'pg'

import { startTestCms } from '../lib/testCms.ts'

const EVENTS = 500
const REGISTRATIONS = 100_000
const ATTENDEES = 2_000
const ORGANIZERS = 10
const REQUESTS = 200
const CONCURRENCY = 4
const PORT = 3700

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function seed(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const olivia = (await db.query(`SELECT id FROM users WHERE email = 'olivia@example.com'`))
      .rows[0].id as number
    // Nine more organizers and the attendees; they never log in, so no password.
    await db.query(`
      INSERT INTO users (name, email, role)
      SELECT 'Bench Organizer ' || i, 'bench-organizer-' || i || '@bench.example', 'organizer'
      FROM generate_series(1, ${ORGANIZERS - 1}) i`)
    await db.query(`
      INSERT INTO users (name, email, role)
      SELECT 'Bench Attendee ' || i, 'bench-attendee-' || i || '@bench.example', 'user'
      FROM generate_series(1, ${ATTENDEES}) i`)
    const organizers = [
      olivia,
      ...(
        await db.query(`SELECT id FROM users WHERE email LIKE 'bench-organizer-%' ORDER BY id`)
      ).rows.map((row) => row.id as number),
    ]
    // Event i belongs to organizer i mod 10; half are paid.
    await db.query(
      `
      INSERT INTO events (title, slug, start_time, duration, timezone, price, currency, capacity, status, organizer_id)
      SELECT 'Bench Event ' || i, 'bench-event-' || i, now() - (i % 120) * interval '1 day', 60,
        'Europe/Berlin', CASE WHEN i % 2 = 0 THEN 1500 ELSE 0 END, 'EUR', 400, 'published',
        ($1::int[])[1 + i % ${ORGANIZERS}]
      FROM generate_series(1, ${EVENTS}) i`,
      [organizers],
    )
    const eventIds = (
      await db.query(`SELECT id FROM events WHERE slug LIKE 'bench-event-%' ORDER BY id`)
    ).rows.map((row) => row.id as number)
    const attendeeIds = (
      await db.query(`SELECT id FROM users WHERE email LIKE 'bench-attendee-%' ORDER BY id`)
    ).rows.map((row) => row.id as number)
    // Registration k: attendee k mod 2000 at event k div 200 (each pair once), spread over 90 days.
    const perEvent = REGISTRATIONS / EVENTS
    await db.query(
      `
      INSERT INTO registrations (user_id, event_id, status, registered_at)
      SELECT ($1::int[])[1 + k % ${ATTENDEES}], ($2::int[])[1 + k / ${perEvent}],
        (CASE WHEN k % 20 = 0 THEN 'cancelled' WHEN k % 25 = 0 THEN 'waitlisted' ELSE 'confirmed' END)::enum_registrations_status,
        now() - (k % 90) * interval '1 day' - (k % 1440) * interval '1 minute'
      FROM generate_series(0, ${REGISTRATIONS - 1}) k`,
      [attendeeIds, eventIds],
    )
    await db.query(`
      INSERT INTO payments (registration_id, user_id, event_id, amount, currency, status, paid_at)
      SELECT r.id, r.user_id, r.event_id, e.price, 'EUR',
        (CASE WHEN r.status = 'cancelled' THEN 'refunded' ELSE 'succeeded' END)::enum_payments_status,
        r.registered_at + interval '2 minutes'
      FROM registrations r JOIN events e ON e.id = r.event_id
      WHERE e.price > 0 AND r.status IN ('confirmed', 'cancelled')`)
    await db.query(`
      INSERT INTO attendance (event_id, user_id, first_seen_at, last_seen_at, watch_seconds)
      SELECT event_id, user_id, registered_at, registered_at, (id % 60) * 60
      FROM registrations WHERE status = 'confirmed' AND id % 3 = 0`)
    await db.query('ANALYZE')
  } finally {
    await db.end()
  }
}

async function measure(url: string, token: string): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  const worker = async () => {
    while (next < REQUESTS) {
      next++
      const started = performance.now()
      const response = await fetch(url, { headers: { Authorization: `JWT ${token}` } })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`${url} answered ${response.status}`)
      latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return latencies
}

console.log('Starting the cms production build on a fresh database…')
const cms = await startTestCms({ port: PORT, database: 'event_portal_bench_analytics' })
try {
  const seedStart = performance.now()
  await seed(cms.databaseUrl)
  console.log(
    `Seeded ${EVENTS} events, ${REGISTRATIONS.toLocaleString('en')} registrations, payments and attendance in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  )
  const login = async (email: string, password: string) =>
    (
      await (
        await fetch(`${cms.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).json()
    ).token as string
  const organizer = await login('olivia@example.com', 'demo-organizer-1')
  const admin = await login('admin@example.com', 'demo-admin-1')
  const from = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10)
  const to = new Date().toISOString().slice(0, 10)
  const endpoint = `${cms.url}/api/analytics/organizer?from=${from}&to=${to}`

  console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} at a time, 90-day range:`)
  for (const [label, token] of [
    ['organizer (50 events, 10,000 registrations)', organizer],
    ['admin (all 500 events, 100,000 registrations)', admin],
  ] as const) {
    await measure(endpoint, token) // warm-up: connections, plans, JIT
    const latencies = await measure(endpoint, token)
    console.log(
      `${label.padEnd(48)} p50 ${percentile(latencies, 50).toFixed(0).padStart(4)} ms   p99 ${percentile(latencies, 99).toFixed(0).padStart(4)} ms`,
    )
  }
  console.log('target: organizer dashboard p99 < 300 ms')
} finally {
  await cms.stop()
}
process.exit(0)
