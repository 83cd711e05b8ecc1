import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, Registration } from '../../src/payload-types'
import { signStreamToken } from '../../src/services/streamToken'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'

const MINUTE = 60_000
const VIDEO = 'https://media.example.org/live/keynote.m3u8'
const RECORDING = 'https://media.example.org/vod/keynote.mp4'

let payload: Payload
let admin: TestUser
let organizer: TestUser
let otherOrganizer: TestUser
let live: Event
let upcoming: Event
let ended: Event

const registerAs = async (user: TestUser, event: Event, status: Registration['status']) =>
  createRegistration(payload, {
    user: user.user.id,
    event: event.id,
    status,
    registeredAt: new Date().toISOString(),
  })

const stream = (event: Event, user?: TestUser) =>
  api('GET', `/events/${event.id}/stream`, { token: user?.token })

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  organizer = await createUser(payload, 'organizer')
  otherOrganizer = await createUser(payload, 'organizer')
  live = await createEvent(payload, organizer.user, {
    startTime: new Date(Date.now() - 10 * MINUTE).toISOString(),
    duration: 120,
    videoUrl: VIDEO,
  })
  upcoming = await createEvent(payload, organizer.user, { videoUrl: VIDEO })
  ended = await createEvent(payload, organizer.user, {
    startTime: new Date(Date.now() - 3 * 60 * MINUTE).toISOString(),
    duration: 60,
    videoUrl: VIDEO,
    recordingUrl: RECORDING,
  })
})
afterAll(async () => {
  await closePayload(payload)
})

describe('GET /api/events/:id/stream', () => {
  it('gives a confirmed registrant the live source and a token bound to them and the event', async () => {
    const attendee = await createUser(payload, 'user')
    await registerAs(attendee, live, 'confirmed')
    const res = await stream(live, attendee)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      viewer: 'attendee',
      state: 'live',
      source: { kind: 'hls', url: VIDEO },
      isRecording: false,
    })
    expect(res.body.token).toMatch(new RegExp(`^${attendee.user.id}\\.${live.id}\\.`))
    const lifetime = Date.parse(res.body.tokenExpiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(4 * MINUTE)
    expect(lifetime).toBeLessThanOrEqual(15 * MINUTE)
  })

  it('tells everyone else what would let them watch', async () => {
    const cases: [string, TestUser | undefined, number, string][] = []
    cases.push(['anonymous', undefined, 401, 'login'])
    cases.push(['not registered', await createUser(payload, 'user'), 403, 'register'])
    const pending = await createUser(payload, 'user')
    await registerAs(pending, live, 'pending')
    cases.push(['payment pending', pending, 403, 'payment_pending'])
    const waitlisted = await createUser(payload, 'user')
    await registerAs(waitlisted, live, 'waitlisted')
    cases.push(['waitlisted', waitlisted, 403, 'waitlisted'])
    const cancelled = await createUser(payload, 'user')
    await registerAs(cancelled, live, 'cancelled')
    cases.push(['cancelled', cancelled, 403, 'register'])
    cases.push(['organizer of another event', otherOrganizer, 403, 'register'])
    for (const [who, user, status, reason] of cases) {
      const res = await stream(live, user)
      expect({ who, status: res.status, reason: res.body.errors?.[0]?.data?.reason }).toEqual({
        who,
        status,
        reason,
      })
      expect(JSON.stringify(res.body)).not.toContain(VIDEO)
    }
    const paymentPending = await stream(live, pending)
    expect(paymentPending.body.errors[0].message).toMatch(/payment pending/i)
  })

  it('lets the organizer and admins in, with the source even before the start', async () => {
    for (const [user, viewer] of [
      [organizer, 'organizer'],
      [admin, 'admin'],
    ] as const) {
      const res = await stream(upcoming, user)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ viewer, state: 'upcoming', source: { url: VIDEO } })
    }
  })

  it('shows a registrant the countdown before the start, and the recording after the end', async () => {
    const attendee = await createUser(payload, 'user')
    await registerAs(attendee, upcoming, 'confirmed')
    await registerAs(attendee, ended, 'confirmed')
    const before = await stream(upcoming, attendee)
    expect(before.body).toMatchObject({ state: 'upcoming', source: null })
    expect(Date.parse(before.body.doorsOpenAt)).toBeLessThan(Date.parse(upcoming.startTime))
    const after = await stream(ended, attendee)
    expect(after.body).toMatchObject({
      state: 'ended',
      source: { kind: 'file', url: RECORDING },
      isRecording: true,
    })
  })

  it('answers 404 for an event the caller may not see', async () => {
    const draft = await createEvent(payload, organizer.user, { status: 'draft', videoUrl: VIDEO })
    const res = await stream(draft, await createUser(payload, 'user'))
    expect(res.status).toBe(404)
  })
})

