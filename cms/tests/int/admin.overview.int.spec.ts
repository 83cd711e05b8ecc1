import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeQueue, getJobsQueue } from '../../src/jobs/queue'
import { startWorker } from '../../src/jobs/runWorker'
import type { Event, Payment } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'
import { dropQueueKeys, uniquePrefix } from '../jobs/mailbox'

let payload: Payload
let admin: TestUser
let olga: TestUser
let omar: TestUser
let buyer: TestUser

// A range no other test writes in, so the figures are exactly ours.
const RANGE = 'from=2019-03-01&to=2019-04-30'

async function sale(
  event: Event,
  user: TestUser,
  status: Payment['status'],
  paidAt: string,
): Promise<void> {
  const registration = await createRegistration(payload, {
    user: user.user.id,
    event: event.id,
    status: status === 'refunded' ? 'cancelled' : 'confirmed',
    registeredAt: paidAt,
  })
  await payload.create({
    collection: 'payments',
    data: {
      registration: registration.id,
      user: user.user.id,
      event: event.id,
      amount: event.price,
      currency: event.currency,
      status,
      paidAt,
    },
    overrideAccess: true,
  })
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olga = await createUser(payload, 'organizer', 'Olga Overview')
  omar = await createUser(payload, 'organizer', 'Omar Overview')
  buyer = await createUser(payload, 'user')
  const second = await createUser(payload, 'user')
  const olgaEvent = await createEvent(payload, olga.user, { price: 2000, currency: 'EUR' })
  const olgaUsd = await createEvent(payload, olga.user, { price: 700, currency: 'USD' })
  const omarEvent = await createEvent(payload, omar.user, { price: 500, currency: 'EUR' })
  await sale(olgaEvent, buyer, 'succeeded', '2019-03-05T10:00:00.000Z')
  await sale(olgaEvent, second, 'refunded', '2019-04-02T10:00:00.000Z')
  await sale(olgaUsd, buyer, 'succeeded', '2019-04-03T10:00:00.000Z')
  await sale(omarEvent, buyer, 'succeeded', '2019-04-03T11:00:00.000Z')
})
afterAll(async () => {
  if (process.env.JOBS_PREFIX) {
    await getJobsQueue().obliterate({ force: true })
    await closeQueue()
    await dropQueueKeys(process.env.JOBS_PREFIX)
    delete process.env.JOBS_PREFIX
  }
  await closePayload(payload)
})

describe('admin overview (hand-computed)', () => {
  it('sums revenue by organizer and by month, per currency', async () => {
    const res = await api('GET', `/analytics/admin?${RANGE}`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.revenueByOrganizer).toEqual([
      {
        organizerId: olga.user.id,
        organizer: 'Olga Overview',
        currency: 'EUR',
        gross: 4000,
        refunded: 2000,
        net: 2000,
      },
      {
        organizerId: olga.user.id,
        organizer: 'Olga Overview',
        currency: 'USD',
        gross: 700,
        refunded: 0,
        net: 700,
      },
      {
        organizerId: omar.user.id,
        organizer: 'Omar Overview',
        currency: 'EUR',
        gross: 500,
        refunded: 0,
        net: 500,
      },
    ])
    expect(res.body.revenueByMonth).toEqual([
      { month: '2019-03', currency: 'EUR', gross: 2000, refunded: 0, net: 2000 },
      { month: '2019-04', currency: 'EUR', gross: 2500, refunded: 2000, net: 500 },
      { month: '2019-04', currency: 'USD', gross: 700, refunded: 0, net: 700 },
    ])
  })

  it('counts registrations per day, events by state, people by role and active users', async () => {
    const res = await api('GET', `/analytics/admin?${RANGE}`, { token: admin.token })
    const days = res.body.registrationsPerDay as { day: string; registrations: number }[]
    expect(days).toHaveLength(61)
    expect(days.filter((day) => day.registrations > 0)).toEqual([
      { day: '2019-03-05', registrations: 1 },
      { day: '2019-04-02', registrations: 1 },
      { day: '2019-04-03', registrations: 2 },
    ])
    expect(res.body.activeUsers).toBe(0)
    const today = new Date().toISOString().slice(0, 10)
    const now = await api('GET', `/analytics/admin?from=${today}&to=${today}`, {
      token: admin.token,
    })
    // Everyone created here signed in today.
    expect(now.body.activeUsers).toBeGreaterThanOrEqual(5)
    const published = now.body.eventsByStatus.find(
      (row: { status: string }) => row.status === 'published',
    )
    expect(published.count).toBeGreaterThanOrEqual(3)
    const roles = Object.fromEntries(
      now.body.usersByRole.map((row: { role: string; count: number }) => [row.role, row.count]),
    )
    expect(roles.organizer).toBeGreaterThanOrEqual(2)
    expect(roles.admin).toBeGreaterThanOrEqual(1)
  })
})

describe('queue health', () => {
  it('shows failed jobs with their reason, and an admin runs one again', async () => {
    // A queue of this test's own (set only now, so the sales above enqueued no emails).
    process.env.JOBS_PREFIX = uniquePrefix('admin-overview')
    const job = await getJobsQueue().add('no-such-job', {}, { attempts: 1 })
    const worker = await startWorker(payload, { concurrency: 1, sweepEveryMs: 0 })
    await new Promise<void>((resolve) => {
      const poll = async () => ((await job.isFailed()) ? resolve() : setTimeout(poll, 50))
      void poll()
    })
    await worker.close()

    const health = await api('GET', '/admin/queues', { token: admin.token })
    expect(health.status).toBe(200)
    expect(health.body.counts.failed).toBe(1)
    expect(health.body.failed[0]).toMatchObject({
      id: job.id,
      name: 'no-such-job',
      failedReason: 'Unknown job "no-such-job"',
    })

    const retried = await api('POST', '/admin/queues/retry', {
      token: admin.token,
      body: { jobId: job.id },
    })
    expect(retried.status).toBe(200)
    const after = await api('GET', '/admin/queues', { token: admin.token })
    expect(after.body.counts).toMatchObject({ failed: 0, waiting: 1 })
    const again = await api('POST', '/admin/queues/retry', {
      token: admin.token,
      body: { jobId: job.id },
    })
    expect(again.status).toBe(404)
  })
})

describe('only admins', () => {
  it('refuses organizers, attendees and anonymous callers on every admin endpoint', async () => {
    for (const [method, path, body] of [
      ['GET', `/analytics/admin?${RANGE}`, undefined],
      ['GET', '/admin/queues', undefined],
      ['POST', '/admin/queues/retry', { jobId: '1' }],
    ] as const) {
      expect((await api(method, path, { body })).status).toBe(401)
      for (const user of [olga, buyer]) {
        expect((await api(method, path, { token: user.token, body })).status).toBe(403)
      }
    }
  })
})
