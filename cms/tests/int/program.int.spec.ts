import ICAL from 'ical.js'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'

const HOUR = 3600_000
const VIDEO = 'https://example.com/stream.mp4'

let payload: Payload
let organizer: TestUser
let otherOrganizer: TestUser
let attendee: TestUser
let stranger: TestUser
/** Started two hours ago, six hours long: a past, a live and an upcoming session. */
let liveEvent: Event
// Whole seconds, as calendar files carry them.
const at = (offsetMs: number) =>
  new Date(Math.floor((Date.now() + offsetMs) / 1000) * 1000).toISOString()

const createSession = (user: TestUser, body: Record<string, unknown>) =>
  api('POST', '/sessions', { token: user.token, body })

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer', 'Olga Organizer')
  otherOrganizer = await createUser(payload, 'organizer', 'Otto Other')
  attendee = await createUser(payload, 'user', 'Alice Attendee')
  stranger = await createUser(payload, 'user', 'Sam Stranger')
  liveEvent = await createEvent(payload, organizer.user, {
    title: `Program live ${Date.now()}`,
    startTime: at(-2 * HOUR),
    duration: 6 * 60,
    videoUrl: VIDEO,
  })
  await createRegistration(payload, {
    user: attendee.user.id,
    event: liveEvent.id,
    status: 'confirmed',
    registeredAt: new Date().toISOString(),
  })
})

afterAll(async () => {
  await closePayload(payload)
})

