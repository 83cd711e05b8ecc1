// POST /api/chat-messages/batch: what realtime sends when cms is busy. Each post holds to the
// rules of a post of its own, whoever sends the batch.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHAT_ERROR } from '../../src/contract/chat'
import type { Event } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import {
  api,
  confirmedAttendee,
  createEvent,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'

let payload: Payload
let olivia: TestUser
let live: Event

beforeAll(async () => {
  payload = await testPayload()
  olivia = await createUser(payload, 'organizer')
  live = await createEvent(payload, olivia.user, {
    startTime: new Date(Date.now() - 5 * 60_000).toISOString(),
  })
})
afterAll(async () => {
  await closePayload(payload)
})

const attendee = () => confirmedAttendee(payload, live)

const line = (who: TestUser, message: string, extra: Record<string, unknown> = {}) => ({
  token: who.token,
  data: { event: live.id, message, kind: 'chat', ...extra },
})

const batch = (posts: unknown[], token?: string) =>
  api('POST', '/chat-messages/batch', { token, body: { posts } })

describe('chat messages in a batch', () => {
  it('stores each post as its token’s holder and answers each in order', async () => {
    const [alice, bob] = await Promise.all([attendee(), attendee()])
    const res = await batch([
      line(alice, 'from Alice'),
      // Naming someone else as the author does not make it theirs.
      line(bob, 'from Bob', { user: alice.user.id }),
    ])
    expect(res.status).toBe(200)
    expect(res.body.results.map((result: any) => result.status)).toEqual([201, 201])
    const [fromAlice, fromBob] = res.body.results.map((result: any) => result.doc)
    expect(fromAlice).toMatchObject({ message: 'from Alice', user: alice.user.id })
    expect(fromBob).toMatchObject({ message: 'from Bob', user: bob.user.id })
    expect(fromBob.authorName).toBe(bob.user.name)
    expect(typeof fromBob.offsetSeconds).toBe('number')
  })

  it('refuses a post without a valid session, and one from someone without a seat, alone', async () => {
    const [alice, stranger] = await Promise.all([attendee(), createUser(payload, 'user')])
    const res = await batch([
      { token: 'not-a-session', data: { event: live.id, message: 'forged', kind: 'chat' } },
      line(stranger, 'no seat'),
      line(alice, 'fine'),
    ])
    // As POST /api/chat-messages answers both: 403.
    expect(res.body.results.map((result: any) => result.status)).toEqual([403, 403, 201])
    const stored = await payload.find({
      collection: 'chat-messages',
      where: { message: { in: ['forged', 'no seat'] } },
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('holds bans and the per-person rate as a post of its own does, with their codes', async () => {
    const [banned, eager] = await Promise.all([attendee(), attendee()])
    const ban = await api('POST', '/chat-moderation-actions', {
      token: olivia.token,
      body: { event: live.id, action: 'ban', targetUser: banned.user.id },
    })
    expect(ban.status).toBe(201)
    const res = await batch([
      line(banned, 'still here'),
      ...[1, 2, 3, 4].map((n) => line(eager, `burst ${n}`)),
    ])
    const results = res.body.results
    expect(results[0]).toMatchObject({
      status: 403,
      errors: [{ data: { code: CHAT_ERROR.banned } }],
    })
    // The burst limit is 3 a second (RATE_LIMIT_CHAT): the fourth waits.
    expect(results.slice(1).map((result: any) => result.status)).toEqual([201, 201, 201, 429])
    expect(results[4].errors[0].data).toMatchObject({ code: CHAT_ERROR.rateLimited })
  })

  it('a resent client id is refused, not stored twice', async () => {
    const alice = await attendee()
    const first = await batch([line(alice, 'once', { clientId: 'batch-once' })])
    const again = await batch([line(alice, 'once', { clientId: 'batch-once' })])
    expect(first.body.results[0].status).toBe(201)
    expect(again.body.results[0].status).toBe(400)
  })

  it('a malformed post or a token no header can carry fails alone; the batch names its fields', async () => {
    const alice = await attendee()
    const res = await batch([
      { token: alice.token, data: { event: 'x', kind: 'chat' } },
      { ...line(alice, 'a token no header can carry'), token: `${alice.token}\u0100` },
      { ...line(alice, 'a padded token'), token: `${alice.token}${' '.repeat(5000)}` },
      line(alice, 'still stored'),
    ])
    expect(res.status).toBe(200)
    const [malformed, unheaderable, padded, fine] = res.body.results
    expect(malformed.status).toBe(400)
    const fields = malformed.errors[0].data.errors.map((error: any) => error.path)
    expect(fields).toEqual(expect.arrayContaining(['posts.0.data.event', 'posts.0.data.message']))
    expect(unheaderable.status).toBe(403)
    expect(padded.status).toBe(400)
    expect(padded.errors[0].data.errors[0].path).toBe('posts.2.token')
    expect(fine).toMatchObject({ status: 201, doc: { message: 'still stored' } })
  })

  it('refuses more than 50 posts, or a body that is no batch, naming the field', async () => {
    const alice = await attendee()
    const tooMany = await batch(Array.from({ length: 51 }, (_, n) => line(alice, `n ${n}`)))
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].data.errors[0].path).toBe('posts')
    expect((await api('POST', '/chat-messages/batch', { body: 'not json' })).status).toBe(400)
  })
})
