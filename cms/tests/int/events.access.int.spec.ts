import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../src/payload-types'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let user: TestUser
let published: Event
let oliviaDraft: Event
let oscarDraft: Event

// Other test files share the database, so lists are narrowed to this file's events.
const ourEvents = () =>
  `/events?limit=100&where[id][in]=${[published, oliviaDraft, oscarDraft].map((e) => e.id).join(',')}`
const ids = (body: { docs: { id: number }[] }) => body.docs.map((doc) => doc.id)

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  user = await createUser(payload, 'user')
  published = await createEvent(payload, olivia.user, {
    videoUrl: 'https://video.example/secret.m3u8',
  })
  oliviaDraft = await createEvent(payload, olivia.user, { status: 'draft' })
  oscarDraft = await createEvent(payload, oscar.user, { status: 'pending_review' })
})
afterAll(async () => {
  await closePayload(payload)
})

describe('events: reading', () => {
  it('anonymous visitors and users see published events only', async () => {
    for (const token of [undefined, user.token]) {
      const res = await api('GET', ourEvents(), { token })
      expect(res.status).toBe(200)
      expect(ids(res.body)).toContain(published.id)
      expect(ids(res.body)).not.toContain(oliviaDraft.id)
      expect(ids(res.body)).not.toContain(oscarDraft.id)
    }
  })

  it('an unpublished event by id is a 404 for anonymous visitors and users (IDOR)', async () => {
    expect((await api('GET', `/events/${oliviaDraft.id}`)).status).toBe(404)
    expect((await api('GET', `/events/${oliviaDraft.id}`, { token: user.token })).status).toBe(404)
  })

  it('an organizer sees their own unpublished events, not another organizer’s', async () => {
    const res = await api('GET', ourEvents(), { token: olivia.token })
    expect(ids(res.body)).toEqual(expect.arrayContaining([published.id, oliviaDraft.id]))
    expect(ids(res.body)).not.toContain(oscarDraft.id)
    expect((await api('GET', `/events/${oscarDraft.id}`, { token: olivia.token })).status).toBe(404)
  })

  it('an admin sees every event', async () => {
    const res = await api('GET', ourEvents(), { token: admin.token })
    expect(ids(res.body)).toEqual(
      expect.arrayContaining([published.id, oliviaDraft.id, oscarDraft.id]),
    )
  })

  it('the video URL never appears for visitors or attendees, only for its organizer and admins', async () => {
    for (const token of [undefined, user.token, oscar.token]) {
      const one = await api('GET', `/events/${published.id}`, { token })
      expect(one.status).toBe(200)
      expect(one.body.videoUrl).toBeUndefined()
      expect(JSON.stringify((await api('GET', ourEvents(), { token })).body)).not.toContain(
        'secret.m3u8',
      )
    }
    expect(
      (await api('GET', `/events/${published.id}`, { token: olivia.token })).body.videoUrl,
    ).toContain('secret.m3u8')
    expect(
      (await api('GET', `/events/${published.id}`, { token: admin.token })).body.videoUrl,
    ).toContain('secret.m3u8')
  })

  it('filtering or sorting on the protected video URL is refused and reveals nothing', async () => {
    const filter = await api('GET', '/events?where[videoUrl][like]=secret')
    expect(filter.status).toBe(400)
    const sorted = await api('GET', '/events?sort=videoUrl', { token: user.token })
    expect(JSON.stringify(sorted.body)).not.toContain('secret.m3u8')
  })

  it('a malformed id is a 400 with a message, not a server error', async () => {
    const res = await api('GET', '/events/not-a-number')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/not a valid id/)
  })
})

describe('events: writing', () => {
  it('anonymous visitors and users cannot create events', async () => {
    const body = {
      title: 'Nope',
      startTime: new Date().toISOString(),
      duration: 30,
      timezone: 'UTC',
      capacity: 10,
    }
    expect((await api('POST', '/events', { body })).status).toBe(403)
    expect((await api('POST', '/events', { token: user.token, body })).status).toBe(403)
  })

  it('an organizer creates a draft that is always their own', async () => {
    const res = await api('POST', '/events', {
      token: olivia.token,
      body: {
        title: 'My New Talk',
        startTime: '2030-05-01T17:00:00.000Z',
        duration: 45,
        timezone: 'America/New_York',
        price: 1500,
        currency: 'USD',
        capacity: 20,
        organizer: oscar.user.id,
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ status: 'draft', slug: 'my-new-talk', price: 1500 })
    expect(res.body.doc.organizer.id ?? res.body.doc.organizer).toBe(olivia.user.id)
  })

  it('names the invalid fields: time zone, price in cents, capacity', async () => {
    const res = await api('POST', '/events', {
      token: olivia.token,
      body: {
        title: 'Bad',
        startTime: '2030-05-01T17:00:00Z',
        duration: 30,
        timezone: 'Mars/Olympus',
        price: 12.5,
        capacity: -1,
      },
    })
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['timezone', 'price', 'capacity']))
  })

  it('an organizer cannot edit or delete another organizer’s event', async () => {
    expect(
      (
        await api('PATCH', `/events/${oscarDraft.id}`, {
          token: olivia.token,
          body: { title: 'Mine' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api('PUT', `/events/${oscarDraft.id}`, {
          token: olivia.token,
          body: { title: 'Mine' },
        })
      ).status,
    ).toBe(403)
    expect((await api('DELETE', `/events/${oscarDraft.id}`, { token: olivia.token })).status).toBe(
      403,
    )
    expect((await payload.findByID({ collection: 'events', id: oscarDraft.id })).title).not.toBe(
      'Mine',
    )
  })

  it('a user cannot edit a published event', async () => {
    expect(
      (await api('PATCH', `/events/${published.id}`, { token: user.token, body: { price: 0 } }))
        .status,
    ).toBe(403)
  })

  it('an organizer cannot hand their event to someone else', async () => {
    await api('PATCH', `/events/${oliviaDraft.id}`, {
      token: olivia.token,
      body: { organizer: oscar.user.id },
    })
    const stored = await payload.findByID({ collection: 'events', id: oliviaDraft.id, depth: 0 })
    expect(stored.organizer).toBe(olivia.user.id)
  })

  it('PUT /api/events/:id updates like PATCH for the owner', async () => {
    const res = await api('PUT', `/events/${oliviaDraft.id}`, {
      token: olivia.token,
      body: { title: 'Renamed Draft' },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.title).toBe('Renamed Draft')
  })

  it('an organizer deletes their own draft, but not a published event', async () => {
    const draft = await createEvent(payload, olivia.user, { status: 'draft' })
    expect((await api('DELETE', `/events/${draft.id}`, { token: olivia.token })).status).toBe(200)
    expect((await api('DELETE', `/events/${published.id}`, { token: olivia.token })).status).toBe(
      403,
    )
  })

  it('an admin deletes any event', async () => {
    const draft = await createEvent(payload, oscar.user, { status: 'draft' })
    expect((await api('DELETE', `/events/${draft.id}`, { token: admin.token })).status).toBe(200)
  })
})
