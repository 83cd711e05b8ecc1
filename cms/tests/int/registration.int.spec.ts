import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '../closePayload'
import { api, createEvent, createUser, errorMessages, testPayload, type TestUser } from '../helpers'

let payload: Payload
let organizer: TestUser
let admin: TestUser

const register = (user: TestUser, body: Record<string, unknown>) =>
  api('POST', '/registrations', { token: user.token, body })

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
  admin = await createUser(payload, 'admin')
})
afterAll(async () => {
  await closePayload(payload)
})

describe('free registration: POST /api/registrations', () => {
  it('confirms a seat, and a second attempt is a 409 "already registered"', async () => {
    const event = await createEvent(payload, organizer.user)
    const alice = await createUser(payload, 'user')
    const first = await register(alice, { event: event.id })
    expect(first.status).toBe(201)
    expect(first.body.doc).toMatchObject({ status: 'confirmed' })
    const second = await register(alice, { event: String(event.id) })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].data.code).toBe('ALREADY_REGISTERED')
    const count = await payload.count({
      collection: 'registrations',
      where: { user: { equals: alice.user.id } },
    })
    expect(count.totalDocs).toBe(1)
  })

  it('needs a logged-in user', async () => {
    const event = await createEvent(payload, organizer.user)
    const res = await api('POST', '/registrations', { body: { event: event.id } })
    expect(res.status).toBe(401)
  })

  it('refuses events that are not open: draft/rejected (404), cancelled (404), ended (422)', async () => {
    const user = await createUser(payload, 'user')
    for (const status of ['draft', 'rejected', 'cancelled', 'pending_review'] as const) {
      const event = await createEvent(payload, organizer.user, { status })
      const res = await register(user, { event: event.id })
      expect(res.status).toBe(404)
    }
    const ended = await createEvent(payload, organizer.user, {
      startTime: new Date(Date.now() - 3 * 3600_000).toISOString(),
      duration: 60,
    })
    const res = await register(user, { event: ended.id })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].data).toMatchObject({ code: 'EVENT_NOT_BOOKABLE', reason: 'ended' })
  })

  it('lets people join while the event is live', async () => {
    const live = await createEvent(payload, organizer.user, {
      startTime: new Date(Date.now() - 10 * 60_000).toISOString(),
      duration: 60,
    })
    const user = await createUser(payload, 'user')
    expect((await register(user, { event: live.id })).status).toBe(201)
  })

  it('names bad input: missing, non-numeric and unknown event ids', async () => {
    const user = await createUser(payload, 'user')
    const missing = await register(user, {})
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0].path).toBe('event')
    const word = await register(user, { event: 'abc' })
    expect(word.status).toBe(400)
    expect(word.body.errors[0].data.errors[0].path).toBe('event')
    const negative = await register(user, { event: -4 })
    expect(negative.status).toBe(400)
    const unknown = await register(user, { event: 99999999 })
    expect(unknown.status).toBe(404)
    const notJson = await api('POST', '/registrations', {
      token: user.token,
      body: '{"event":',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(notJson.status).toBe(400)
  })

  it('sends paid events to checkout with a 402', async () => {
    const paid = await createEvent(payload, organizer.user, { price: 1500 })
    const user = await createUser(payload, 'user')
    const res = await register(user, { event: paid.id })
    expect(res.status).toBe(402)
    expect(res.body.errors[0].data.code).toBe('PAYMENT_REQUIRED')
  })

  it('ignores a user id in the body: people register themselves', async () => {
    const event = await createEvent(payload, organizer.user)
    const alice = await createUser(payload, 'user')
    const bob = await createUser(payload, 'user')
    const res = await register(alice, { event: event.id, user: bob.user.id })
    expect(res.status).toBe(201)
    expect(res.body.doc.user.id ?? res.body.doc.user).toBe(alice.user.id)
  })

  it('lets an admin register someone else', async () => {
    const event = await createEvent(payload, organizer.user)
    const bob = await createUser(payload, 'user')
    const res = await register(admin, { event: event.id, user: bob.user.id })
    expect(res.status).toBe(201)
    expect(res.body.doc.user.id ?? res.body.doc.user).toBe(bob.user.id)
  })
})

