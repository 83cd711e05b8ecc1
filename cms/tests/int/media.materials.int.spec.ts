import config from '@payload-config'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AUTH_ERROR } from '../../src/contract/auth'
import type { Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import { api, BASE_URL, createEvent, createUser, testPayload, type TestUser } from '../helpers'

let payload: Payload
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let oliviasEvent: Event
let oscarsEvent: Event

const pdf = Buffer.from(
  '%PDF-1.4\n% slides\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 1\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** Uploads through REST as a browser would: multipart with the file and the fields as _payload. */
async function upload(who: TestUser, fields: Record<string, unknown>) {
  const form = new FormData()
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), `slides-${Date.now()}.pdf`)
  form.append('_payload', JSON.stringify(fields))
  const response = await handleEndpoints({
    config,
    request: new Request(`${BASE_URL}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${who.token}` },
      body: form,
    }),
  })
  return { status: response.status, body: (await response.json()) as any }
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  oliviasEvent = await createEvent(payload, olivia.user)
  oscarsEvent = await createEvent(payload, oscar.user)
})
afterAll(async () => {
  await closePayload(payload)
})

describe('materials belong to the events their uploader organizes', () => {
  it('an organizer cannot upload a material for another organizer’s event', async () => {
    const res = await upload(oscar, {
      kind: 'material',
      event: oliviasEvent.id,
      alt: 'Fake slides',
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].data).toMatchObject({ code: AUTH_ERROR.notYourEvent, path: 'event' })
    const attached = await payload.count({
      collection: 'media',
      where: { event: { equals: oliviasEvent.id } },
    })
    expect(attached.totalDocs).toBe(0)
  })

  it('an organizer uploads for their own event; moving it to another’s event is refused', async () => {
    const own = await upload(oscar, { kind: 'material', event: oscarsEvent.id, alt: 'Slides' })
    expect(own.status).toBe(201)
    const moved = await api('PATCH', `/media/${own.body.doc.id}`, {
      token: oscar.token,
      body: { event: oliviasEvent.id },
    })
    expect(moved.status).toBe(403)
    expect(moved.body.errors[0].data.code).toBe(AUTH_ERROR.notYourEvent)
    const stored = await payload.findByID({ collection: 'media', id: own.body.doc.id, depth: 0 })
    expect(stored.event).toBe(oscarsEvent.id)
  })

  it('an image turned into a material needs the event to be the caller’s too', async () => {
    const image = await upload(oscar, { kind: 'image', alt: 'Cover' })
    expect(image.status).toBe(201)
    const res = await api('PATCH', `/media/${image.body.doc.id}`, {
      token: oscar.token,
      body: { kind: 'material', event: oliviasEvent.id },
    })
    expect(res.status).toBe(403)
  })

  it('admins attach materials to any event', async () => {
    expect(
      (await upload(admin, { kind: 'material', event: oliviasEvent.id, alt: 'By admin' })).status,
    ).toBe(201)
  })

  it('the event’s organizer removes its materials, whoever uploaded them; another organizer cannot', async () => {
    const byAdmin = await upload(admin, { kind: 'material', event: oliviasEvent.id, alt: 'Old' })
    const refused = await api('DELETE', `/media/${byAdmin.body.doc.id}`, { token: oscar.token })
    expect(refused.status).toBeGreaterThanOrEqual(403)
    expect(refused.status).toBeLessThanOrEqual(404)
    expect(
      (await payload.count({ collection: 'media', where: { id: { equals: byAdmin.body.doc.id } } }))
        .totalDocs,
    ).toBe(1)
    const removed = await api('DELETE', `/media/${byAdmin.body.doc.id}`, { token: olivia.token })
    expect(removed.status).toBe(200)
    expect(
      (await payload.count({ collection: 'media', where: { id: { equals: byAdmin.body.doc.id } } }))
        .totalDocs,
    ).toBe(0)
  })
})
