import { Redis } from 'ioredis'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChatMessage, Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'

let payload: Payload
let admin: TestUser
let organizer: TestUser
let otherOrganizer: TestUser
let attendee: TestUser
let event: Event
let otherEvent: Event
let subscriber: Redis
const notices: Record<string, unknown>[] = []

const say = (target: Event, text: string): Promise<ChatMessage> =>
  payload.create({
    collection: 'chat-messages',
    data: {
      event: target.id,
      user: attendee.user.id,
      authorName: attendee.user.name,
      message: text,
      kind: 'chat',
      sentAt: new Date().toISOString(),
    },
    overrideAccess: true,
  })

const moderate = (user: TestUser | undefined, body: Record<string, unknown>) =>
  api('POST', '/moderation', { token: user?.token, body })

beforeAll(async () => {
  process.env.REALTIME_KEY_PREFIX = `test:moderation:${process.pid}:${Date.now()}:`
  subscriber = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  await subscriber.subscribe(`${process.env.REALTIME_KEY_PREFIX}moderation`)
  subscriber.on('message', (_channel, raw) => notices.push(JSON.parse(raw)))
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  organizer = await createUser(payload, 'organizer')
  otherOrganizer = await createUser(payload, 'organizer')
  attendee = await createUser(payload, 'user')
  event = await createEvent(payload, organizer.user)
  otherEvent = await createEvent(payload, otherOrganizer.user)
})
afterAll(async () => {
  subscriber.disconnect()
  delete process.env.REALTIME_KEY_PREFIX
  await closePayload(payload)
})

const waitForNotice = async (match: (notice: Record<string, unknown>) => boolean) => {
  for (let i = 0; i < 100 && !notices.some(match); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return notices.find(match)
}

describe('POST /api/moderation', () => {
  it('hides and restores a message, logs who did it, and tells the live rooms', async () => {
    const message = await say(event, 'rude words')
    const hide = await moderate(organizer, { event: event.id, action: 'hide', message: message.id })
    expect(hide.status).toBe(201)
    expect(hide.body.doc).toMatchObject({
      action: 'hide',
      targetMessage: expect.objectContaining({ id: message.id }),
    })
    const stored = await payload.findByID({ collection: 'chat-messages', id: message.id })
    expect(stored.hidden).toBe(true)
    expect(
      await waitForNotice((notice) => notice.action === 'hide' && notice.messageId === message.id),
    ).toEqual({
      eventId: event.id,
      action: 'hide',
      messageId: message.id,
      userId: attendee.user.id,
    })

    const restore = await moderate(admin, {
      event: event.id,
      action: 'unhide',
      message: message.id,
    })
    expect(restore.status).toBe(201)
    expect((await payload.findByID({ collection: 'chat-messages', id: message.id })).hidden).toBe(
      false,
    )
    const trail = await payload.find({
      collection: 'chat-moderation-actions',
      where: { targetMessage: { equals: message.id } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(trail.docs.map((doc) => [doc.action, doc.actor])).toEqual([
      ['hide', organizer.user.id],
      ['unhide', admin.user.id],
    ])
  })

  it('mutes for the given minutes and bans, with the end time in the notice', async () => {
    const mute = await moderate(organizer, {
      event: event.id,
      action: 'mute',
      user: attendee.user.id,
      minutes: 15,
    })
    expect(mute.status).toBe(201)
    const until = Date.parse(mute.body.doc.until)
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    expect(
      await waitForNotice(
        (notice) => notice.action === 'mute' && notice.userId === attendee.user.id,
      ),
    ).toMatchObject({ eventId: event.id, until: mute.body.doc.until })
    const ban = await moderate(organizer, {
      event: event.id,
      action: 'ban',
      user: attendee.user.id,
    })
    expect(ban.status).toBe(201)
  })

  it('refuses everyone but the event’s organizer and admins, and messages of other events', async () => {
    const message = await say(event, 'fine words')
    const body = { event: event.id, action: 'hide', message: message.id }
    expect((await moderate(undefined, body)).status).toBe(401)
    expect((await moderate(attendee, body)).status).toBe(403)
    expect((await moderate(otherOrganizer, body)).status).toBe(403)
    expect((await payload.findByID({ collection: 'chat-messages', id: message.id })).hidden).toBe(
      false,
    )
    const elsewhere = await say(otherEvent, 'elsewhere')
    const mismatched = await moderate(organizer, {
      event: event.id,
      action: 'hide',
      message: elsewhere.id,
    })
    expect(mismatched.status).toBe(404)
    const bad = await moderate(organizer, { event: event.id, action: 'delete-everything' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('action')
  })
})
