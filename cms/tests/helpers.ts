import http from 'node:http'
import type { AddressInfo } from 'node:net'

import config from '@payload-config'
import {
  getPayload,
  handleEndpoints,
  type Payload,
  type RequiredDataFromCollectionSlug,
} from 'payload'

import { slugify } from '../src/fields/slug'
import type { Event, Registration, User } from '../src/payload-types'

export const BASE_URL = 'http://localhost:3000'

export const testPayload = (): Promise<Payload> => getPayload({ config })

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

/**
 * Sends a request through Payload's real HTTP handler (routing, auth, access,
 * error formatting), the same code the Next.js route runs.
 */
export async function api<T = any>(
  method: string,
  path: string,
  {
    token,
    body,
    headers = {},
  }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const request = new Request(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config, request })
  // Decoded by hand: Response.text() drops a byte-order mark, which a CSV test needs to see.
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8')
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON (a file, say)
  }
  return { status: response.status, body: parsed as T, headers: response.headers }
}

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export type TestUser = { user: User; token: string; password: string }

/** Creates a user with the role through the system and logs them in. */
export async function createUser(
  payload: Payload,
  role: User['role'],
  name = `${role} ${unique()}`,
): Promise<TestUser> {
  const email = `${role}-${unique()}@test.example`
  const password = 'correct-horse-battery'
  await payload.create({ collection: 'users', data: { email, password, name, role } })
  const { token, user } = await payload.login({ collection: 'users', data: { email, password } })
  return { user: user as User, token: token!, password }
}

/** A new attendee with a confirmed seat at the event. */
export async function confirmedAttendee(payload: Payload, event: Event): Promise<TestUser> {
  const attendee = await createUser(payload, 'user')
  await payload.create({
    collection: 'registrations',
    data: {
      user: attendee.user.id,
      event: event.id,
      status: 'confirmed',
      registeredAt: new Date().toISOString(),
    },
  })
  return attendee
}

export async function createEvent(
  payload: Payload,
  organizer: User,
  fields: Partial<Omit<Event, 'organizer'>> = {},
): Promise<Event> {
  const title = fields.title ?? `Event ${unique()}`
  const data: RequiredDataFromCollectionSlug<'events'> = {
    title,
    slug: slugify(title),
    startTime: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    duration: 60,
    timezone: 'Europe/Berlin',
    price: 0,
    currency: 'EUR',
    capacity: 50,
    status: 'published',
    ...fields,
    organizer: organizer.id,
  }
  return payload.create({ collection: 'events', data })
}

/**
 * A registration fixture in any status, reached the way the booking module's transition table
 * allows: a cancelled one was confirmed first, an expired one was a pending hold.
 */
export async function createRegistration(
  payload: Payload,
  data: RequiredDataFromCollectionSlug<'registrations'>,
): Promise<Registration> {
  const firstStatus = { cancelled: 'confirmed', expired: 'pending' } as const
  const before = firstStatus[data.status as keyof typeof firstStatus]
  if (!before) return payload.create({ collection: 'registrations', data, overrideAccess: true })
  const created = await payload.create({
    collection: 'registrations',
    data: { ...data, status: before },
    overrideAccess: true,
  })
  return payload.update({
    collection: 'registrations',
    id: created.id,
    data: { status: data.status, holdExpiresAt: null },
    overrideAccess: true,
  })
}

export const errorMessages = (body: any): string => JSON.stringify(body?.errors ?? body)

/** An HTTP server that hands each request to the cms, so the Stripe test server can deliver webhooks. */
export async function startCmsBridge(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
    }
    const request = new Request(`${BASE_URL}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    })
    const response = await handleEndpoints({ config, request })
    res.writeHead(response.status, { 'Content-Type': response.headers.get('content-type') ?? '' })
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
