// Conferences with a program, built through cms's REST API as an admin would, so the times (a
// boundary a few seconds ahead, a finished session) are exact.
import { expect } from '@playwright/test'

import { adminToken } from './helpers'
import { CMS_URL, SITE_URL } from './ports'

export const password = 'a-long-password'
let counter = 0

export async function cms<T = any>(method: string, route: string, body?: unknown, token?: string) {
  const response = await fetch(`${CMS_URL}/api${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  expect(response.status, `${method} ${route}: ${text.slice(0, 300)}`).toBeLessThan(300)
  return JSON.parse(text) as T
}

const unique = (name: string) => `${name} ${Date.now()}-${counter++}`
export const MINUTE = 60_000

export async function person(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${counter++}@program.test`
  const { token } = await cms<{ token: string }>('POST', '/auth/register', {
    name,
    email,
    password,
  })
  return { email, token }
}

export type SessionInput = {
  title: string
  start: number
  end: number
  track?: string
  kind?: string
  speakers?: number[]
  recordingUrl?: string
}

/** A published free event in Berlin's zone with its program; times are ms from now. */
export async function conference({
  startsIn,
  minutes,
  sessions,
}: {
  startsIn: number
  minutes: number
  sessions: (speakers: number[]) => SessionInput[]
}) {
  const admin = await adminToken()
  // One origin for every time of the conference, so sessions entered together start together.
  const origin = Date.now()
  const at = (ms: number) => new Date(origin + ms).toISOString()
  const title = unique('Program Conf')
  const { doc: event } = await cms<{ doc: { id: number; slug: string } }>(
    'POST',
    '/events',
    {
      title,
      startTime: at(startsIn),
      duration: minutes,
      timezone: 'Europe/Berlin',
      capacity: 100,
      price: 0,
      currency: 'EUR',
      videoUrl: `${SITE_URL}/demo/stream.webm`,
      status: 'pending_review',
    },
    admin,
  )
  await cms('PATCH', `/events/${event.id}`, { status: 'published' }, admin)
  const speakers: { id: number; name: string; slug: string }[] = []
  for (const name of ['Ada Lovelace', 'Grace Hopper']) {
    const { doc } = await cms<{ doc: { id: number; name: string; slug: string } }>(
      'POST',
      '/speakers',
      { name: unique(name), title: 'Engineer', company: 'Analytical Engines' },
      admin,
    )
    speakers.push(doc)
  }
  const created: { id: number; title: string }[] = []
  for (const [order, session] of sessions(speakers.map((speaker) => speaker.id)).entries()) {
    const { doc } = await cms<{ doc: { id: number; title: string } }>(
      'POST',
      '/sessions',
      {
        event: event.id,
        title: session.title,
        startTime: at(session.start),
        endTime: at(session.end),
        track: session.track,
        kind: session.kind ?? 'talk',
        speakers: session.speakers ?? [],
        recordingUrl: session.recordingUrl,
        order,
      },
      admin,
    )
    created.push(doc)
  }
  return { event, title, speakers, sessions: created }
}

export async function attendee(eventId: number, name = 'Reggie') {
  const who = await person(name)
  await cms('POST', '/registrations', { event: eventId }, who.token)
  return who
}

/** A two-day, two-track program a few days ahead, with a shared lunch. */
export const twoDays = (speakers: number[]): SessionInput[] => {
  const day = 24 * 60 * MINUTE
  const base = 3 * day
  return [
    {
      title: 'Opening keynote',
      start: base,
      end: base + 60 * MINUTE,
      track: 'Main stage',
      kind: 'keynote',
      speakers,
    },
    {
      title: 'Scaling chat',
      start: base + 60 * MINUTE,
      end: base + 105 * MINUTE,
      track: 'Main stage',
      speakers: [speakers[0]!],
    },
    {
      title: 'Hands-on workshop',
      start: base + 60 * MINUTE,
      end: base + 150 * MINUTE,
      track: 'Room B',
      kind: 'workshop',
      speakers: [speakers[1]!],
    },
    { title: 'Lunch', start: base + 180 * MINUTE, end: base + 240 * MINUTE, kind: 'break' },
    {
      title: 'Day two talk',
      start: base + day,
      end: base + day + 45 * MINUTE,
      track: 'Main stage',
    },
  ]
}
