import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../src/payload-types'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let admin: TestUser
let organizer: TestUser

const setStatus = (event: Event, token: string, body: Record<string, unknown>) =>
  api('PATCH', `/events/${event.id}`, { token, body })

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  organizer = await createUser(payload, 'organizer')
})
afterAll(async () => {
  await closePayload(payload)
})

describe('the approval workflow', () => {
  it('draft → review → published: the organizer submits, an admin publishes, and anonymous visitors then see it', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'draft' })
    const submitted = await setStatus(event, organizer.token, { status: 'pending_review' })
    expect(submitted.status).toBe(200)
    expect((await api('GET', `/events/${event.id}`)).status).toBe(404)

    const published = await setStatus(event, admin.token, { status: 'published' })
    expect(published.status).toBe(200)
    expect(published.body.doc.reviewedBy.id ?? published.body.doc.reviewedBy).toBe(admin.user.id)
    expect(published.body.doc.reviewedAt).toEqual(expect.any(String))

    const anonymous = await api('GET', `/events/${event.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.status).toBe('published')
  })

  it('an organizer cannot publish their own event (403, nothing changes)', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'pending_review' })
    const res = await setStatus(event, organizer.token, { status: 'published' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/Only an admin/)
    expect((await payload.findByID({ collection: 'events', id: event.id })).status).toBe(
      'pending_review',
    )
  })

  it('an organizer cannot create an event already published', async () => {
    const res = await api('POST', '/events', {
      token: organizer.token,
      body: {
        title: 'Skip review',
        startTime: '2030-01-01T10:00:00Z',
        duration: 30,
        timezone: 'UTC',
        capacity: 5,
        status: 'published',
      },
    })
    expect(res.status).toBe(400)
    expect(
      await payload.count({ collection: 'events', where: { title: { equals: 'Skip review' } } }),
    ).toMatchObject({ totalDocs: 0 })
  })

  it('an organizer cannot reject their own event either', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'pending_review' })
    const res = await setStatus(event, organizer.token, {
      status: 'rejected',
      rejectionReason: 'x',
    })
    expect(res.status).toBe(403)
  })

  it('rejecting needs a reason, named as the field', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'pending_review' })
    const res = await setStatus(event, admin.token, { status: 'rejected' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('rejectionReason')
    expect((await payload.findByID({ collection: 'events', id: event.id })).status).toBe(
      'pending_review',
    )
  })

  it('a rejection with a reason is shown to the organizer, who fixes and resubmits', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'pending_review' })
    const rejected = await setStatus(event, admin.token, {
      status: 'rejected',
      rejectionReason: 'Add a speaker bio.',
    })
    expect(rejected.status).toBe(200)
    const seen = await api('GET', `/events/${event.id}`, { token: organizer.token })
    expect(seen.body).toMatchObject({ status: 'rejected', rejectionReason: 'Add a speaker bio.' })

    const resubmitted = await setStatus(event, organizer.token, { status: 'pending_review' })
    expect(resubmitted.status).toBe(200)
    expect(resubmitted.body.doc.rejectionReason).toBeNull()
  })

  it('an organizer cannot write the rejection reason themselves', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'draft' })
    await setStatus(event, organizer.token, { rejectionReason: 'I approve myself' })
    expect(
      (await payload.findByID({ collection: 'events', id: event.id })).rejectionReason ?? null,
    ).toBeNull()
  })

  it('an organizer withdraws an event from review back to draft', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'pending_review' })
    expect((await setStatus(event, organizer.token, { status: 'draft' })).status).toBe(200)
  })

  it('a published event can be cancelled by its organizer, and a cancelled one never comes back', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'published' })
    expect((await setStatus(event, organizer.token, { status: 'cancelled' })).status).toBe(200)
    const back = await setStatus(event, admin.token, { status: 'published' })
    expect(back.status).toBe(400)
    expect(back.body.errors[0].message).toMatch(/cannot move from "cancelled" to "published"/)
  })

  it('illegal jumps are refused with 400 even for admins (draft → published)', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'draft' })
    const res = await setStatus(event, admin.token, { status: 'published' })
    expect(res.status).toBe(400)
  })

  it('an unknown status is a 400 naming the field', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'draft' })
    const res = await setStatus(event, organizer.token, { status: 'live' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('status')
  })

  it('editing a published event’s time and price is allowed and recorded in its versions', async () => {
    const event = await createEvent(payload, organizer.user, { status: 'published', price: 1000 })
    const res = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { price: 1500, startTime: '2031-02-03T18:00:00.000Z' },
    })
    expect(res.status).toBe(200)
    const versions = await api(
      'GET',
      `/events/versions?where[parent][equals]=${event.id}&sort=-createdAt`,
      { token: organizer.token },
    )
    expect(versions.status).toBe(200)
    const prices = versions.body.docs.map(
      (doc: { version: { price: number } }) => doc.version.price,
    )
    expect(prices).toEqual(expect.arrayContaining([1000, 1500]))
  })
})

describe('GET /api/events filters', () => {
  let music: Event
  let cheap: Event
  let late: Event

  beforeAll(async () => {
    const category = await payload.create({
      collection: 'categories',
      data: { name: 'Filter Music', slug: 'filter-music' },
    })
    music = await createEvent(payload, organizer.user, {
      title: 'Quiet Piano Evening',
      category: category.id,
      price: 0,
      startTime: '2031-06-10T19:00:00.000Z',
      description: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: 'ltr',
              format: '',
              indent: 0,
              textFormat: 0,
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'Nocturnes by candlelight',
                  format: 0,
                  detail: 0,
                  mode: 'normal',
                  style: '',
                },
              ],
            },
          ],
        },
      },
    })
    cheap = await createEvent(payload, organizer.user, {
      title: 'Budget Talk',
      price: 500,
      startTime: '2031-06-11T10:00:00.000Z',
    })
    late = await createEvent(payload, organizer.user, {
      title: 'Expensive Summit',
      price: 90000,
      startTime: '2031-09-01T10:00:00.000Z',
    })
  })

  const list = async (query: string) => {
    const res = await api('GET', `/events?limit=100&${query}`)
    expect(res.status).toBe(200)
    return res.body.docs.map((doc: { id: number }) => doc.id) as number[]
  }

  it('searches title and description text', async () => {
    expect(await list('q=piano')).toEqual([music.id])
    expect(await list('q=candlelight')).toEqual([music.id])
  })

  it('filters by category slug', async () => {
    expect(await list('category=filter-music')).toEqual([music.id])
  })

  it('filters free, paid and by a maximum price', async () => {
    const free = await list('price=free&from=2031-06-01&to=2031-09-30')
    expect(free).toEqual([music.id])
    const paid = await list('price=paid&from=2031-06-01&to=2031-09-30')
    expect(paid).toEqual([cheap.id, late.id])
    expect(await list('maxPrice=1000&price=paid&from=2031-06-01&to=2031-09-30')).toEqual([cheap.id])
  })

  it('filters a date range (a bare end date includes that whole day)', async () => {
    expect(await list('from=2031-06-10&to=2031-06-11')).toEqual([music.id, cheap.id])
  })

  it('pages through results', async () => {
    const res = await api('GET', '/events?from=2031-06-01&to=2031-09-30&limit=2&page=2')
    expect(res.body).toMatchObject({ totalDocs: 3, page: 2, totalPages: 2 })
    expect(res.body.docs.map((doc: { id: number }) => doc.id)).toEqual([late.id])
  })

  it('a malformed filter is a 400 naming it', async () => {
    const res = await api('GET', '/events?from=next-tuesday&maxPrice=-3')
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['from', 'maxPrice']))
  })

  it('filters never reveal unpublished events', async () => {
    const hidden = await createEvent(payload, organizer.user, {
      title: 'Secret Piano Draft',
      status: 'draft',
    })
    expect(await list('q=piano')).not.toContain(hidden.id)
  })
})
