import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeQueue, getJobsQueue } from '../../src/jobs/queue'
import { startWorker, type RunningWorker } from '../../src/jobs/runWorker'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import { dropQueueKeys, startMailbox, uniquePrefix, type Mailbox } from '../jobs/mailbox'

// Its own port (not the shared email tests'), so it runs beside them.
const SMTP_PORT = Number(process.env.TICKETS_SMTP_PORT ?? 5281)

let payload: Payload
let mailbox: Mailbox
let worker: RunningWorker
let organizer: TestUser

beforeAll(async () => {
  process.env.JOBS_PREFIX = uniquePrefix('tickets-emails')
  mailbox = await startMailbox(SMTP_PORT)
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`
  payload = await testPayload()
  worker = await startWorker(payload, { concurrency: 4, sweepEveryMs: 0 })
  organizer = await createUser(payload, 'organizer', 'Olga Organizer')
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

describe('group order emails', () => {
  it('sends every attendee their own confirmation with a calendar file; others get a claim link', async () => {
    const event = await createEvent(payload, organizer.user, {
      title: 'Team Offsite Talk',
      ticketTypes: [{ name: 'Team', price: 0 }],
    })
    const buyer = await createUser(payload, 'user', 'Bea Buyer')
    const friendEmail = `friend-${Date.now()}@test.example`
    const placed = await api('POST', '/registrations', {
      token: buyer.token,
      body: {
        event: event.id,
        items: [
          {
            ticketType: event.ticketTypes![0]!.id,
            quantity: 2,
            attendees: [
              { name: 'Bea Buyer', email: buyer.user.email },
              { name: 'Fred Friend', email: friendEmail },
            ],
          },
        ],
      },
    })
    expect(placed.status).toBe(201)

    await mailbox.waitFor(
      () => mailbox.to(buyer.user.email).length > 0 && mailbox.to(friendEmail).length > 0,
    )
    const own = mailbox.to(buyer.user.email)[0]!.parsed
    expect(own.subject).toBe("You're registered: Team Offsite Talk")
    expect(own.text).not.toContain('/claim?token=')
    const friends = mailbox.to(friendEmail)[0]!.parsed
    expect(friends.subject).toBe("You're registered: Team Offsite Talk")
    expect(friends.text).toContain('Hi Fred Friend')
    expect(friends.text).toMatch(/\/claim\?token=[\w-]{20,}/)
    expect(friends.html).toContain('Claim your ticket')
    for (const mail of [own, friends]) {
      const ics = mail.attachments.find((attachment) => attachment.filename === 'event.ics')
      expect(ics?.content.toString('utf8')).toContain('SUMMARY:Team Offsite Talk')
    }

    // Cancelling the event tells the attendee who has not claimed their ticket too.
    const cancel = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { status: 'cancelled' },
    })
    expect(cancel.status).toBe(200)
    await mailbox.waitFor(
      () =>
        mailbox.to(friendEmail, 'Event cancelled').length === 1 &&
        mailbox.to(buyer.user.email, 'Event cancelled').length === 1,
    )
  })
})
