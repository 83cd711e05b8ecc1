import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createEvent, createUser, errorMessages, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let olivia: TestUser
let oscar: TestUser

beforeAll(async () => {
  payload = await testPayload()
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
})
afterAll(async () => {
  await closePayload(payload)
})

const draft = (fields: Record<string, unknown>) => ({
  title: `Zoned ${Math.random().toString(36).slice(2)}`,
  duration: 60,
  price: 1500,
  currency: 'EUR',
  capacity: 10,
  ...fields,
})

describe('an event’s start over REST', () => {
  it('reads a time without an offset in the event’s own zone, across daylight saving', async () => {
    const cases = [
      ['2026-03-28T18:00', '2026-03-28T17:00:00.000Z'], // CET
      ['2026-03-29T18:00', '2026-03-29T16:00:00.000Z'], // CEST from that night
      ['2026-10-25T18:00', '2026-10-25T17:00:00.000Z'], // CET again
    ] as const
    for (const [wall, utc] of cases) {
      const created = await api('POST', '/events', {
        token: olivia.token,
        body: draft({ startTime: wall, timezone: 'Europe/Berlin' }),
      })
      expect(created.status, errorMessages(created.body)).toBe(201)
      expect(created.body.doc.startTime).toBe(utc)
    }
  })

  it('keeps an instant with an offset as sent, and reads a later wall time in the stored zone', async () => {
    const created = await api('POST', '/events', {
      token: olivia.token,
      body: draft({ startTime: '2026-12-03T18:00:00+01:00', timezone: 'America/New_York' }),
    })
    expect(created.status, errorMessages(created.body)).toBe(201)
    expect(created.body.doc.startTime).toBe('2026-12-03T17:00:00.000Z')
    const moved = await api('PATCH', `/events/${created.body.doc.id}`, {
      token: olivia.token,
      body: { startTime: '2026-12-03T18:00' },
    })
    expect(moved.status, errorMessages(moved.body)).toBe(200)
    expect(moved.body.doc.startTime).toBe('2026-12-03T23:00:00.000Z') // 18:00 EST
  })
})

describe('event pickers offer an organizer only their own events', () => {
  it('refuses a material attached to another organizer’s event, and accepts one’s own', async () => {
    const oliviaEvent = await createEvent(payload, olivia.user)
    const oscarEvent = await createEvent(payload, oscar.user)
    const pdf = Buffer.from(
      '%PDF-1.4\n% slides\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 1\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    )
    const upload = (event: number) =>
      payload.create({
        collection: 'media',
        data: { kind: 'material', event, alt: 'Slides' },
        file: { data: pdf, mimetype: 'application/pdf', name: 'slides.pdf', size: pdf.length },
        overrideAccess: false,
        user: { ...oscar.user, collection: 'users' },
      })
    await expect(upload(oliviaEvent.id)).rejects.toMatchObject({
      status: 403,
      data: expect.objectContaining({ code: 'NOT_EVENT_ORGANIZER', path: 'event' }),
    })
    await expect(upload(oscarEvent.id)).resolves.toMatchObject({ kind: 'material' })
  })
})
