import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHAT_ERROR } from '../../src/contract/chat'
import type { ChatMessage, Event } from '../../src/payload-types'
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
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let live: Event
let oscarsEvent: Event

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  live = await createEvent(payload, olivia.user, {
    startTime: new Date(Date.now() - 5 * 60_000).toISOString(),
  })
  oscarsEvent = await createEvent(payload, oscar.user, {
    startTime: new Date(Date.now() - 5 * 60_000).toISOString(),
  })
})
afterAll(async () => {
  await closePayload(payload)
})

const attendeeOf = (event: Event) => confirmedAttendee(payload, event)

const post = (who: TestUser, event: Event, message: string, kind = 'chat') =>
  api('POST', '/chat-messages', { token: who.token, body: { event: event.id, message, kind } })

const storedBy = async (who: TestUser) =>
  (
    await payload.find({
      collection: 'chat-messages',
      where: { user: { equals: who.user.id } },
      limit: 0,
    })
  ).totalDocs

/** What a moderator records in the log (the realtime gateway and the admin tools do the same). */
const moderate = (event: Event, data: Record<string, unknown>) =>
  api('POST', '/chat-moderation-actions', {
    token: olivia.token,
    body: { event: event.id, ...data },
  })

describe('posting rules hold in cms (POST /api/chat-messages)', () => {
  it('a banned attendee is refused with CHAT_BANNED; unbanned, they post again', async () => {
    const mallory = await attendeeOf(live)
    expect((await moderate(live, { action: 'ban', targetUser: mallory.user.id })).status).toBe(201)
    const refused = await post(mallory, live, 'still here')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.code).toBe(CHAT_ERROR.banned)
    expect(await storedBy(mallory)).toBe(0)
    await moderate(live, { action: 'unban', targetUser: mallory.user.id })
    expect((await post(mallory, live, 'back')).status).toBe(201)
  })

  it('a muted attendee is refused with CHAT_MUTED until the mute ends', async () => {
    const muted = await attendeeOf(live)
    const until = new Date(Date.now() + 10 * 60_000).toISOString()
    await moderate(live, { action: 'mute', targetUser: muted.user.id, until })
    const refused = await post(muted, live, 'let me talk')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data).toMatchObject({ code: CHAT_ERROR.muted, until })
    const expired = await attendeeOf(live)
    await moderate(live, {
      action: 'mute',
      targetUser: expired.user.id,
      until: new Date(Date.now() - 1000).toISOString(),
    })
    expect((await post(expired, live, 'my mute is over')).status).toBe(201)
  })

  it('a burst of 10 stores at most 3; the rest get 429 CHAT_RATE_LIMITED with Retry-After', async () => {
    const eager = await attendeeOf(live)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => post(eager, live, `burst ${n}`)),
    )
    const stored = answers.filter((answer) => answer.status === 201)
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.length).toBeLessThanOrEqual(3)
    expect(await storedBy(eager)).toBe(stored.length)
    const refused = answers.filter((answer) => answer.status !== 201)
    for (const answer of refused) {
      expect(answer.status).toBe(429)
      expect(answer.body.errors[0].data.code).toBe(CHAT_ERROR.rateLimited)
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
  })

  it('two weeks before the start the chat is closed (CHAT_NOT_OPEN); 10 minutes before it is open', async () => {
    const later = await createEvent(payload, olivia.user, {
      startTime: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
    })
    const soon = await createEvent(payload, olivia.user, {
      startTime: new Date(Date.now() + 10 * 60_000).toISOString(),
    })
    const early = await attendeeOf(later)
    const refused = await post(early, later, 'anyone here?')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.code).toBe(CHAT_ERROR.notOpen)
    expect(await storedBy(early)).toBe(0)
    const punctual = await attendeeOf(soon)
    expect((await post(punctual, soon, 'doors are open')).status).toBe(201)
  })

  it('slow mode holds attendees to one message per interval; the organizer is not slowed', async () => {
    const slowed = await createEvent(payload, olivia.user, {
      startTime: new Date(Date.now() - 60_000).toISOString(),
    })
    const chatty = await attendeeOf(slowed)
    await moderate(slowed, { action: 'slow_mode', slowModeSeconds: 30 })
    expect((await post(chatty, slowed, 'first')).status).toBe(201)
    const second = await post(chatty, slowed, 'second')
    expect(second.status).toBe(429)
    expect(second.body.errors[0].data.code).toBe(CHAT_ERROR.slowMode)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(20)
    expect((await post(olivia, slowed, 'hosts are not slowed')).status).toBe(201)
    expect((await post(olivia, slowed, 'really')).status).toBe(201)
    await moderate(slowed, { action: 'slow_mode', slowModeSeconds: 0 })
    expect((await post(chatty, slowed, 'slow mode is off')).status).toBe(201)
  })

  it('a ban holds however often slow mode changed after it, and the latest slow mode counts', async () => {
    const busy = await createEvent(payload, olivia.user, {
      startTime: new Date(Date.now() - 60_000).toISOString(),
    })
    const [mallory, chatty] = await Promise.all([attendeeOf(busy), attendeeOf(busy)])
    await moderate(busy, { action: 'ban', targetUser: mallory.user.id })
    // More slow-mode changes after the ban than any page of the log would show.
    for (let change = 0; change < 60; change++) {
      await payload.create({
        collection: 'chat-moderation-actions',
        data: {
          event: busy.id,
          actor: olivia.user.id,
          action: 'slow_mode',
          slowModeSeconds: change % 2 === 0 ? 0 : 30,
        },
      })
    }
    const refused = await post(mallory, busy, 'still here')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.code).toBe(CHAT_ERROR.banned)
    // The 60th change set 30 s: one message, then slow mode.
    expect((await post(chatty, busy, 'first')).status).toBe(201)
    const second = await post(chatty, busy, 'second')
    expect(second.body.errors?.[0]?.data?.code).toBe(CHAT_ERROR.slowMode)
  })
})

