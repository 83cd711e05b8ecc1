import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildIcs } from '../../src/emails/ics'
import {
  closeQueue,
  enqueue,
  getJobsQueue,
  QueueUnavailableError,
  toJobId,
} from '../../src/jobs/queue'
import { processJob, startWorker, type RunningWorker } from '../../src/jobs/runWorker'
import { eventReminder } from '../../src/jobs/handlers/eventReminder'
import { sweepMissedEmails } from '../../src/jobs/handlers/sweepMissedEmails'
import type { Event } from '../../src/payload-types'
import { settings } from '../../src/plugin/settings'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import {
  dropQueueKeys,
  eventually,
  startMailbox,
  uniquePrefix,
  type Mailbox,
} from '../jobs/mailbox'

const SMTP_PORT = 2510

let payload: Payload
let mailbox: Mailbox
let worker: RunningWorker
let organizer: TestUser
let admin: TestUser

beforeAll(async () => {
  process.env.JOBS_PREFIX = uniquePrefix('emails')
  mailbox = await startMailbox(SMTP_PORT)
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`
  payload = await testPayload()
  worker = await startWorker(payload, { concurrency: 4, sweepEveryMs: 0 })
  organizer = await createUser(payload, 'organizer', 'Olga Organizer')
  admin = await createUser(payload, 'admin', 'Ada Admin')
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

const register = (user: TestUser, event: Event, body: Record<string, unknown> = {}) =>
  api('POST', '/registrations', { token: user.token, body: { event: event.id, ...body } })

const jobIds = async (prefix: string): Promise<string[]> => {
  const jobs = await getJobsQueue().getJobs(['delayed', 'waiting'])
  return jobs.map((job) => job.id ?? '').filter((id) => id.startsWith(toJobId(prefix)))
}

/** The outbox hands rows over a few milliseconds after their commit (in batches): wait that out. */
const handOverAttempted = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('registration emails', () => {
  it('sends one confirmation with a calendar file, the watch link and the time in the event zone', async () => {
    const attendee = await createUser(payload, 'user', 'Alice Attendee')
    const event = await createEvent(payload, organizer.user, {
      title: 'Rust for Web Developers',
      startTime: '2031-03-10T17:00:00.000Z',
      timezone: 'Europe/Berlin',
      duration: 90,
    })
    const response = await register(attendee, event)
    expect(response.status).toBe(201)

    const [mail] = await mailbox.waitFor(() => mailbox.to(attendee.user.email).length > 0)
    expect(mail).toBeDefined()
    const confirmation = mailbox.to(attendee.user.email)[0]!.parsed
    expect(confirmation.subject).toBe("You're registered: Rust for Web Developers")
    // 17:00 UTC is 18:00 in Berlin in March (CET).
    expect(confirmation.text).toContain('18:00')
    expect(confirmation.text).toContain('Europe/Berlin')
    expect(confirmation.text).toContain(`/events/${event.slug}`)
    expect(confirmation.html).toContain('Watch the event')
    const ics = confirmation.attachments.find((a) => a.filename === 'event.ics')
    expect(ics?.contentType).toBe('text/calendar')
    const calendar = ics!.content.toString('utf8')
    expect(calendar).toContain('DTSTART:20310310T170000Z')
    expect(calendar).toContain('DTEND:20310310T183000Z')
    expect(calendar).toContain('SUMMARY:Rust for Web Developers')

    // Running the job again, or the sweep, mails nobody twice. (The catcher has the mail a moment
    // before the worker records it as sent: wait for that record, as a later retry would.)
    const registrationId = response.body.doc.id as number
    await eventually(
      async () => {
        const { totalDocs } = await payload.count({
          collection: 'email-deliveries',
          where: { and: [{ to: { equals: attendee.user.email } }, { status: { equals: 'sent' } }] },
          overrideAccess: true,
        })
        return totalDocs === 1
      },
      15_000,
      'the confirmation recorded as sent',
    )
    await processJob(payload, { name: 'registration-confirmed', data: { registrationId } })
    await sweepMissedEmails(payload, {}, Date.now() + 120_000)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(mailbox.to(attendee.user.email)).toHaveLength(1)
  })

  it('enqueues one job per business event however often it is enqueued', async () => {
    const attendee = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user)
    const { body } = await register(attendee, event)
    const id = body.doc.id as number
    await mailbox.waitFor(() => mailbox.to(attendee.user.email).length === 1)
    const jobId = `registration-confirmed:${id}:${Date.parse(body.doc.registeredAt)}`
    await enqueue('registration-confirmed', { registrationId: id }, { jobId })
    await enqueue('registration-confirmed', { registrationId: id }, { jobId })
    const job = await getJobsQueue().getJob(toJobId(jobId))
    expect(job?.id).toBe(toJobId(jobId))
    // The completed job is kept, so the same id is not added again: no second email.
    await eventually(() => job!.isCompleted(), 15_000, 'the job to complete')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(mailbox.to(attendee.user.email)).toHaveLength(1)
  })

  it('refuses bad job data up front and never retries a job whose data will never work', async () => {
    await expect(
      enqueue('registration-confirmed', { registrationId: -1 } as never),
    ).rejects.toThrow()
    await expect(
      processJob(payload, { name: 'registration-confirmed', data: { registrationId: 99_999_999 } }),
    ).rejects.toMatchObject({ name: 'UnrecoverableError' })
    await expect(processJob(payload, { name: 'no-such-job', data: {} })).rejects.toMatchObject({
      name: 'UnrecoverableError',
    })
  })

  it('a job whose database read fails for a moment is retried, not dropped, and its email goes out', async () => {
    const attendee = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user)
    const { body } = await register(attendee, event)
    await mailbox.waitFor(() => mailbox.to(attendee.user.email).length === 1)
    // Forget that it was mailed, so the job below is a first run (each key is mailed once).
    const key = `registration-confirmed:${body.doc.id}:${Date.parse(body.doc.registeredAt)}`
    const isRecorded = async () =>
      (
        await payload.find({
          collection: 'email-deliveries',
          where: { and: [{ key: { equals: key } }, { status: { equals: 'sent' } }] },
        })
      ).totalDocs === 1
    await eventually(isRecorded, 10_000, 'the delivery to be recorded')
    await payload.delete({ collection: 'email-deliveries', where: { key: { equals: key } } })
    const job = { name: 'registration-confirmed', data: { registrationId: body.doc.id } }
    const findOne = payload.db.findOne
    payload.db.findOne = (async () => {
      throw new Error('timeout exceeded when trying to connect')
    }) as typeof findOne
    try {
      const failure = await processJob(payload, job).catch((error: Error) => error)
      // BullMQ tries an ordinary error again; an UnrecoverableError would lose the email.
      expect(failure).toMatchObject({ message: 'timeout exceeded when trying to connect' })
      expect((failure as Error).name).not.toBe('UnrecoverableError')
    } finally {
      payload.db.findOne = findOne
    }
    await processJob(payload, job)
    await mailbox.waitFor(() => mailbox.to(attendee.user.email).length === 2)
  })

  it('tells a waitlisted person, and confirms them with a calendar file when a seat frees up', async () => {
    const first = await createUser(payload, 'user')
    const second = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user, { capacity: 1 })
    const taken = await register(first, event)
    expect(taken.status).toBe(201)
    const waiting = await register(second, event, { waitlist: true })
    expect(waiting.body.doc.status).toBe('waitlisted')
    await mailbox.waitFor(() => mailbox.to(second.user.email, 'waitlist').length === 1)

    const cancelled = await api('DELETE', `/registrations/${taken.body.doc.id}`, {
      token: first.token,
    })
    expect(cancelled.status).toBe(200)
    await mailbox.waitFor(() => mailbox.to(first.user.email, 'Registration cancelled').length === 1)
    await mailbox.waitFor(() => mailbox.to(second.user.email, "You're registered").length === 1)
    const promoted = mailbox.to(second.user.email, "You're registered")[0]!
    expect(promoted.parsed.attachments.map((a) => a.filename)).toEqual(['event.ics'])
  })

  it('sends a receipt when a payment succeeds and a refund notice when it is refunded', async () => {
    const buyer = await createUser(payload, 'user', 'Paying Pat')
    const event = await createEvent(payload, organizer.user, { price: 2500, currency: 'EUR' })
    const payment = await payload.create({
      collection: 'payments',
      data: {
        user: buyer.user.id,
        event: event.id,
        amount: 2500,
        currency: 'EUR',
        status: 'pending',
      },
    })
    await payload.update({
      collection: 'payments',
      id: payment.id,
      data: {
        status: 'succeeded',
        paidAt: new Date().toISOString(),
        stripePaymentId: `pi_test_${payment.id}`,
      },
    })
    const [receipt] = await mailbox.waitFor(
      () => mailbox.to(buyer.user.email, 'Receipt').length === 1,
    )
    expect(receipt).toBeDefined()
    expect(mailbox.to(buyer.user.email, 'Receipt')[0]!.parsed.text).toContain('€25.00')
    await payload.update({
      collection: 'payments',
      id: payment.id,
      data: { status: 'refunded', refundedAt: new Date().toISOString(), refundId: 're_test_1' },
    })
    await mailbox.waitFor(() => mailbox.to(buyer.user.email, 'Refund issued').length === 1)
    expect(mailbox.to(buyer.user.email, 'Refund issued')[0]!.parsed.text).toContain('€25.00')
    expect(mailbox.to(buyer.user.email, 'Receipt')).toHaveLength(1)
  })
})

describe('reminders', () => {
  it('are delayed jobs 24 h and 1 h before the start, moved when the start moves, gone on cancel', async () => {
    const attendee = await createUser(payload, 'user')
    const startTime = new Date(Date.now() + 3 * 24 * 3600_000).toISOString()
    const event = await createEvent(payload, organizer.user, { startTime })
    const { body } = await register(attendee, event)
    const id = body.doc.id as number
    const start = Date.parse(startTime)
    await eventually(
      async () => (await jobIds(`reminder:${id}:`)).length === 2,
      15_000,
      'reminders',
    )
    expect((await jobIds(`reminder:${id}:`)).sort()).toEqual(
      [`reminder.${id}.1h.${start}`, `reminder.${id}.24h.${start}`].sort(),
    )

    const moved = new Date(start + 2 * 24 * 3600_000).toISOString()
    const patch = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { startTime: moved },
    })
    expect(patch.status).toBe(200)
    const movedStart = Date.parse(moved)
    await eventually(
      async () => {
        const ids = (await jobIds(`reminder:${id}:`)).sort()
        return (
          ids.join() ===
          [`reminder.${id}.1h.${movedStart}`, `reminder.${id}.24h.${movedStart}`].sort().join()
        )
      },
      15_000,
      'rescheduled reminders',
    )
    const delayed = await getJobsQueue().getJob(`reminder.${id}.24h.${movedStart}`)
    expect(delayed!.delay).toBeGreaterThan(4 * 24 * 3600_000 - 60_000)

    await api('DELETE', `/registrations/${id}`, { token: attendee.token })
    await eventually(
      async () => (await jobIds(`reminder:${id}:`)).length === 0,
      15_000,
      'no reminders',
    )
  })

  it('sends the 1 h reminder when it is due, with the current start time', async () => {
    const attendee = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user, {
      title: 'Starting Soon Summit',
      startTime: new Date(Date.now() + 3600_000 + 2_000).toISOString(),
    })
    await register(attendee, event)
    await mailbox.waitFor(
      () => mailbox.to(attendee.user.email, 'Starting in one hour').length === 1,
      20_000,
    )
    expect(mailbox.to(attendee.user.email, 'Starting in one hour')[0]!.parsed.subject).toBe(
      'Starting in one hour: Starting Soon Summit',
    )
  })

  it('are dropped when the event is cancelled, and attendees hear of the cancellation', async () => {
    const attendee = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user, {
      startTime: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    })
    const { body } = await register(attendee, event)
    const id = body.doc.id as number
    await eventually(
      async () => (await jobIds(`reminder:${id}:`)).length === 2,
      15_000,
      'reminders',
    )
    const cancel = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { status: 'cancelled' },
    })
    expect(cancel.status).toBe(200)
    await mailbox.waitFor(() => mailbox.to(attendee.user.email, 'Event cancelled').length === 1)
    await eventually(
      async () => (await jobIds(`reminder:${id}:`)).length === 0,
      15_000,
      'no reminders',
    )
  })

  it('a reminder running late (worker outage) is not sent once the event has started', async () => {
    const attendee = await createUser(payload, 'user')
    const startTime = new Date(Date.now() - 5 * 60_000).toISOString()
    const event = await createEvent(payload, organizer.user, {
      title: 'Already Live Lab',
      startTime,
      duration: 120,
    })
    const { body } = await register(attendee, event)
    expect(body.doc.status).toBe('confirmed')
    // The 1 h job, delivered after the outage with the data it was scheduled with.
    await eventReminder(payload, { registrationId: body.doc.id, window: '1h', startTime })
    const sent = await payload.count({
      collection: 'email-deliveries',
      where: { key: { like: `reminder:${body.doc.id}:` } },
    })
    expect(sent.totalDocs).toBe(0)
    await mailbox.waitFor(() => mailbox.to(attendee.user.email).length > 0)
    expect(mailbox.to(attendee.user.email, 'Starting in one hour')).toHaveLength(0)
  })
})

describe('event workflow emails', () => {
  it('tells admins of a submission, and the organizer of a rejection with its reason and of approval', async () => {
    const event = await createEvent(payload, organizer.user, {
      status: 'draft',
      title: 'Draft Days',
    })
    const submit = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { status: 'pending_review' },
    })
    expect(submit.status).toBe(200)
    await mailbox.waitFor(
      () => mailbox.to(admin.user.email, 'Awaiting review: Draft Days').length === 1,
    )

    const reject = await api('PATCH', `/events/${event.id}`, {
      token: admin.token,
      body: { status: 'rejected', rejectionReason: 'Please add a speaker list.' },
    })
    expect(reject.status).toBe(200)
    await mailbox.waitFor(() => mailbox.to(organizer.user.email, 'Changes needed').length === 1)
    expect(mailbox.to(organizer.user.email, 'Changes needed')[0]!.parsed.text).toContain(
      'Please add a speaker list.',
    )

    await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { status: 'pending_review' },
    })
    await api('PATCH', `/events/${event.id}`, { token: admin.token, body: { status: 'published' } })
    await mailbox.waitFor(
      () => mailbox.to(organizer.user.email, 'Approved and published').length === 1,
    )
    // The second submission is a new business event for admins, the first is not re-sent. Its
    // email is a job of its own, so it may come after the approval's.
    await mailbox.waitFor(
      () => mailbox.to(admin.user.email, 'Awaiting review: Draft Days').length >= 2,
    )
    expect(mailbox.to(admin.user.email, 'Awaiting review: Draft Days')).toHaveLength(2)
  })
})

describe('password reset', () => {
  it('mails a link to the site reset page, whose token sets the new password', async () => {
    const person = await createUser(payload, 'user', 'Forgetful Fran')
    const asked = await api('POST', '/users/forgot-password', {
      body: { email: person.user.email },
    })
    expect(asked.status).toBe(200)
    await mailbox.waitFor(() => mailbox.to(person.user.email).length > 0)
    const [mail] = mailbox.to(person.user.email)
    expect(mail!.parsed.subject).toBe('Reset your Event Portal password')
    expect(mail!.parsed.text).toContain('Hi Forgetful Fran')
    const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321'
    const link = /href="([^"]+reset-password[^"]+)"/.exec(String(mail!.parsed.html))?.[1]
    expect(link).toBeDefined()
    const resetUrl = new URL(link!.replaceAll('&amp;', '&'))
    expect(resetUrl.origin + resetUrl.pathname).toBe(new URL('/reset-password', siteUrl).href)

    const reset = await api('POST', '/users/reset-password', {
      body: { token: resetUrl.searchParams.get('token'), password: 'brand-new-pass-1' },
    })
    expect(reset.status).toBe(200)
    const login = await api('POST', '/auth/login', {
      body: { email: person.user.email, password: 'brand-new-pass-1' },
    })
    expect(login.status).toBe(200)
  })

  it('sends nothing for an address nobody signed up with, and says the same', async () => {
    const asked = await api('POST', '/users/forgot-password', {
      body: { email: 'nobody-here@test.example' },
    })
    expect(asked.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(mailbox.to('nobody-here@test.example')).toHaveLength(0)
  })
})

describe('when Redis is down', () => {
  it('enqueue fails fast with a clear error, the registration stands, and the sweep sends it later', async () => {
    const attendee = await createUser(payload, 'user')
    const event = await createEvent(payload, organizer.user)
    const redisUrl = settings.redisUrl
    await closeQueue()
    settings.redisUrl = 'redis://127.0.0.1:1'
    try {
      const started = Date.now()
      const error = await enqueue('event-approved', { eventId: event.id }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(QueueUnavailableError)
      expect((error as Error).message).toMatch(
        /Job queue unavailable \(Redis at redis:\/\/127\.0\.0\.1:1/,
      )
      expect(Date.now() - started).toBeLessThan(5_000)

      const response = await register(attendee, event)
      expect(response.status).toBe(201)
      await handOverAttempted()
    } finally {
      await closeQueue()
      settings.redisUrl = redisUrl
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(mailbox.to(attendee.user.email)).toHaveLength(0)

    const { requeued } = await sweepMissedEmails(payload, {}, Date.now() + 120_000)
    expect(requeued).toBeGreaterThanOrEqual(1)
    await mailbox.waitFor(() => mailbox.to(attendee.user.email, "You're registered").length === 1)
  })
})

describe('the booking emails’ outbox', () => {
  it('an email whose enqueue fails at commit (Redis down) is recorded, and the sweep sends it', async () => {
    const [first, second] = [await createUser(payload, 'user'), await createUser(payload, 'user')]
    const event = await createEvent(payload, organizer.user, { capacity: 1 })
    expect((await register(first, event)).status).toBe(201)
    const redisUrl = settings.redisUrl
    await closeQueue()
    settings.redisUrl = 'redis://127.0.0.1:1'
    let registrationId: number
    try {
      const waiting = await register(second, event, { waitlist: true })
      expect(waiting.status).toBe(201)
      registrationId = waiting.body.doc.id
      await handOverAttempted()
    } finally {
      await closeQueue()
      settings.redisUrl = redisUrl
    }
    const { docs } = await payload.find({
      collection: 'email-outbox',
      where: { jobId: { like: `waitlist-joined:${registrationId}:` } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]!.enqueuedAt ?? null).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(mailbox.to(second.user.email, 'waitlist')).toHaveLength(0)

    await sweepMissedEmails(payload, {}, Date.now() + 120_000)
    await mailbox.waitFor(() => mailbox.to(second.user.email, 'waitlist').length === 1)
  })
})

describe('calendar file', () => {
  it('folds long lines and escapes text as RFC 5545 requires', () => {
    const ics = buildIcs({
      uid: 'x@event-portal',
      title:
        'Semicolons; commas, and a very long title that certainly goes past seventy-five octets',
      description: 'Line one\nLine two',
      url: 'http://localhost:4321/events/x',
      startTime: '2030-01-01T10:00:00.000Z',
      durationMinutes: 30,
      timezone: 'UTC',
    })
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(ics).toContain('SUMMARY:Semicolons\\; commas\\, and')
    expect(ics).toContain('Line one\\nLine two')
  })
})
