import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../src/payload-types'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let organizer: TestUser
let live: Event
let recorded: Event
let unrecorded: Event
let upcoming: Event

const MINUTE = 60_000
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString()
// Every event here has this word in its title, so the lists can be scoped to this file's events.
const TAG = `listing${Date.now()}`

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
  live = await createEvent(payload, organizer.user, {
    title: `${TAG} Live`,
    startTime: ago(10),
    duration: 60,
  })
  recorded = await createEvent(payload, organizer.user, {
    title: `${TAG} Recorded`,
    startTime: ago(3 * 60),
    duration: 60,
    recordingUrl: 'https://example.com/recordings/talk.mp4',
  })
  unrecorded = await createEvent(payload, organizer.user, {
    title: `${TAG} Unrecorded`,
    startTime: ago(5 * 60),
    duration: 60,
  })
  upcoming = await createEvent(payload, organizer.user, { title: `${TAG} Upcoming` })
})
afterAll(async () => {
  await closePayload(payload)
})

const list = async (query: string) => {
  const res = await api('GET', `/events?limit=100&q=${TAG}&${query}`)
  expect(res.status).toBe(200)
  return (res.body.docs as Event[]).map((doc) => doc.id).sort((a, b) => a - b)
}

describe('listing live and past events', () => {
  it('stores when each event ends, and moves it when the duration changes', async () => {
    expect(live.endTime).toBe(new Date(Date.parse(live.startTime) + 60 * MINUTE).toISOString())
    const res = await api('PATCH', `/events/${live.id}`, {
      token: organizer.token,
      body: { duration: 90 },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.endTime).toBe(
      new Date(Date.parse(live.startTime) + 90 * MINUTE).toISOString(),
    )
  })

  it('lists what is live now: started, and not yet ended', async () => {
    const now = new Date().toISOString()
    expect(await list(`to=${now}&endsAfter=${now}`)).toEqual([live.id])
  })

  it('lists past events, and only the recorded ones as on demand', async () => {
    const now = new Date().toISOString()
    expect(await list(`endsBefore=${now}`)).toEqual([recorded.id, unrecorded.id].sort())
    expect(await list(`endsBefore=${now}&recording=true`)).toEqual([recorded.id])
    expect(await list(`from=${now}`)).toEqual([upcoming.id])
  })

  it('tells anyone that a recording exists without revealing where it is', async () => {
    const res = await api('GET', `/events/${recorded.id}`)
    expect(res.status).toBe(200)
    expect(res.body.hasRecording).toBe(true)
    expect(res.body.recordingUrl).toBeUndefined()
    expect((await api('GET', `/events/${unrecorded.id}`)).body.hasRecording).toBe(false)
  })

  it('the flag follows the recording: an organizer cannot set it by hand', async () => {
    const forged = await api('PATCH', `/events/${unrecorded.id}`, {
      token: organizer.token,
      body: { hasRecording: true, endTime: '2000-01-01T00:00:00.000Z' },
    })
    expect(forged.status).toBe(200)
    expect(forged.body.doc.hasRecording).toBe(false)
    expect(forged.body.doc.endTime).toBe(unrecorded.endTime)

    const added = await api('PATCH', `/events/${unrecorded.id}`, {
      token: organizer.token,
      body: { recordingUrl: 'https://example.com/recordings/late.mp4' },
    })
    expect(added.body.doc.hasRecording).toBe(true)
    const removed = await api('PATCH', `/events/${unrecorded.id}`, {
      token: organizer.token,
      body: { recordingUrl: '' },
    })
    expect(removed.body.doc.hasRecording).toBe(false)
  })

  it('a malformed list filter is a 400 naming it', async () => {
    const res = await api('GET', '/events?endsAfter=soon&recording=maybe')
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['endsAfter', 'recording']))
  })
})