describe('seats and the waitlist', () => {
  it('never oversells: 40 simultaneous requests for 7 seats confirm exactly 7', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 7 })
    const users = await Promise.all(Array.from({ length: 40 }, () => createUser(payload, 'user')))
    const results = await Promise.all(users.map((user) => register(user, { event: event.id })))
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(7)
    expect(statuses.filter((status) => status === 409)).toHaveLength(33)
    expect(statuses.filter((status) => status >= 500)).toHaveLength(0)
    const confirmed = await payload.count({
      collection: 'registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'confirmed' } }] },
    })
    expect(confirmed.totalDocs).toBe(7)
    // The seat counter agrees with the rows, and each confirmed buyer has their email queued.
    const seats = await api('GET', `/events/${event.id}/availability`)
    expect(seats.body).toMatchObject({ taken: 7, seatsLeft: 0, isFull: true })
    const ids = results.filter((result) => result.status === 201).map((r) => r.body.doc.id)
    const emails = await payload.find({
      collection: 'email-outbox',
      where: { or: ids.map((id) => ({ jobId: { like: `registration-confirmed:${id}:` } })) },
      limit: 20,
    })
    expect(emails.docs.map((row) => Number(row.jobId.split(':')[1])).sort()).toEqual(ids.sort())
  })

  it('a double click takes one seat: one confirmation, one ALREADY_REGISTERED, one email', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 5 })
    // Someone else first: the event's seat counter exists, as it does during a rush.
    expect((await register(await createUser(payload, 'user'), { event: event.id })).status).toBe(
      201,
    )
    const user = await createUser(payload, 'user')
    const clicks = await Promise.all(
      Array.from({ length: 4 }, () => register(user, { event: event.id })),
    )
    const statuses = clicks.map((click) => click.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409])
    for (const click of clicks.filter((c) => c.status === 409)) {
      expect(click.body.errors[0].data.code).toBe('ALREADY_REGISTERED')
    }
    const seats = await api('GET', `/events/${event.id}/availability`)
    expect(seats.body).toMatchObject({ taken: 2, seatsLeft: 3 })
    const confirmed = clicks.find((click) => click.status === 201)!.body.doc
    expect(confirmed).toMatchObject({ user: user.user.id, event: event.id, status: 'confirmed' })
    const emails = await payload.count({
      collection: 'email-outbox',
      where: { jobId: { like: `registration-confirmed:${confirmed.id}:` } },
    })
    expect(emails.totalDocs).toBe(1)
  })

  it('a full event offers the waitlist; joining it is explicit', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 1 })
    const [first, second] = [await createUser(payload, 'user'), await createUser(payload, 'user')]
    await register(first, { event: event.id })
    const full = await register(second, { event: event.id })
    expect(full.status).toBe(409)
    expect(full.body.errors[0].data.code).toBe('EVENT_FULL')
    expect(full.body.errors[0].data).toMatchObject({ canJoinWaitlist: true })
    const waitlisted = await register(second, { event: event.id, waitlist: true })
    expect(waitlisted.status).toBe(201)
    expect(waitlisted.body.doc.status).toBe('waitlisted')
    const again = await register(second, { event: event.id, waitlist: true })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].data.code).toBe('ON_WAITLIST')
  })

  it('a cancellation frees the seat for the first person on the waitlist, in order', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 1 })
    const holder = await createUser(payload, 'user')
    const firstInLine = await createUser(payload, 'user')
    const secondInLine = await createUser(payload, 'user')
    const seat = await register(holder, { event: event.id })
    await register(firstInLine, { event: event.id, waitlist: true })
    await register(secondInLine, { event: event.id, waitlist: true })

    const cancelled = await api('DELETE', `/registrations/${seat.body.doc.id}`, {
      token: holder.token,
    })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.doc.status).toBe('cancelled')

    const mine = async (user: TestUser) =>
      (await api('GET', '/registrations/me', { token: user.token })).body.docs[0]
    expect((await mine(firstInLine)).status).toBe('confirmed')
    expect((await mine(secondInLine)).status).toBe('waitlisted')
    expect((await mine(holder)).status).toBe('cancelled')
  })

  it('cancelling a waitlisted person while a seat is being offered to them never deadlocks', async () => {
    // Both cancellations lock the seat counter before any registration (one lock order): the
    // waitlisted person's cancel used to hold their row and wait for the counter, while the seat
    // holder's cancel held the counter and waited for that row to offer it the seat.
    for (let round = 0; round < 6; round++) {
      const event = await createEvent(payload, organizer.user, { capacity: 1 })
      const [holder, waiting, next] = await Promise.all([
        createUser(payload, 'user'),
        createUser(payload, 'user'),
        createUser(payload, 'user'),
      ])
      const seat = await register(holder, { event: event.id })
      const queued = await register(waiting, { event: event.id, waitlist: true })
      await register(next, { event: event.id, waitlist: true })
      const [freed, left] = await Promise.all([
        api('DELETE', `/registrations/${seat.body.doc.id}`, { token: holder.token }),
        api('DELETE', `/registrations/${queued.body.doc.id}`, { token: waiting.token }),
      ])
      expect([freed.status, left.status], errorMessages(freed.body)).toEqual([200, 200])
      // Whichever went first, the seat ends with the one person still waiting.
      const { docs } = await payload.find({
        collection: 'registrations',
        where: { event: { equals: event.id } },
        depth: 0,
      })
      const statusOf = (user: TestUser) => docs.find((doc) => doc.user === user.user.id)?.status
      expect([statusOf(holder), statusOf(waiting), statusOf(next)]).toEqual([
        'cancelled',
        'cancelled',
        'confirmed',
      ])
    }
  })

  it('reports availability truthfully', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 2 })
    const user = await createUser(payload, 'user')
    await register(user, { event: event.id })
    const res = await api('GET', `/events/${event.id}/availability`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ capacity: 2, taken: 1, seatsLeft: 1, isFull: false, waitlisted: 0 })
    const draft = await createEvent(payload, organizer.user, { status: 'draft' })
    expect((await api('GET', `/events/${draft.id}/availability`)).status).toBe(404)
  })

  it('a user may register again after cancelling', async () => {
    const event = await createEvent(payload, organizer.user)
    const user = await createUser(payload, 'user')
    const first = await register(user, { event: event.id })
    await api('DELETE', `/registrations/${first.body.doc.id}`, { token: user.token })
    const again = await register(user, { event: event.id })
    expect(again.status).toBe(201)
    expect(again.body.doc).toMatchObject({ id: first.body.doc.id, status: 'confirmed' })
  })
})