describe('nobody rewrites what a person said', () => {
  let said: ChatMessage

  beforeAll(async () => {
    const speaker = await attendeeOf(live)
    said = (await post(speaker, live, 'I said exactly this', 'question')).body.doc
  })

  it('the organizer’s PATCH of the words, author, event or times is refused with the field named', async () => {
    const attacks: Record<string, unknown> = {
      message: 'I said something else',
      authorName: 'Someone Else',
      event: oscarsEvent.id,
      user: oscar.user.id,
      sentAt: new Date(Date.now() - 3600_000).toISOString(),
      offsetSeconds: 9999,
      kind: 'chat',
    }
    for (const [field, value] of Object.entries(attacks)) {
      const res = await api('PATCH', `/chat-messages/${said.id}`, {
        token: olivia.token,
        body: { [field]: value },
      })
      expect(res.status, field).toBe(403)
      expect(res.body.errors[0].data).toMatchObject({ code: CHAT_ERROR.immutable, path: field })
    }
    const stored = await payload.findByID({ collection: 'chat-messages', id: said.id, depth: 0 })
    expect(stored).toMatchObject({
      message: 'I said exactly this',
      authorName: said.authorName,
      event: live.id,
      kind: 'question',
      offsetSeconds: said.offsetSeconds,
    })
    expect(Date.parse(stored.sentAt)).toBe(Date.parse(said.sentAt))
  })

  it('admins cannot rewrite words either', async () => {
    const res = await api('PATCH', `/chat-messages/${said.id}`, {
      token: admin.token,
      body: { message: 'edited by admin' },
    })
    expect(res.status).toBe(403)
  })

  it('moderation fields change: hidden, answered, pinned (the form may resend unchanged words)', async () => {
    const res = await api('PATCH', `/chat-messages/${said.id}`, {
      token: olivia.token,
      body: {
        hidden: true,
        answered: true,
        pinned: true,
        message: said.message,
        event: live.id,
        sentAt: said.sentAt,
      },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ hidden: true, answered: true, pinned: true })
    expect(res.body.doc.hiddenBy).toMatchObject({ id: olivia.user.id })
  })
})

describe('upvotes where they are stored', () => {
  let question: ChatMessage
  let asker: TestUser

  beforeAll(async () => {
    asker = await attendeeOf(live)
    question = (await post(asker, live, 'Is there a recording?', 'question')).body.doc
  })

  const votesOn = async (messageId: number) => {
    const votes = await payload.count({
      collection: 'chat-votes',
      where: { message: { equals: messageId } },
    })
    const stored = await payload.findByID({ collection: 'chat-messages', id: messageId })
    return { votes: votes.totalDocs, upvotes: stored.upvotes }
  }

  it('nobody upvotes their own question (CHAT_OWN_QUESTION_VOTE)', async () => {
    for (const path of ['/chat-votes', '/chat-votes/toggle']) {
      const res = await api('POST', path, { token: asker.token, body: { message: question.id } })
      expect(res.status, path).toBe(403)
      expect(res.body.errors[0].data.code).toBe(CHAT_ERROR.ownQuestion)
    }
    expect(await votesOn(question.id)).toEqual({ votes: 0, upvotes: 0 })
  })

  it('20 concurrent toggles by one person leave 0 or 1 vote and a count that matches', async () => {
    const voter = await attendeeOf(live)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api('POST', '/chat-votes/toggle', { token: voter.token, body: { message: question.id } }),
      ),
    )
    for (const answer of answers) expect(answer.status).toBe(200)
    const { votes, upvotes } = await votesOn(question.id)
    expect(votes).toBeLessThanOrEqual(1)
    expect(upvotes).toBe(votes)
    // Toggles are serialized: 20 of them end where they started.
    expect(votes).toBe(0)
    const once = await api('POST', '/chat-votes/toggle', {
      token: voter.token,
      body: { message: question.id },
    })
    expect(once.body).toEqual({ messageId: question.id, upvotes: 1, hasVoted: true })
  })

  it('20 concurrent votes and unvotes through the plain REST routes keep the count true', async () => {
    const voter = await attendeeOf(live)
    const toggle = async () => {
      const mine = await api('GET', `/chat-votes?where[message][equals]=${question.id}`, {
        token: voter.token,
      })
      const vote = mine.body.docs[0]
      return vote
        ? api('DELETE', `/chat-votes/${vote.id}`, { token: voter.token })
        : api('POST', '/chat-votes', { token: voter.token, body: { message: question.id } })
    }
    await Promise.all(Array.from({ length: 20 }, toggle))
    const mine = await payload.count({
      collection: 'chat-votes',
      where: { and: [{ message: { equals: question.id } }, { user: { equals: voter.user.id } }] },
    })
    expect(mine.totalDocs).toBeLessThanOrEqual(1)
    const { votes, upvotes } = await votesOn(question.id)
    expect(upvotes).toBe(votes)
  })

  it('the toggle refuses anonymous callers and people without a seat', async () => {
    expect(
      (await api('POST', '/chat-votes/toggle', { body: { message: question.id } })).status,
    ).toBe(401)
    const stranger = await createUser(payload, 'user')
    const res = await api('POST', '/chat-votes/toggle', {
      token: stranger.token,
      body: { message: question.id },
    })
    expect(res.status).toBe(403)
  })
})
