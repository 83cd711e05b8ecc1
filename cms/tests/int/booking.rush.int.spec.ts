import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { handOver } from '../../src/jobs/outbox'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  errorMessages,
  testPayload,
  type TestUser,
} from '../helpers'

let payload: Payload
let organizer: TestUser

const pool = () => (payload.db as unknown as PostgresAdapter).pool
const register = (user: TestUser, body: Record<string, unknown>) =>
  api('POST', '/registrations', { token: user.token, body })

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
})
afterAll(async () => {
  await closePayload(payload)
})

describe('the rush path across an online migration', () => {
  it('keeps booking after a column is added to registrations while cms runs', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 50 })
    // Warm the pool's connections with the rush path's prepared statements.
    for (let i = 0; i < 4; i++) {
      const res = await register(await createUser(payload, 'user'), { event: event.id })
      expect(res.status, errorMessages(res.body)).toBe(201)
    }
    await pool().query('ALTER TABLE "registrations" ADD COLUMN "added_later" integer')
    try {
      for (let i = 0; i < 4; i++) {
        const res = await register(await createUser(payload, 'user'), { event: event.id })
        expect(res.status, errorMessages(res.body)).toBe(201)
        expect(res.body.doc).not.toHaveProperty('added_later')
      }
    } finally {
      await pool().query('ALTER TABLE "registrations" DROP COLUMN "added_later"')
    }
  })
})

describe('the outbox hand-over batch', () => {
  it('hands over the good rows of a batch that also holds a row the queue cannot take', async () => {
    const insert = async (job: string, data: unknown, jobId: string) => {
      await pool().query(
        'INSERT INTO "email_outbox" (job, data, job_id) VALUES ($1, $2::jsonb, $3)',
        [job, JSON.stringify(data), jobId],
      )
      return { job, data, jobId }
    }
    const stamp = Date.now()
    const bad = await insert('registration-confirmed', {}, `bad:${stamp}`)
    const good = await insert('registration-confirmed', { registrationId: 1 }, `good:${stamp}`)
    await Promise.allSettled([handOver(payload, bad), handOver(payload, good)])
    const { rows } = await pool().query(
      'SELECT job_id, enqueued_at FROM "email_outbox" WHERE job_id = ANY($1)',
      [[bad.jobId, good.jobId]],
    )
    const enqueued = Object.fromEntries(rows.map((row) => [row.job_id, row.enqueued_at]))
    expect(enqueued[good.jobId]).not.toBeNull()
    expect(enqueued[bad.jobId]).toBeNull()
  })
})

/** The event's seat counter, and the rows that hold a seat (they must always be equal). */
const counted = async (eventId: number) => {
  const { rows } = await pool().query(
    `SELECT (SELECT taken FROM event_seat_counts WHERE event_id = $1) AS taken,
      (SELECT count(*) FROM registrations WHERE event_id = $1
        AND status IN ('confirmed', 'pending', 'offered')) AS holding`,
    [eventId],
  )
  return { taken: Number(rows[0].taken), holding: Number(rows[0].holding) }
}

describe('the seat counter under a mixed rush', () => {
  it('equals the seat-holding rows after fast, full-path and cancelling requests at once', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 6 })
    const seated = await createUser(payload, 'user')
    const first = await register(seated, { event: event.id })
    expect(first.status, errorMessages(first.body)).toBe(201)
    // People who cancelled before take the full path; newcomers the fast one.
    const returning = await Promise.all([0, 1, 2].map(() => createUser(payload, 'user')))
    for (const person of returning) {
      await createRegistration(payload, {
        user: person.user.id,
        event: event.id,
        status: 'cancelled',
        registeredAt: new Date().toISOString(),
      })
    }
    const newcomers = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map(() => createUser(payload, 'user')),
    )
    const answers = await Promise.all([
      ...returning.map((person) => register(person, { event: event.id, waitlist: true })),
      ...newcomers.map((person) => register(person, { event: event.id, waitlist: true })),
      // Double clicks
      register(newcomers[0]!, { event: event.id, waitlist: true }),
      register(newcomers[1]!, { event: event.id }),
      api('DELETE', `/registrations/${first.body.doc.id}`, { token: seated.token }),
    ])
    for (const answer of answers)
      expect(answer.status, errorMessages(answer.body)).toBeLessThan(500)
    const { taken, holding } = await counted(event.id)
    expect(taken).toBe(holding)
    expect(taken).toBeLessThanOrEqual(6)
  })

  it('equals them after the first bookings of a fresh event race to start its counter', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 3 })
    const people = await Promise.all([0, 1, 2, 3, 4, 5, 6].map(() => createUser(payload, 'user')))
    const answers = await Promise.all([
      ...people.map((person) => register(person, { event: event.id, waitlist: true })),
      register(people[0]!, { event: event.id, waitlist: true }),
    ])
    for (const answer of answers)
      expect(answer.status, errorMessages(answer.body)).toBeLessThan(500)
    const { taken, holding } = await counted(event.id)
    expect(taken).toBe(holding)
    expect(holding).toBe(3)
  })
})

describe('the rush path and the full path meeting on one person', () => {
  it('a deadlock between them answers both people, and the counter still equals the rows', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 5 })
    const first = await register(await createUser(payload, 'user'), { event: event.id })
    expect(first.status, errorMessages(first.body)).toBe(201)
    const [ann, ben] = await Promise.all([createUser(payload, 'user'), createUser(payload, 'user')])
    // The full path's order, held open: Ann's registration row first, then the counter.
    const other = await pool().connect()
    try {
      await other.query('BEGIN')
      await other.query(
        `INSERT INTO registrations (user_id, event_id, status, registered_at)
         VALUES ($1, $2, 'confirmed', now())`,
        [ann.user.id, event.id],
      )
      // The rush path locks the counter, then waits for Ann's row.
      const answers = Promise.all([
        register(ann, { event: event.id }),
        register(ben, { event: event.id }),
      ])
      await new Promise((resolve) => setTimeout(resolve, 300))
      // Waiting for the counter closes the cycle; Postgres ends the statement that waited first.
      await other.query('UPDATE event_seat_counts SET taken = taken + 1 WHERE event_id = $1', [
        event.id,
      ])
      await other.query('COMMIT')
      const [annAnswer, benAnswer] = await answers
      expect(benAnswer.status, errorMessages(benAnswer.body)).toBe(201)
      expect(annAnswer.status, errorMessages(annAnswer.body)).toBe(409)
      expect(annAnswer.body.errors[0].data.code).toBe('ALREADY_REGISTERED')
    } finally {
      other.release()
    }
    const { taken, holding } = await counted(event.id)
    expect(taken).toBe(holding)
    expect(holding).toBe(3)
  })
})