describe('my registrations and cancelling', () => {
  it('GET /api/registrations/me lists only the caller’s registrations, with the event', async () => {
    const event = await createEvent(payload, organizer.user, { title: 'Listed Event' })
    const alice = await createUser(payload, 'user')
    const bob = await createUser(payload, 'user')
    await register(alice, { event: event.id })
    await register(bob, { event: event.id })
    const res = await api('GET', '/registrations/me', { token: alice.token })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
    expect(res.body.docs[0].event.title).toBe('Listed Event')
    expect((await api('GET', '/registrations/me')).status).toBe(401)
  })

  it('a user cannot cancel another user’s registration (404, unchanged)', async () => {
    const event = await createEvent(payload, organizer.user)
    const alice = await createUser(payload, 'user')
    const bob = await createUser(payload, 'user')
    const bobs = await register(bob, { event: event.id })
    const res = await api('DELETE', `/registrations/${bobs.body.doc.id}`, { token: alice.token })
    expect(res.status).toBe(404)
    const stored = await payload.findByID({ collection: 'registrations', id: bobs.body.doc.id })
    expect(stored.status).toBe('confirmed')
  })

  it('another organizer cannot cancel; the event’s organizer can', async () => {
    const event = await createEvent(payload, organizer.user)
    const other = await createUser(payload, 'organizer')
    const user = await createUser(payload, 'user')
    const registration = await register(user, { event: event.id })
    const id = registration.body.doc.id
    expect((await api('DELETE', `/registrations/${id}`, { token: other.token })).status).toBe(404)
    expect((await api('DELETE', `/registrations/${id}`, { token: organizer.token })).status).toBe(
      200,
    )
  })

  it('cancelling twice is a 409, and a malformed id a 400', async () => {
    const event = await createEvent(payload, organizer.user)
    const user = await createUser(payload, 'user')
    const registration = await register(user, { event: event.id })
    const id = registration.body.doc.id
    expect((await api('DELETE', `/registrations/${id}`, { token: user.token })).status).toBe(200)
    expect((await api('DELETE', `/registrations/${id}`, { token: user.token })).status).toBe(409)
    expect((await api('DELETE', '/registrations/1;drop', { token: user.token })).status).toBe(400)
  })
})
