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
let olivia: TestUser
let oscar: TestUser
let live: Event
let oscarsEvent: Event
let question: ChatMessage
let oscarsQuestion: ChatMessage

const attendeeOf = (event: Event) => confirmedAttendee(payload, event)

const ask = async (who: TestUser, event: Event, message: string): Promise<ChatMessage> => {
  const res = await api('POST', '/chat-messages', {
    token: who.token,
    body: { event: event.id, message, kind: 'question' },
  })
  expect(res.status).toBe(201)
  return res.body.doc
}

const storedBy = async (who: TestUser) =>
  (
    await payload.count({
      collection: 'chat-messages',
      where: { user: { equals: who.user.id } },
    })
  ).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  const startTime = new Date(Date.now() - 5 * 60_000).toISOString()
  live = await createEvent(payload, olivia.user, { startTime })
  oscarsEvent = await createEvent(payload, oscar.user, { startTime })
  question = await ask(await attendeeOf(live), live, 'Will slides be shared?')
  oscarsQuestion = await ask(await attendeeOf(oscarsEvent), oscarsEvent, 'Is there a recording?')
})
afterAll(async () => {
  await closePayload(payload)
})

describe('a person banned from the chat takes no part in it', () => {
  let mallory: TestUser
  beforeAll(async () => {
    mallory = await attendeeOf(live)
    const ban = await api('POST', '/chat-moderation-actions', {
      token: olivia.token,
      body: { event: live.id, action: 'ban', targetUser: mallory.user.id },
    })
    expect(ban.status).toBe(201)
  })

  const votesOf = async (who: TestUser) =>
    (await payload.count({ collection: 'chat-votes', where: { user: { equals: who.user.id } } }))
      .totalDocs

  // The chat is closed to them (readChat), and so are its questions to vote on.
  it('cannot upvote through POST /api/chat-votes or the toggle (403)', async () => {
    const rest = await api('POST', '/chat-votes', {
      token: mallory.token,
      body: { message: question.id },
    })
    expect(rest.status).toBe(403)
    const toggle = await api('POST', '/chat-votes/toggle', {
      token: mallory.token,
      body: { message: question.id },
    })
    expect(toggle.status).toBe(403)
    expect(await votesOf(mallory)).toBe(0)
    const stored = await payload.findByID({ collection: 'chat-messages', id: question.id })
    expect(stored.upvotes).toBe(0)
  })

  it('cannot report (403 CHAT_BANNED); another attendee still can', async () => {
    const report = (who: TestUser) =>
      api('POST', '/chat-moderation-actions', {
        token: who.token,
        body: { event: live.id, action: 'report', targetMessage: question.id, reason: 'spam' },
      })
    const refused = await report(mallory)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.code).toBe(CHAT_ERROR.banned)
    expect((await report(await attendeeOf(live))).status).toBe(201)
  })

  it('cannot read the chat through GET /api/chat-messages (realtime refuses them the room)', async () => {
    const res = await api('GET', `/chat-messages?where[event][equals]=${live.id}`, {
      token: mallory.token,
    })
    // Their only seat is at this event, so no chat is left for them to read.
    expect(res.status).toBe(403)
    const byId = await api('GET', `/chat-messages/${question.id}`, { token: mallory.token })
    expect([403, 404]).toContain(byId.status)
  })

  it('unbanned, they read and vote again', async () => {
    await api('POST', '/chat-moderation-actions', {
      token: olivia.token,
      body: { event: live.id, action: 'unban', targetUser: mallory.user.id },
    })
    const toggle = await api('POST', '/chat-votes/toggle', {
      token: mallory.token,
      body: { message: question.id },
    })
    expect(toggle.status).toBe(200)
    expect(toggle.body).toMatchObject({ hasVoted: true, upvotes: 1 })
    const read = await api('GET', `/chat-messages?where[event][equals]=${live.id}`, {
      token: mallory.token,
    })
    expect(read.body.docs.length).toBeGreaterThan(0)
  })
})

