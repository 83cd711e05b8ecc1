import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import pg from 'pg'
import {
  buildConfig,
  getPayload,
  handleEndpoints,
  type Payload,
  type SanitizedConfig,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { eventPortal } from '../../src/plugin'
import { closePayload } from '../closePayload'

/*
 * A second host: a small Payload site of someone else's, with its own users (and a field of its
 * own) and posts, that installs the plugin in one line with events renamed to webinars. It runs
 * on a fresh database whose schema Payload pushes at start-up (the development workflow); our own
 * cms, the first host, runs on committed migrations instead.
 */

const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
const databaseName = `event_portal_second_host_${process.pid}_${Date.now()}`
const databaseUrl = Object.assign(new URL(base), { pathname: `/${databaseName}` }).toString()

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: base.toString() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const hostConfig = (plugin = eventPortal({ slugs: { events: 'webinars' } })) =>
  buildConfig({
    secret: 'second-host-secret-0123456789abcdef',
    admin: { user: 'users' },
    collections: [
      {
        slug: 'users',
        auth: true,
        fields: [{ name: 'nickname', type: 'text', maxLength: 40 }],
      },
      {
        slug: 'posts',
        access: { read: () => true, create: ({ req }) => Boolean(req.user) },
        fields: [{ name: 'title', type: 'text', required: true }],
      },
    ],
    plugins: [plugin],
    editor: lexicalEditor(),
    db: postgresAdapter({ pool: { connectionString: databaseUrl }, push: true }),
    telemetry: false,
    graphQL: { disable: true },
  })

let config: SanitizedConfig
let payload: Payload

type Response = { status: number; body: any }

async function api(
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<Response> {
  const request = new Request(`http://localhost:3000/api${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config, request })
  return { status: response.status, body: await response.json().catch(() => null) }
}

const login = async (email: string, password: string): Promise<string> => {
  const response = await api('POST', '/auth/login', { body: { email, password } })
  expect(response.status).toBe(200)
  return response.body.token as string
}

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE "${databaseName}"`)
  config = await hostConfig()
  payload = await getPayload({ config })
})

afterAll(async () => {
  if (payload) await closePayload(payload)
  await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
})

describe('a second Payload site with the plugin installed (events named webinars)', () => {
  it('runs the event workflow end to end and keeps its own collections working', async () => {
    const password = 'correct-horse-battery'
    // The site's first admin is made the way a host makes one: on the server.
    await payload.create({
      collection: 'users',
      data: { email: 'admin@host.example', password, name: 'Ada Admin', role: 'admin' },
    })
    const adminToken = await login('admin@host.example', password)

    // The admin creates an organizer through the REST API.
    const organizer = await api('POST', '/users', {
      token: adminToken,
      body: { email: 'org@host.example', password, name: 'Olga Organizer', role: 'organizer' },
    })
    expect(organizer.status).toBe(201)
    expect(organizer.body.doc.role).toBe('organizer')
    const organizerToken = await login('org@host.example', password)

    // An attendee signs up through the plugin's endpoint; a role in the body is ignored.
    const signUp = await api('POST', '/auth/register', {
      body: { email: 'ann@host.example', password, name: 'Ann Attendee', role: 'admin' },
    })
    expect(signUp.status).toBe(201)
    expect(signUp.body.user.role).toBe('user')
    const attendeeToken = signUp.body.token as string

    // The host's own field on its users still works, and a user cannot make themselves admin.
    const ownProfile = await api('PATCH', `/users/${signUp.body.user.id}`, {
      token: attendeeToken,
      body: { nickname: 'annie', role: 'admin' },
    })
    expect(ownProfile.status).toBe(200)
    expect(ownProfile.body.doc.nickname).toBe('annie')
    expect(ownProfile.body.doc.role).toBe('user')

    // The organizer creates a webinar and submits it for review.
    const created = await api('POST', '/webinars', {
      token: organizerToken,
      body: {
        title: 'Payload plugins in practice',
        startTime: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        duration: 45,
        timezone: 'Europe/Berlin',
        price: 0,
        currency: 'EUR',
        capacity: 1,
      },
    })
    expect(created.status).toBe(201)
    const webinar = created.body.doc
    expect(webinar.status).toBe('draft')
    expect(webinar.slug).toBe('payload-plugins-in-practice')

    const submitted = await api('PATCH', `/webinars/${webinar.id}`, {
      token: organizerToken,
      body: { status: 'pending_review' },
    })
    expect(submitted.status).toBe(200)

    // Only an admin publishes: the organizer is refused, the admin is not.
    const selfPublished = await api('PATCH', `/webinars/${webinar.id}`, {
      token: organizerToken,
      body: { status: 'published' },
    })
    expect(selfPublished.status).toBe(403)
    expect(selfPublished.body.errors[0].message).toMatch(/Only an admin/)
    expect((await api('GET', `/webinars/${webinar.id}`)).status).toBe(404)

    const published = await api('PATCH', `/webinars/${webinar.id}`, {
      token: adminToken,
      body: { status: 'published' },
    })
    expect(published.status).toBe(200)
    expect(published.body.doc.status).toBe('published')

    // Anyone now finds it, under the host's slug; the default slug is not there.
    const listed = await api('GET', '/webinars')
    expect(listed.body.docs.map((doc: { id: number }) => doc.id)).toContain(webinar.id)
    expect((await api('GET', '/events')).status).toBe(404)

    // The attendee registers through the plugin's endpoint and sees the registration.
    const registration = await api('POST', '/registrations', {
      token: attendeeToken,
      body: { event: webinar.id },
    })
    expect(registration.status).toBe(201)
    expect(registration.body.doc.status).toBe('confirmed')
    const mine = await api('GET', '/registrations/me', { token: attendeeToken })
    expect(mine.status).toBe(200)
    expect(JSON.stringify(mine.body)).toContain('Payload plugins in practice')

    // The seat counter holds: the one seat is taken, the next person is refused with the code.
    const second = await api('POST', '/auth/register', {
      body: { email: 'bob@host.example', password, name: 'Bob Attendee' },
    })
    const full = await api('POST', '/registrations', {
      token: second.body.token,
      body: { event: webinar.id },
    })
    expect(full.status).toBe(409)
    expect(full.body.errors[0].data.code).toBe('EVENT_FULL')

    // The host's posts keep working beside the plugin.
    const post = await api('POST', '/posts', {
      token: attendeeToken,
      body: { title: 'Notes from the webinar' },
    })
    expect(post.status).toBe(201)
    const posts = await api('GET', '/posts')
    expect(posts.body.docs.map((doc: { title: string }) => doc.title)).toContain(
      'Notes from the webinar',
    )
    expect((await api('POST', '/posts', { body: { title: 'anonymous' } })).status).toBe(403)
  })
})

describe('the plugin’s options', () => {
  it('a bad option stops the config, naming it', async () => {
    await expect(hostConfig(eventPortal({ slugs: { events: 'Web Inars' } }))).rejects.toThrow(
      /slugs\.events: must be a collection slug/,
    )
    await expect(hostConfig(eventPortal({ siteUrl: 'not a url' }))).rejects.toThrow(/siteUrl/)
    await expect(hostConfig(eventPortal({ slugs: { events: 'posts' } }))).rejects.toThrow(
      /already has a "posts" collection/,
    )
    await expect(hostConfig(eventPortal({ slugs: { users: 'posts' } }))).rejects.toThrow(
      /slugs\.users: "posts" is not an auth collection/,
    )
  })

  it('disabled keeps every collection and field but adds no endpoints, hooks or views', async () => {
    const disabled = await hostConfig(eventPortal({ disabled: true }))
    const slugsOf = disabled.collections.map((collection) => collection.slug)
    expect(slugsOf).toEqual(
      expect.arrayContaining(['events', 'registrations', 'payments', 'posts']),
    )
    const users = disabled.collections.find((collection) => collection.slug === 'users')!
    expect(users.fields.map((field) => ('name' in field ? field.name : ''))).toEqual(
      expect.arrayContaining(['nickname', 'name', 'role', 'disabled']),
    )
    expect(users.hooks.beforeLogin).toHaveLength(0)
    const events = disabled.collections.find((collection) => collection.slug === 'events')!
    expect(events.hooks.beforeChange).toHaveLength(0)
    expect(disabled.endpoints.map((endpoint) => endpoint.path)).not.toContain('/auth/register')
    expect(disabled.admin.components?.views?.analytics).toBeUndefined()
  })

  it('a feature switched off loses its endpoints and views, and its tables refuse writes', async () => {
    const withoutChat = await hostConfig(eventPortal({ features: { chat: false } }))
    expect(withoutChat.endpoints.map((endpoint) => endpoint.path)).not.toContain('/moderation')
    expect(withoutChat.admin.components?.views?.moderation).toBeUndefined()
    expect(withoutChat.admin.components?.views?.analytics).toBeDefined()
    // The nav links and dashboard read the switch: no link to a moderation page that is not there.
    expect(withoutChat.admin.custom?.eventPortal?.features).toMatchObject({ chat: false })
    const chat = withoutChat.collections.find((collection) => collection.slug === 'chat-messages')!
    expect(chat.access.create?.({ req: {} as never })).toBe(false)
    const events = withoutChat.collections.find((collection) => collection.slug === 'events')!
    const eventPaths = (events.endpoints || []).map((endpoint) => endpoint.path)
    expect(eventPaths).toContain('/:id/stream')
    expect(eventPaths).not.toContain('/:id/chat-access')
  })

  it('overrides change a collection the way the host asks', async () => {
    const overridden = await hostConfig(
      eventPortal({
        overrides: {
          categories: ({ defaultCollection }) => ({
            ...defaultCollection,
            fields: [...defaultCollection.fields, { name: 'colour', type: 'text' }],
          }),
        },
      }),
    )
    const categories = overridden.collections.find(
      (collection) => collection.slug === 'categories',
    )!
    expect(categories.fields.map((field) => ('name' in field ? field.name : ''))).toContain(
      'colour',
    )
  })
})
