import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeQueue, getJobsQueue } from '../../src/jobs/queue'
import { startWorker, type RunningWorker } from '../../src/jobs/runWorker'
import type { Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import {
  dropQueueKeys,
  eventually,
  startMailbox,
  uniquePrefix,
  type Mailbox,
} from '../jobs/mailbox'

const SMTP_PORT = 2530
const ATTENDEES = 500

let payload: Payload
let mailbox: Mailbox
let worker: RunningWorker
let organizer: TestUser
let otherOrganizer: TestUser
let attendee: TestUser
let admin: TestUser
let event: Event

/**
 * Attendees are written through the database adapter: no password hashing for 500 people and no
 * hooks, so their registrations do not enqueue confirmations that are not part of this test.
 */
async function seedAttendees(count: number): Promise<void> {
  const run = Date.now().toString(36)
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async (_, i) => {
        const user = await payload.db.create({
          collection: 'users',
          data: {
            email: `bulk-${run}-${start + i}@test.example`,
            name: `Bulk ${start + i}`,
            role: 'user',
          },
        })
        await payload.db.create({
          collection: 'registrations',
          data: {
            user: user.id,
            event: event.id,
            status: 'confirmed',
            registeredAt: new Date().toISOString(),
          },
        })
      }),
    )
  }
}

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
  otherOrganizer = await createUser(payload, 'organizer')
  attendee = await createUser(payload, 'user')
  admin = await createUser(payload, 'admin')
  event = await createEvent(payload, organizer.user, { capacity: 1000, title: 'Big Meetup' })
  await seedAttendees(ATTENDEES)
  process.env.JOBS_PREFIX = uniquePrefix('campaigns')
  mailbox = await startMailbox(SMTP_PORT)
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`
  worker = await startWorker(payload, { concurrency: 4, sweepEveryMs: 0 })
}, 120_000)

afterAll(async () => {
  await worker?.close()
  await getJobsQueue().obliterate({ force: true })
  await closeQueue()
  await mailbox.close()
  await dropQueueKeys(process.env.JOBS_PREFIX!)
  delete process.env.JOBS_PREFIX
  delete process.env.SMTP_URL
  await closePayload(payload)
})

type CampaignBody = { status: string; total: number; sent: number; failed: number; skipped: number }

async function sendAndWatch(id: number): Promise<{ final: CampaignBody; seen: CampaignBody[] }> {
  const queued = await api('PATCH', `/campaigns/${id}`, {
    token: organizer.token,
    body: { status: 'queued' },
  })
  expect(queued.status).toBe(200)
  const seen: CampaignBody[] = []
  const final = await eventually(
    async () => {
      const { body } = await api<{ doc?: CampaignBody } & CampaignBody>('GET', `/campaigns/${id}`, {
        token: organizer.token,
      })
      seen.push(body)
      return body.status === 'sent' ? body : undefined
    },
    120_000,
    'the campaign to finish',
  )
  return { final, seen }
}

const unsubscribeLink = (raw: Buffer): string =>
  /^List-Unsubscribe:\s*<([^>]+)>/im.exec(raw.toString('utf8'))?.[1] ?? ''

const subjectCount = (subject: string) =>
  mailbox.messages.filter((m) => m.parsed.subject === subject).length

describe('bulk mail to attendees', () => {
  it('only the event organizer and admins may write to its attendees', async () => {
    const body = { event: event.id, subject: 'Not yours', body: 'Hello' }
    const asOther = await api('POST', '/campaigns', { token: otherOrganizer.token, body })
    expect(asOther.status).toBe(403)
    const asUser = await api('POST', '/campaigns', { token: attendee.token, body })
    expect(asUser.status).toBe(403)
    const anonymous = await api('POST', '/campaigns', { body })
    expect(anonymous.status).toBe(403)

    const own = await api('POST', '/campaigns', { token: organizer.token, body })
    expect(own.status).toBe(201)
    const id = own.body.doc.id as number
    expect((await api('GET', `/campaigns/${id}`, { token: otherOrganizer.token })).status).toBe(404)
    const list = await api('GET', '/campaigns', { token: otherOrganizer.token })
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(id)
    const hijack = await api('PATCH', `/campaigns/${id}`, {
      token: otherOrganizer.token,
      body: { status: 'queued' },
    })
    expect([403, 404]).toContain(hijack.status)
    // Moving one's own campaign onto someone else's event is refused too.
    const otherEvent = await createEvent(payload, otherOrganizer.user)
    const moved = await api('PATCH', `/campaigns/${id}`, {
      token: organizer.token,
      body: { event: otherEvent.id },
    })
    expect(moved.status).toBe(403)
    expect((await api('GET', `/campaigns/${id}`, { token: admin.token })).status).toBe(200)
    // Nobody sets the worker's counters or statuses by hand.
    const forged = await api('PATCH', `/campaigns/${id}`, {
      token: organizer.token,
      body: { status: 'sent' },
    })
    expect(forged.status).toBe(400)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(mailbox.messages).toHaveLength(0)
  })

  it(
    `sends to ${ATTENDEES} attendees once each, with progress while it runs; sending again mails nobody twice`,
    { timeout: 240_000 },
    async () => {
      const created = await api('POST', '/campaigns', {
        token: organizer.token,
        body: {
          event: event.id,
          subject: 'Doors open at six',
          body: 'See you there.\n\nBring a friend.',
        },
      })
      expect(created.status).toBe(201)
      const id = created.body.doc.id as number

      const { final, seen } = await sendAndWatch(id)
      expect(final).toMatchObject({ total: ATTENDEES, sent: ATTENDEES, failed: 0, skipped: 0 })
      expect(seen.some((p) => p.sent > 0 && p.sent < ATTENDEES)).toBe(true)
      expect(subjectCount('Doors open at six')).toBe(ATTENDEES)
      const addresses = new Set(
        mailbox.messages
          .filter((m) => m.parsed.subject === 'Doors open at six')
          .map((m) => m.parsed.to && !Array.isArray(m.parsed.to) && m.parsed.to.value[0]?.address),
      )
      expect(addresses.size).toBe(ATTENDEES)
      const sample = mailbox.messages.find((m) => m.parsed.subject === 'Doors open at six')!
      expect(sample.parsed.text).toContain('Bring a friend.')
      expect(unsubscribeLink(sample.raw)).toMatch(/\/api\/email-opt-outs\/unsubscribe\?u=\d+&t=/)

      const again = await sendAndWatch(id)
      expect(again.final).toMatchObject({ total: ATTENDEES, sent: ATTENDEES })
      expect(subjectCount('Doors open at six')).toBe(ATTENDEES)
    },
  )

  it(
    'honours the unsubscribe link in later bulk mail, while transactional mail still goes',
    { timeout: 180_000 },
    async () => {
      const mail = mailbox.messages.find((m) => m.parsed.subject === 'Doors open at six')!
      const to = !Array.isArray(mail.parsed.to) ? mail.parsed.to?.value[0]?.address : undefined
      const link = unsubscribeLink(mail.raw)
      const url = new URL(link)
      const forged = await api(
        'GET',
        `${url.pathname.replace(/^\/api/, '')}?u=${url.searchParams.get('u')}&t=forged-token-000`,
      )
      expect(forged.status).toBe(400)
      const response = await api('GET', `${url.pathname.replace(/^\/api/, '')}${url.search}`)
      expect(response.status).toBe(200)
      expect(String(response.body)).toContain('You are unsubscribed')

      const created = await api('POST', '/campaigns', {
        token: organizer.token,
        body: { event: event.id, subject: 'Slides are up', body: 'Find them on the event page.' },
      })
      const { final } = await sendAndWatch(created.body.doc.id as number)
      expect(final).toMatchObject({ total: ATTENDEES, sent: ATTENDEES - 1, skipped: 1 })
      expect(subjectCount('Slides are up')).toBe(ATTENDEES - 1)
      expect(
        mailbox.messages.filter(
          (m) => m.parsed.subject === 'Slides are up' && m.parsed.text?.includes(to!),
        ),
      ).toHaveLength(0)
      const recipientsOfSlides = mailbox.messages
        .filter((m) => m.parsed.subject === 'Slides are up')
        .map((m) => (!Array.isArray(m.parsed.to) ? m.parsed.to?.value[0]?.address : ''))
      expect(recipientsOfSlides).not.toContain(to)

      // A transactional email to the same person still goes out.
      const user = await payload.find({ collection: 'users', where: { email: { equals: to } } })
      const otherEvent = await createEvent(payload, organizer.user, { title: 'Second Meetup' })
      await payload.create({
        collection: 'registrations',
        data: {
          user: user.docs[0]!.id,
          event: otherEvent.id,
          status: 'confirmed',
          registeredAt: new Date().toISOString(),
        },
      })
      await mailbox.waitFor(() => mailbox.to(to!, "You're registered: Second Meetup").length === 1)
    },
  )
})
