import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChatMessage, Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'

let payload: Payload
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let alice: TestUser
let bob: TestUser
let stranger: TestUser
let event: Event
let question: ChatMessage

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  alice = await createUser(payload, 'user', 'Alice Chat')
  bob = await createUser(payload, 'user')
  stranger = await createUser(payload, 'user')
  event = await createEvent(payload, olivia.user, {
    startTime: new Date(Date.now() - 60_000).toISOString(),
  })
  for (const attendee of [alice, bob]) {
    await payload.create({
      collection: 'registrations',
      data: {
        user: attendee.user.id,
        event: event.id,
        status: 'confirmed',
        registeredAt: new Date().toISOString(),
      },
    })
  }
  const res = await api('POST', '/chat-messages', {
    token: alice.token,
    body: {
      event: event.id,
      user: alice.user.id,
      message: 'Will slides be shared?',
      kind: 'question',
    },
  })
  question = res.body.doc
})
afterAll(async () => {
  await closePayload(payload)
})

describe('chat messages', () => {
  it('stamps the author name and the offset from the event start', () => {
    expect(question.authorName).toBe('Alice Chat')
    expect(question.offsetSeconds).toBeGreaterThanOrEqual(59)
    expect(question.upvotes).toBe(0)
  })

  it('a client id posts a message once, whatever the retries', async () => {
    const body = { event: event.id, user: bob.user.id, message: 'hello', clientId: 'c-1' }
    expect((await api('POST', '/chat-messages', { token: bob.token, body })).status).toBe(201)
    expect((await api('POST', '/chat-messages', { token: bob.token, body })).status).toBe(400)
  })

  it('the organizer cannot set upvotes by hand', async () => {
    await api('PATCH', `/chat-messages/${question.id}`, {
      token: olivia.token,
      body: { upvotes: 99 },
    })
    const doc = await payload.findByID({ collection: 'chat-messages', id: question.id })
    expect(doc.upvotes).toBe(0)
  })
})

describe('chat votes', () => {
  it('a registrant votes once; the count follows; taking it back lowers it', async () => {
    const vote = await api('POST', '/chat-votes', {
      token: bob.token,
      body: { message: question.id, user: alice.user.id },
    })
    expect(vote.status).toBe(201)
    expect(vote.body.doc.user).toMatchObject({ id: bob.user.id })
    const again = await api('POST', '/chat-votes', {
      token: bob.token,
      body: { message: question.id },
    })
    expect(again.status).toBe(400)
    expect((await payload.findByID({ collection: 'chat-messages', id: question.id })).upvotes).toBe(
      1,
    )
    const removed = await api('DELETE', `/chat-votes/${vote.body.doc.id}`, { token: bob.token })
    expect(removed.status).toBe(200)
    expect((await payload.findByID({ collection: 'chat-messages', id: question.id })).upvotes).toBe(
      0,
    )
  })

  it('refuses anonymous callers and users not registered for the event', async () => {
    expect((await api('POST', '/chat-votes', { body: { message: question.id } })).status).toBe(403)
    const res = await api('POST', '/chat-votes', {
      token: stranger.token,
      body: { message: question.id },
    })
    expect(res.status).toBe(403)
  })

  it('nobody takes back or reads another user’s vote', async () => {
    const vote = await api('POST', '/chat-votes', {
      token: bob.token,
      body: { message: question.id },
    })
    expect(vote.status).toBe(201)
    expect(
      (await api('DELETE', `/chat-votes/${vote.body.doc.id}`, { token: alice.token })).status,
    ).toBe(403)
    const list = await api('GET', '/chat-votes', { token: alice.token })
    expect(list.body.docs).toEqual([])
  })
})

describe('chat moderation actions', () => {
  it('the event’s organizer records a mute; the actor comes from the session', async () => {
    const res = await api('POST', '/chat-moderation-actions', {
      token: olivia.token,
      body: { event: event.id, action: 'mute', targetUser: bob.user.id, actor: admin.user.id },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.actor).toMatchObject({ id: olivia.user.id })
  })

  it('refuses moderation by attendees, strangers and another event’s organizer', async () => {
    for (const caller of [alice, stranger, oscar]) {
      const res = await api('POST', '/chat-moderation-actions', {
        token: caller.token,
        body: { event: event.id, action: 'ban', targetUser: bob.user.id },
      })
      expect(res.status).toBe(403)
    }
    const anonymous = await api('POST', '/chat-moderation-actions', {
      body: { event: event.id, action: 'report', targetMessage: question.id },
    })
    expect(anonymous.status).toBe(403)
  })

  it('registrants report; strangers cannot; reports are read by the organizer and admins', async () => {
    const report = await api('POST', '/chat-moderation-actions', {
      token: bob.token,
      body: { event: event.id, action: 'report', targetMessage: question.id, reason: 'spam' },
    })
    expect(report.status).toBe(201)
    const foreign = await api('POST', '/chat-moderation-actions', {
      token: stranger.token,
      body: { event: event.id, action: 'report', targetMessage: question.id },
    })
    expect(foreign.status).toBe(403)

    const reportsFor = async (token: string) =>
      (
        await api('GET', `/chat-moderation-actions?where[action][equals]=report&limit=50`, {
          token,
        })
      ).body.docs.map((doc: { id: number }) => doc.id)
    expect(await reportsFor(olivia.token)).toContain(report.body.doc.id)
    expect(await reportsFor(admin.token)).toContain(report.body.doc.id)
    expect(await reportsFor(oscar.token)).not.toContain(report.body.doc.id)
    expect(await reportsFor(alice.token)).not.toContain(report.body.doc.id)
  })

  it('a muted user sees their own mute but nobody else’s actions; nobody edits the log', async () => {
    const own = await api('GET', '/chat-moderation-actions', { token: bob.token })
    expect(own.body.docs.map((doc: { action: string }) => doc.action).sort()).toEqual([
      'mute',
      'report',
    ])
    const others = await api('GET', '/chat-moderation-actions', { token: alice.token })
    expect(others.body.docs).toEqual([])
    const id = own.body.docs[0].id
    const edit = await api('PATCH', `/chat-moderation-actions/${id}`, {
      token: olivia.token,
      body: { reason: 'changed' },
    })
    expect(edit.status).toBe(403)
  })
})