describe('moderation entries and reports are about their own event', () => {
  it('a report naming another event’s message: 400 CHAT_MESSAGE_NOT_IN_EVENT on targetMessage', async () => {
    const alice = await attendeeOf(live)
    const res = await api('POST', '/chat-moderation-actions', {
      token: alice.token,
      body: { event: live.id, action: 'report', targetMessage: oscarsQuestion.id },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data).toMatchObject({
      code: CHAT_ERROR.messageNotInEvent,
      path: 'targetMessage',
    })
  })

  it('an organizer cannot log a hide of another organizer’s message under their own event', async () => {
    const res = await api('POST', '/chat-moderation-actions', {
      token: olivia.token,
      body: { event: live.id, action: 'hide', targetMessage: oscarsQuestion.id },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.code).toBe(CHAT_ERROR.messageNotInEvent)
    const { totalDocs } = await payload.count({
      collection: 'chat-moderation-actions',
      where: { targetMessage: { equals: oscarsQuestion.id } },
    })
    expect(totalDocs).toBe(0)
  })
})

describe('bulk PATCH and DELETE by where hold the same rules', () => {
  it('an organizer hiding “everything” hides only their own event’s messages', async () => {
    const res = await api('PATCH', '/chat-messages?where[id][exists]=true', {
      token: olivia.token,
      body: { hidden: true },
    })
    expect(res.status).toBe(200)
    const other = await payload.findByID({ collection: 'chat-messages', id: oscarsQuestion.id })
    expect(other.hidden).toBe(false)
    const own = await payload.findByID({ collection: 'chat-messages', id: question.id })
    expect(own.hidden).toBe(true)
    await payload.update({ collection: 'chat-messages', id: question.id, data: { hidden: false } })
  })

  it('rewriting words by where is refused per message; DELETE by where is refused', async () => {
    const rewrite = await api('PATCH', `/chat-messages?where[event][equals]=${live.id}`, {
      token: olivia.token,
      body: { message: 'rewritten' },
    })
    expect(rewrite.status).toBe(400)
    const stored = await payload.findByID({ collection: 'chat-messages', id: question.id })
    expect(stored.message).toBe('Will slides be shared?')
    const remove = await api('DELETE', `/chat-messages?where[event][equals]=${live.id}`, {
      token: olivia.token,
    })
    expect(remove.status).toBe(403)
  })
})

describe('hostile message bodies', () => {
  it('an array of strings (each short, together 5,000 characters) is refused: 400 on message', async () => {
    const alice = await attendeeOf(live)
    const res = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: Array.from({ length: 5 }, () => 'x'.repeat(1000)) },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('message')
    expect(await storedBy(alice)).toBe(0)
  })

  it('an event id written another way ("0x…", "…e0", " …") is refused before any rule is read', async () => {
    const alice = await attendeeOf(live)
    for (const event of [
      `0x${live.id.toString(16)}`,
      `${live.id}e0`,
      ` ${live.id}`,
      `${live.id}.5`,
    ]) {
      const res = await api('POST', '/chat-messages', {
        token: alice.token,
        body: { event, message: 'hello' },
      })
      expect(res.status, event).toBe(403)
    }
    expect(await storedBy(alice)).toBe(0)
  })

  it('a report or a vote naming its event or question another way is refused the same', async () => {
    const alice = await attendeeOf(live)
    const report = await api('POST', '/chat-moderation-actions', {
      token: alice.token,
      body: { event: `0x${live.id.toString(16)}`, action: 'report', targetMessage: question.id },
    })
    expect(report.status).toBe(403)
    const vote = await api('POST', '/chat-votes', {
      token: alice.token,
      body: { message: `${question.id}e0` },
    })
    expect(vote.status).toBe(403)
  })

  it('an object is refused too', async () => {
    const alice = await attendeeOf(live)
    const res = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: { text: 'hi' } },
    })
    expect(res.status).toBe(400)
    expect(await storedBy(alice)).toBe(0)
  })

  it('a NUL character is a 400, not a 500; emoji, accents and right-to-left text are fine', async () => {
    const alice = await attendeeOf(live)
    const res = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: 'hi\u0000there' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('message')
    const fine = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: 'Grüße 👋 مرحبا\nzweite Zeile' },
    })
    expect(fine.status).toBe(201)
    expect(fine.body.doc.message).toBe('Grüße 👋 مرحبا\nzweite Zeile')
  })

  it('a 100 KB message is refused with 400 on message', async () => {
    const alice = await attendeeOf(live)
    const res = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: 'x'.repeat(100_000) },
    })
    expect(res.status).toBe(400)
    expect(await storedBy(alice)).toBe(0)
  })

  it('a name sent as an array (which would become every message’s author name) is refused', async () => {
    const alice = await attendeeOf(live)
    const res = await api('PATCH', `/users/${alice.user.id}`, {
      token: alice.token,
      body: { name: Array.from({ length: 10 }, () => 'n'.repeat(100)) },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('name')
    const stored = await payload.findByID({ collection: 'users', id: alice.user.id })
    expect(stored.name).toBe(alice.user.name)
  })
})

describe('a flood of votes or reports from one person', () => {
  it('70 parallel reports: at most 60 stored, the rest 429 CHAT_RATE_LIMITED; others still report', async () => {
    const flooder = await attendeeOf(live)
    const report = (who: TestUser) =>
      api('POST', '/chat-moderation-actions', {
        token: who.token,
        body: { event: live.id, action: 'report', targetMessage: question.id },
      })
    const answers = await Promise.all(Array.from({ length: 70 }, () => report(flooder)))
    const refused = answers.filter((res) => res.status === 429)
    expect(refused.length).toBeGreaterThanOrEqual(10)
    expect(refused[0]!.body.errors[0].data.code).toBe(CHAT_ERROR.rateLimited)
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
    const { totalDocs } = await payload.count({
      collection: 'chat-moderation-actions',
      where: { actor: { equals: flooder.user.id } },
    })
    expect(totalDocs).toBeLessThanOrEqual(60)
    expect((await report(await attendeeOf(live))).status).toBe(201)
  })

  it('70 parallel votes and unvotes through REST: the rest past 60 get 429', async () => {
    const flooder = await attendeeOf(live)
    const answers = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        i % 2 === 0
          ? api('POST', '/chat-votes', { token: flooder.token, body: { message: question.id } })
          : api('DELETE', `/chat-votes?where[message][equals]=${question.id}`, {
              token: flooder.token,
            }),
      ),
    )
    expect(answers.filter((res) => res.status === 429).length).toBeGreaterThanOrEqual(10)
  })
})