describe('session times in the event zone', () => {
  it('reads wall-clock times in the event zone across the October daylight-saving change', async () => {
    // Berlin leaves summer time on Sunday 31 October 2027 at 03:00 (back to 02:00).
    const event = await createEvent(payload, organizer.user, {
      title: `DST conference ${Date.now()}`,
      startTime: '2027-10-30T06:00:00.000Z',
      duration: 3 * 24 * 60,
      timezone: 'Europe/Berlin',
    })
    const saturday = await createSession(organizer, {
      event: event.id,
      title: 'Saturday keynote',
      startTime: '2027-10-30T10:00',
      endTime: '2027-10-30T11:00',
      kind: 'keynote',
    })
    expect(saturday.status).toBe(201)
    const sunday = await createSession(organizer, {
      event: event.id,
      title: 'Sunday talk',
      startTime: '2027-10-31T10:00',
      endTime: '2027-10-31T11:00',
    })
    // 02:30 happens twice that night: the first one (summer time) is meant.
    const night = await createSession(organizer, {
      event: event.id,
      title: 'Night owls',
      startTime: '2027-10-31T02:30',
      endTime: '2027-10-31T03:30',
      track: 'Room B',
    })
    expect(sunday.status).toBe(201)
    expect(night.status).toBe(201)

    const agenda = await api('GET', `/events/${event.id}/agenda`)
    expect(agenda.status).toBe(200)
    expect(agenda.body.event.timezone).toBe('Europe/Berlin')
    const times = agenda.body.sessions.map((s: any) => [s.title, s.startTime, s.endTime])
    expect(times).toEqual([
      ['Saturday keynote', '2027-10-30T08:00:00.000Z', '2027-10-30T09:00:00.000Z'],
      // 02:30 CEST is 00:30 UTC; 03:30 comes after the change, in CET: 02:30 UTC — two hours.
      ['Night owls', '2027-10-31T00:30:00.000Z', '2027-10-31T02:30:00.000Z'],
      ['Sunday talk', '2027-10-31T09:00:00.000Z', '2027-10-31T10:00:00.000Z'],
    ])
    expect(agenda.body.tracks).toEqual(['Main stage', 'Room B'])
    expect(agenda.body.sessions[0].timezone).toBe('Europe/Berlin')
  })

  it('refuses a session outside the event or ending before it starts, naming the field', async () => {
    const early = await createSession(organizer, {
      event: liveEvent.id,
      title: 'Too early',
      startTime: at(-3 * HOUR),
      endTime: at(-2.5 * HOUR),
    })
    expect(early.status).toBe(400)
    expect(early.body.errors[0].data).toMatchObject({
      code: 'SESSION_OUTSIDE_EVENT',
      path: 'startTime',
    })
    const late = await createSession(organizer, {
      event: liveEvent.id,
      title: 'Too long',
      startTime: at(3 * HOUR),
      endTime: at(5 * HOUR),
    })
    expect(late.body.errors[0].data).toMatchObject({
      code: 'SESSION_OUTSIDE_EVENT',
      path: 'endTime',
    })
    const backwards = await createSession(organizer, {
      event: liveEvent.id,
      title: 'Backwards',
      startTime: at(HOUR),
      endTime: at(0.5 * HOUR),
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.errors[0].data.code).toBe('SESSION_ENDS_BEFORE_START')
  })
})

describe('program access and streams', () => {
  let past: any
  let live: any
  let upcoming: any

  beforeAll(async () => {
    const speaker = await api('POST', '/speakers', {
      token: organizer.token,
      body: { name: `Grace Hopper ${Date.now()}`, company: 'Navy' },
    })
    expect(speaker.status).toBe(201)
    past = (
      await createSession(organizer, {
        event: liveEvent.id,
        title: 'Opening',
        startTime: at(-2 * HOUR),
        endTime: at(-HOUR),
        kind: 'keynote',
        speakers: [speaker.body.doc.id],
        recordingUrl: 'https://example.com/opening.mp4',
      })
    ).body.doc
    live = (
      await createSession(organizer, {
        event: liveEvent.id,
        title: 'Live workshop',
        startTime: at(-0.5 * HOUR),
        endTime: at(0.5 * HOUR),
        kind: 'workshop',
        track: 'Room B',
        streamUrl: 'https://example.com/room-b.m3u8',
        speakers: [speaker.body.doc.id],
      })
    ).body.doc
    const clashing = await createSession(organizer, {
      event: liveEvent.id,
      title: 'Double-booked panel',
      startTime: at(-0.25 * HOUR),
      endTime: at(0.25 * HOUR),
      kind: 'panel',
      speakers: [speaker.body.doc.id],
    })
    // A speaker in two sessions at once is a warning for the organizer, not a refusal.
    expect(clashing.status).toBe(201)
    expect(clashing.body.doc.speakerClashes).toEqual([
      expect.objectContaining({ session: expect.objectContaining({ id: live.id }) }),
    ])
    await api('DELETE', `/sessions/${clashing.body.doc.id}`, { token: organizer.token })
    upcoming = (
      await createSession(organizer, {
        event: liveEvent.id,
        title: 'Closing',
        startTime: at(2 * HOUR),
        endTime: at(3 * HOUR),
      })
    ).body.doc
  })

  it('shows the agenda to anyone, with speakers, and never a stream address', async () => {
    const agenda = await api('GET', `/events/${liveEvent.id}/agenda`)
    expect(agenda.status).toBe(200)
    expect(agenda.body.sessions.map((s: any) => s.title)).toEqual([
      'Opening',
      'Live workshop',
      'Closing',
    ])
    const opening = agenda.body.sessions[0]
    expect(opening.speakers[0]).toMatchObject({ company: 'Navy' })
    expect(opening.hasRecording).toBe(true)
    expect(agenda.body.sessions[1]).toMatchObject({ hasOwnStream: true, track: 'Room B' })
    const text = JSON.stringify(agenda.body)
    expect(text).not.toContain('example.com')

    const rest = await api('GET', `/sessions/${live.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body.streamUrl).toBeUndefined()
    const own = await api('GET', `/sessions/${live.id}`, { token: organizer.token })
    expect(own.body.streamUrl).toBe('https://example.com/room-b.m3u8')
    const other = await api('GET', `/sessions/${live.id}`, { token: otherOrganizer.token })
    expect(other.body.streamUrl).toBeUndefined()
  })

  it('hides the agenda and sessions of an unpublished event from the public', async () => {
    const draft = await createEvent(payload, organizer.user, { status: 'draft' })
    const session = await createSession(organizer, {
      event: draft.id,
      title: 'Secret',
      startTime: draft.startTime,
      endTime: new Date(Date.parse(draft.startTime) + HOUR).toISOString(),
    })
    expect(session.status).toBe(201)
    expect((await api('GET', `/events/${draft.id}/agenda`)).status).toBe(404)
    expect((await api('GET', `/sessions/${session.body.doc.id}`)).status).toBe(404)
    const own = await api('GET', `/events/${draft.id}/agenda`, { token: organizer.token })
    expect(own.body.sessions).toHaveLength(1)
  })

  it('refuses another organizer: no sessions in their event, no edits of its sessions', async () => {
    const intruding = await createSession(otherOrganizer, {
      event: liveEvent.id,
      title: 'Not mine',
      startTime: at(HOUR),
      endTime: at(1.5 * HOUR),
    })
    expect(intruding.status).toBe(403)
    expect(intruding.body.errors[0].data.code).toBe('NOT_EVENT_ORGANIZER')
    const edit = await api('PATCH', `/sessions/${upcoming.id}`, {
      token: otherOrganizer.token,
      body: { title: 'Hijacked' },
    })
    expect(edit.status).toBe(403)
    const removal = await api('DELETE', `/sessions/${upcoming.id}`, { token: otherOrganizer.token })
    expect(removal.status).toBe(403)
    const attendeeEdit = await api('PATCH', `/sessions/${upcoming.id}`, {
      token: attendee.token,
      body: { title: 'Hijacked' },
    })
    expect(attendeeEdit.status).toBe(403)
    const stored = await payload.findByID({ collection: 'sessions', id: upcoming.id })
    expect(stored.title).toBe('Closing')
  })

  it('gates each session’s stream like the event’s: login, a seat, then the right source', async () => {
    const anonymous = await api('GET', `/sessions/${live.id}/stream`)
    expect(anonymous.status).toBe(401)
    const noSeat = await api('GET', `/sessions/${live.id}/stream`, { token: stranger.token })
    expect(noSeat.status).toBe(403)
    expect(noSeat.body.errors[0].data.reason).toBe('register')
    const foreign = await api('GET', `/sessions/${live.id}/stream`, {
      token: otherOrganizer.token,
    })
    expect(foreign.status).toBe(403)

    const now = await api('GET', `/sessions/${live.id}/stream`, { token: attendee.token })
    expect(now.status).toBe(200)
    expect(now.body).toMatchObject({
      state: 'live',
      viewer: 'attendee',
      usesEventStream: false,
      source: { kind: 'hls', url: 'https://example.com/room-b.m3u8' },
      recording: null,
    })
    const before = await api('GET', `/sessions/${upcoming.id}/stream`, { token: attendee.token })
    expect(before.body).toMatchObject({ state: 'upcoming', live: null, source: null })
    const after = await api('GET', `/sessions/${past.id}/stream`, { token: attendee.token })
    expect(after.body).toMatchObject({
      state: 'ended',
      isRecording: true,
      source: { kind: 'file', url: 'https://example.com/opening.mp4' },
      live: null,
    })
    // The hosts always get both; an upcoming session without its own stream plays the event's.
    const host = await api('GET', `/sessions/${upcoming.id}/stream`, { token: organizer.token })
    expect(host.body).toMatchObject({ viewer: 'organizer', usesEventStream: true })
    expect(host.body.live.url).toBe(VIDEO)

    // The token works for the session replay, which counts from the session's start.
    const question = await api('POST', '/chat-messages', {
      token: attendee.token,
      body: { event: liveEvent.id, message: 'Which room?', kind: 'question', session: live.id },
    })
    expect(question.status).toBe(201)
    const replay = await api(
      'GET',
      `/sessions/${live.id}/replay?token=${encodeURIComponent(now.body.token)}`,
    )
    expect(replay.status).toBe(200)
    const asked = replay.body.messages.find((m: any) => m.id === question.body.doc.id)
    expect(asked).toMatchObject({ session: live.id, kind: 'question' })
    expect(asked.offsetSeconds).toBeGreaterThanOrEqual(29 * 60)
    expect(asked.offsetSeconds).toBeLessThan(32 * 60)
    const refused = await api('GET', `/sessions/${live.id}/replay?token=forged`)
    expect(refused.status).toBe(401)
  })

  it('refuses a question naming a session of another event', async () => {
    const elsewhere = await createEvent(payload, organizer.user)
    const foreignSession = await createSession(organizer, {
      event: elsewhere.id,
      title: 'Elsewhere',
      startTime: elsewhere.startTime,
      endTime: new Date(Date.parse(elsewhere.startTime) + HOUR).toISOString(),
    })
    const response = await api('POST', '/chat-messages', {
      token: attendee.token,
      body: {
        event: liveEvent.id,
        message: 'Wrong room?',
        kind: 'question',
        session: foreignSession.body.doc.id,
      },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data).toMatchObject({
      code: 'CHAT_SESSION_NOT_IN_EVENT',
      path: 'session',
    })
  })

  it('stars sessions for registrants, lists them in order, and feeds them to a calendar', async () => {
    expect((await api('POST', `/sessions/${upcoming.id}/star`)).status).toBe(401)
    const refused = await api('POST', `/sessions/${upcoming.id}/star`, { token: stranger.token })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.code).toBe('REGISTRATION_REQUIRED')

    const first = await api('POST', `/sessions/${upcoming.id}/star`, {
      token: attendee.token,
      body: { remind: true },
    })
    expect(first.body).toEqual({ session: upcoming.id, starred: true, remind: true })
    await api('POST', `/sessions/${live.id}/star`, { token: attendee.token })
    await api('POST', `/sessions/${past.id}/star`, { token: attendee.token })
    await api('DELETE', `/sessions/${past.id}/star`, { token: attendee.token })
    const mine = await api('GET', `/sessions/starred?event=${liveEvent.id}`, {
      token: attendee.token,
    })
    expect(mine.body.sessions.map((s: any) => [s.title, s.remind])).toEqual([
      ['Live workshop', false],
      ['Closing', true],
    ])

    const created = await api('POST', '/agenda-feed', { token: attendee.token })
    expect(created.status).toBe(201)
    const { url, webcalUrl } = created.body.feed
    expect(webcalUrl).toMatch(/^webcal:\/\//)
    const feedPath = new URL(url).pathname.replace(/^\/api/, '')
    const readFeed = async () => {
      const response = await api('GET', feedPath)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/calendar')
      const calendar = new ICAL.Component(ICAL.parse(response.body as string))
      return calendar.getAllSubcomponents('vevent').map((vevent) => {
        const event = new ICAL.Event(vevent)
        return {
          summary: event.summary,
          start: event.startDate.toJSDate().toISOString(),
          sequence: event.sequence,
        }
      })
    }
    const before = await readFeed()
    expect(before).toEqual([
      expect.objectContaining({ summary: expect.stringContaining('Live workshop') }),
      {
        summary: expect.stringContaining('Closing'),
        start: new Date(upcoming.startTime).toISOString(),
        sequence: 0,
      },
    ])
    expect(JSON.stringify(before)).not.toContain(attendee.user.email)

    // The organizer moves the session by 30 minutes: the feed follows, with a higher sequence.
    const moved = new Date(Date.parse(upcoming.startTime) + 0.5 * HOUR).toISOString()
    const patch = await api('PATCH', `/sessions/${upcoming.id}`, {
      token: organizer.token,
      body: { startTime: moved, endTime: new Date(Date.parse(upcoming.endTime) + 0.5 * HOUR) },
    })
    expect(patch.status).toBe(200)
    const after = await readFeed()
    expect(after[1]).toMatchObject({ start: moved, sequence: 1 })

    // Rotating revokes the old address; revoking leaves none.
    const rotated = await api('POST', '/agenda-feed', { token: attendee.token })
    expect((await api('GET', feedPath)).status).toBe(404)
    const rotatedPath = new URL(rotated.body.feed.url).pathname.replace(/^\/api/, '')
    expect((await api('GET', rotatedPath)).status).toBe(200)
    await api('DELETE', '/agenda-feed', { token: attendee.token })
    const revoked = await api('GET', rotatedPath)
    expect(revoked.status).toBe(404)
    expect(revoked.body.errors[0].data.code).toBe('FEED_NOT_FOUND')
    expect((await api('GET', '/agenda-feed', { token: attendee.token })).body.feed).toBeNull()
  })

  it('serves one session as a calendar file', async () => {
    const response = await api('GET', `/sessions/${live.id}/calendar.ics`)
    expect(response.status).toBe(200)
    const calendar = new ICAL.Component(ICAL.parse(response.body as string))
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.summary).toContain('Live workshop')
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(live.startTime).toISOString())
  })
})

describe('agenda CSV import', () => {
  const header = 'title,start,end,track,kind,speakers'
  let event: Event

  beforeAll(async () => {
    event = await createEvent(payload, organizer.user, {
      startTime: '2027-10-30T06:00:00.000Z',
      duration: 3 * 24 * 60,
      timezone: 'Europe/Berlin',
    })
  })

  it('lists every bad row and imports nothing', async () => {
    const csv = [
      header,
      'Fine,2027-10-30 10:00,2027-10-30 11:00,Main stage,talk,Ada Lovelace',
      'Bad time,tomorrow,2027-10-30 11:00,,talk,',
      'Bad kind,2027-10-30 12:00,2027-10-30 13:00,,lecture,',
      ',2027-11-05 12:00,2027-11-05 13:00,,talk,',
    ].join('\n')
    const response = await api('POST', `/events/${event.id}/agenda-import`, {
      token: organizer.token,
      body: { csv },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.code).toBe('CSV_INVALID')
    const rows = response.body.errors[0].data.rows.map((r: any) => [r.row, r.field])
    expect(rows).toEqual([
      [3, 'start'],
      [4, 'kind'],
      [5, 'title'],
      [5, 'start'],
    ])
    const { totalDocs } = await payload.count({
      collection: 'sessions',
      where: { event: { equals: event.id } },
    })
    expect(totalDocs).toBe(0)
  })

  it('imports a valid agenda in the event zone, creating new speakers; others are refused', async () => {
    const csv = [
      header,
      'Keynote,2027-10-31 10:00,2027-10-31 11:00,Main stage,keynote,Ada Lovelace; Alan Turing',
      '"Lunch, together",2027-10-31 12:00,2027-10-31 13:00,,break,',
    ].join('\r\n')
    const foreign = await api('POST', `/events/${event.id}/agenda-import`, {
      token: otherOrganizer.token,
      body: { csv },
    })
    expect(foreign.status).toBe(403)
    const response = await api('POST', `/events/${event.id}/agenda-import`, {
      token: organizer.token,
      body: { csv },
    })
    expect(response.status).toBe(201)
    expect(response.body.created).toBe(2)
    const agenda = await api('GET', `/events/${event.id}/agenda`)
    expect(agenda.body.sessions.map((s: any) => [s.title, s.startTime, s.kind])).toEqual([
      ['Keynote', '2027-10-31T09:00:00.000Z', 'keynote'],
      ['Lunch, together', '2027-10-31T11:00:00.000Z', 'break'],
    ])
    expect(agenda.body.sessions[0].speakers.map((s: any) => s.name)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ])
    const profile = await api('GET', '/speakers/by-slug/alan-turing')
    expect(profile.status).toBe(200)
    expect(profile.body.sessions.map((s: any) => s.title)).toEqual(['Keynote'])
  })
})

describe('removing records', () => {
  it('takes an event’s sessions and stars, and a person’s stars and feed, with them', async () => {
    const owner = await createUser(payload, 'organizer')
    const draft = await createEvent(payload, owner.user, { status: 'draft' })
    const session = await createSession(owner, {
      event: draft.id,
      title: 'Soon gone',
      startTime: draft.startTime,
      endTime: new Date(Date.parse(draft.startTime) + HOUR).toISOString(),
    })
    const star = await api('POST', `/sessions/${session.body.doc.id}/star`, { token: owner.token })
    expect(star.status).toBe(200)
    const removal = await api('DELETE', `/events/${draft.id}`, { token: owner.token })
    expect(removal.status).toBe(200)
    const left = await payload.count({
      collection: 'session-stars',
      where: { user: { equals: owner.user.id } },
    })
    expect(left.totalDocs).toBe(0)
    expect(
      (await api('GET', `/sessions/${session.body.doc.id}`, { token: owner.token })).status,
    ).toBe(404)

    const leaving = await createUser(payload, 'user')
    await createRegistration(payload, {
      user: leaving.user.id,
      event: liveEvent.id,
      status: 'confirmed',
      registeredAt: new Date().toISOString(),
    })
    const { docs } = await payload.find({
      collection: 'sessions',
      where: { event: { equals: liveEvent.id } },
      limit: 1,
    })
    await api('POST', `/sessions/${docs[0]!.id}/star`, { token: leaving.token })
    await api('POST', '/agenda-feed', { token: leaving.token })
    await payload.delete({ collection: 'users', id: leaving.user.id })
    const feeds = await payload.count({
      collection: 'calendar-feeds',
      where: { user: { equals: leaving.user.id } },
    })
    expect(feeds.totalDocs).toBe(0)
  })
})