describe('the video addresses stay private', () => {
  it('never appear in public or attendee API responses', async () => {
    const attendee = await createUser(payload, 'user')
    await registerAs(attendee, ended, 'confirmed')
    for (const token of [undefined, attendee.token, otherOrganizer.token]) {
      const one = await api('GET', `/events/${ended.id}`, { token })
      expect(one.status).toBe(200)
      const list = await api('GET', `/events?limit=100`, { token })
      for (const body of [one.body, list.body]) {
        expect(JSON.stringify(body)).not.toContain('media.example.org')
      }
    }
    const own = await api('GET', `/events/${ended.id}`, { token: organizer.token })
    expect(own.body).toMatchObject({ videoUrl: VIDEO, recordingUrl: RECORDING })
  })

  it('refuses an address no player can play, naming the field', async () => {
    const res = await api('POST', '/events', {
      token: organizer.token,
      body: {
        title: 'Bad stream',
        startTime: new Date(Date.now() + 86_400_000).toISOString(),
        duration: 30,
        timezone: 'UTC',
        price: 0,
        currency: 'EUR',
        capacity: 10,
        videoUrl: 'https://example.org/slides.pdf',
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'videoUrl' })
    expect(res.body.errors[0].data.errors[0].message).toMatch(/YouTube or Vimeo/)
  })
})

describe('stream token: replay and attendance', () => {
  let attendee: TestUser
  let token: string

  beforeAll(async () => {
    attendee = await createUser(payload, 'user', 'Replay Rita')
    await registerAs(attendee, live, 'confirmed')
    token = (await stream(live, attendee)).body.token
    const chat = async (message: string, offset: number, hidden = false) =>
      payload.create({
        collection: 'chat-messages',
        data: {
          event: live.id,
          user: attendee.user.id,
          authorName: 'Replay Rita',
          message,
          kind: 'chat',
          sentAt: new Date(Date.parse(live.startTime) + offset * 1000).toISOString(),
          hidden,
        },
        overrideAccess: true,
      })
    await chat('second', 120)
    await chat('first', 30)
    await chat('removed by a moderator', 60, true)
  })

  it('replays the visible messages in the order of their offset from the start', async () => {
    const res = await api('GET', `/events/${live.id}/replay?token=${encodeURIComponent(token)}`)
    expect(res.status).toBe(200)
    expect(
      res.body.messages.map((m: { message: string; offsetSeconds: number }) => [
        m.message,
        m.offsetSeconds,
      ]),
    ).toEqual([
      ['first', 30],
      ['second', 120],
    ])
  })

  it('refuses tampered, expired and borrowed tokens', async () => {
    const [user, event, expires, signature] = token.split('.')
    const tampered = `${Number(user) + 1}.${event}.${expires}.${signature}`
    const expired = signStreamToken(attendee.user.id, live.id, Date.now() - 11 * MINUTE).token
    const otherEvent = signStreamToken(attendee.user.id, ended.id).token
    for (const bad of [tampered, expired, otherEvent, 'nonsense', '']) {
      const replay = await api('GET', `/events/${live.id}/replay?token=${encodeURIComponent(bad)}`)
      expect(replay.status).toBe(401)
      const beat = await api('POST', `/events/${live.id}/attendance`, { body: { token: bad } })
      expect(beat.status).toBe(401)
    }
  })

  it('records when a registrant first watched and how long, capped per heartbeat', async () => {
    const first = await api('POST', `/events/${live.id}/attendance`, { body: { token } })
    expect(first.body).toMatchObject({ recorded: true, watchSeconds: 0 })
    // Pretend the last beat came 10 minutes ago: one beat adds at most a minute.
    const { docs } = await payload.find({
      collection: 'attendance',
      where: { user: { equals: attendee.user.id } },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'attendance',
      id: docs[0]!.id,
      data: { lastSeenAt: new Date(Date.now() - 10 * MINUTE).toISOString() },
      overrideAccess: true,
    })
    const second = await api('POST', `/events/${live.id}/attendance`, { body: { token } })
    expect(second.body).toMatchObject({ recorded: true, watchSeconds: 60 })
  })

  it('does not count outside the live window', async () => {
    const after = await createUser(payload, 'user')
    await registerAs(after, ended, 'confirmed')
    const endedToken = (await stream(ended, after)).body.token
    const beat = await api('POST', `/events/${ended.id}/attendance`, {
      body: { token: endedToken },
    })
    expect(beat.body).toMatchObject({ recorded: false })
  })

  it('shows attendance to the person, the event’s organizer and admins only', async () => {
    const read = async (user: TestUser) =>
      (await api('GET', `/attendance?where[event][equals]=${live.id}`, { token: user.token })).body
        .docs as unknown[]
    expect(await read(attendee)).toHaveLength(1)
    expect(await read(organizer)).toHaveLength(1)
    expect(await read(admin)).toHaveLength(1)
    expect(await read(otherOrganizer)).toHaveLength(0)
    expect(await read(await createUser(payload, 'user'))).toHaveLength(0)
    const anonymous = await api('GET', '/attendance')
    expect(anonymous.status).toBe(403)
    const forged = await api('POST', '/attendance', {
      token: attendee.token,
      body: {
        event: live.id,
        user: attendee.user.id,
        firstSeenAt: new Date().toISOString(),
        lastSeenAt: new Date().toISOString(),
        watchSeconds: 99_999,
      },
    })
    expect(forged.status).toBe(403)
  })
})
