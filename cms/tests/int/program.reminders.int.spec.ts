import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sessionReminder } from '../../src/jobs/handlers/sessionReminder'
import { closeQueue, getJobsQueue } from '../../src/jobs/queue'
import { startWorker, type RunningWorker } from '../../src/jobs/runWorker'
import { closePayload } from '../closePayload'
import { api, createEvent, createRegistration, createUser, testPayload } from '../helpers'
import { dropQueueKeys, startMailbox, uniquePrefix, type Mailbox } from '../jobs/mailbox'

// In this helper's own port range, away from the shared email tests' fixed port.
const SMTP_PORT = 5481
const MINUTE = 60_000

let payload: Payload
let mailbox: Mailbox
let worker: RunningWorker

beforeAll(async () => {
  process.env.JOBS_PREFIX = uniquePrefix('program-reminders')
  mailbox = await startMailbox(SMTP_PORT)
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`
  payload = await testPayload()
  worker = await startWorker(payload, { concurrency: 2, sweepEveryMs: 0 })
})

afterAll(async () => {
  await getJobsQueue().obliterate({ force: true })
  await worker.close()
  await closeQueue()
  await mailbox.close()
  await dropQueueKeys(process.env.JOBS_PREFIX!)
  delete process.env.JOBS_PREFIX
  delete process.env.SMTP_URL
  await closePayload(payload)
})

describe('reminders of starred sessions', () => {
  it('emails those who asked, 10 minutes before the session, and only at its current time', async () => {
    const organizer = await createUser(payload, 'organizer')
    const reminded = await createUser(payload, 'user', 'Rita Reminded')
    const quiet = await createUser(payload, 'user', 'Quentin Quiet')
    const late = await createUser(payload, 'user', 'Laura Late')
    const event = await createEvent(payload, organizer.user, {
      startTime: new Date(Date.now() - 60 * MINUTE).toISOString(),
      duration: 4 * 60,
    })
    for (const person of [reminded, quiet, late]) {
      await createRegistration(payload, {
        user: person.user.id,
        event: event.id,
        status: 'confirmed',
        registeredAt: new Date().toISOString(),
      })
    }
    // Starts 10 minutes and 4 seconds from now: its reminder is due in about 4 seconds.
    const startTime = new Date(Date.now() + 10 * MINUTE + 4_000)
    const session = await api('POST', '/sessions', {
      token: organizer.token,
      body: {
        event: event.id,
        title: 'Reminded talk',
        startTime: startTime.toISOString(),
        endTime: new Date(startTime.getTime() + 30 * MINUTE).toISOString(),
      },
    })
    expect(session.status).toBe(201)
    const id = session.body.doc.id as number
    await api('POST', `/sessions/${id}/star`, { token: reminded.token, body: { remind: true } })
    await api('POST', `/sessions/${id}/star`, { token: quiet.token })

    const REMINDER = 'Starting in 10 minutes'
    await mailbox.waitFor(() => mailbox.to(reminded.user.email, REMINDER).length > 0, 30_000)
    const message = mailbox.to(reminded.user.email, REMINDER)[0]!.parsed
    expect(message.subject).toBe('Starting in 10 minutes: Reminded talk')
    expect(message.text).toContain(`/events/${event.slug}/sessions/${id}`)
    expect(mailbox.to(quiet.user.email, REMINDER)).toHaveLength(0)

    // A reminder scheduled for a time the session has left is dropped; the new time's is sent.
    await api('POST', `/sessions/${id}/star`, { token: late.token, body: { remind: true } })
    const moved = new Date(startTime.getTime() + 60 * MINUTE)
    await api('PATCH', `/sessions/${id}`, {
      token: organizer.token,
      body: {
        startTime: moved.toISOString(),
        endTime: new Date(moved.getTime() + 30 * MINUTE).toISOString(),
      },
    })
    await sessionReminder(payload, { sessionId: id, startTime: startTime.toISOString() })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(mailbox.to(late.user.email, REMINDER)).toHaveLength(0)
    await sessionReminder(payload, { sessionId: id, startTime: moved.toISOString() })
    // One email job per person: Laura's may arrive before Rita's second.
    await mailbox.waitFor(
      () =>
        mailbox.to(late.user.email, REMINDER).length >= 1 &&
        mailbox.to(reminded.user.email, REMINDER).length >= 2,
    )
    expect(mailbox.to(late.user.email, REMINDER)).toHaveLength(1)
    expect(mailbox.to(reminded.user.email, REMINDER)).toHaveLength(2)
  })
})
