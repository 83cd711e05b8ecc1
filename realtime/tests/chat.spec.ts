import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { ChatMessage } from '../src/events.ts'
import {
  api,
  type ChatClient,
  clearRedisKeys,
  connect,
  expectOk,
  login,
  newAttendee,
  nextEvent,
  nextLine,
  type RealtimeNode,
  request,
  type Session,
  startEventNow,
  startNode,
  uniqueId,
} from './helpers.ts'

const cmsUrl = inject('cmsUrl')
const keyPrefix = inject('keyPrefix')

let nodeA: RealtimeNode
let nodeB: RealtimeNode
let eventId: number
let organizer: Session
let otherOrganizer: Session
let admin: Session
const clients: ChatClient[] = []

async function joined(url: string, session: Session): Promise<ChatClient> {
  const socket = await connect(url, session.token)
  clients.push(socket)
  expectOk(await request(socket, 'join', { eventId }))
  return socket
}

async function storedMessages(where: string): Promise<any[]> {
  const res = await api(
    cmsUrl,
    'GET',
    `/chat-messages?limit=100&depth=0&where[event][equals]=${eventId}&${where}`,
    {
      token: admin.token,
    },
  )
  return res.body.docs
}

beforeAll(async () => {
  ;[nodeA, nodeB] = await Promise.all([startNode(cmsUrl, keyPrefix), startNode(cmsUrl, keyPrefix)])
  admin = await login(cmsUrl, 'admin@example.com', 'demo-admin-1')
  const olivia = await login(cmsUrl, 'olivia@example.com', 'demo-organizer-1')
  const oscar = await login(cmsUrl, 'oscar@example.com', 'demo-organizer-2')
  const events = await api(
    cmsUrl,
    'GET',
    `/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0`,
  )
  const event = events.body.docs.find((doc: any) => doc.capacity >= 50)
  eventId = event.id
  await startEventNow(cmsUrl, eventId)
  ;[organizer, otherOrganizer] = event.organizer === olivia.id ? [olivia, oscar] : [oscar, olivia]
})

afterAll(async () => {
  for (const socket of clients) socket.close()
  await Promise.all([nodeA?.stop(), nodeB?.stop()])
  await clearRedisKeys(keyPrefix)
})

describe('connecting', () => {
  it('refuses a handshake without a session or with a forged one', async () => {
    await expect(connect(nodeA.url, undefined)).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    })
    await expect(connect(nodeA.url, 'not-a-real-token')).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    })
  })

  it('refuses a valid session token with anything added to it, which cms would not take', async () => {
    const attendee = await newAttendee(cmsUrl, eventId)
    for (const padded of [
      `${attendee.token}    `,
      `${attendee.token}\u0100`,
      `${attendee.token}\n`,
    ]) {
      await expect(connect(nodeA.url, padded)).rejects.toMatchObject({
        message: 'UNAUTHENTICATED',
      })
    }
  })

  it('refuses a handshake from a page on a foreign origin, even with a valid session', async () => {
    const attendee = await newAttendee(cmsUrl, eventId)
    await expect(
      connect(nodeA.url, attendee.token, { origin: 'https://evil.example' }),
    ).rejects.toThrow()
    const socket = await connect(nodeA.url, attendee.token)
    expect(socket.connected).toBe(true)
    socket.close()
  })
})

describe('joining an event', () => {
  it('refuses users without a confirmed seat and another event’s organizer, with codes', async () => {
    const stranger = await newAttendee(cmsUrl)
    for (const session of [stranger, otherOrganizer]) {
      const socket = await connect(nodeA.url, session.token)
      clients.push(socket)
      const response = await request(socket, 'join', { eventId })
      expect(response).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } })
      const send = await request(socket, 'message', { eventId, text: 'let me in' })
      expect(send).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } })
    }
    const unknown = await connect(nodeA.url, stranger.token)
    clients.push(unknown)
    expect(await request(unknown, 'join', { eventId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('gives registrants, the organizer and admins the recent history and the presence count', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const sender = await joined(nodeA.url, alice)
    const text = `history ${uniqueId()}`
    expectOk(await request(sender, 'message', { eventId, text }))
    for (const session of [organizer, admin]) {
      const socket = await connect(nodeB.url, session.token)
      clients.push(socket)
      const result = expectOk(await request(socket, 'join', { eventId }))
      expect(result.role).toBe('moderator')
      expect(result.messages.at(-1)).toMatchObject({ text, author: { name: alice.name } })
      expect(result.presence).toBeGreaterThanOrEqual(2)
    }
  })
})

describe('chat across nodes', () => {
  it('a message sent on node A reaches a client on node B, and is stored before the ack', async () => {
    const [alice, bob] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    const onA = await joined(nodeA.url, alice)
    const onB = await joined(nodeB.url, bob)
    const text = `  hello from A ${uniqueId()}  `
    const received = nextLine(onB, (message) => message.text === text.trim())
    const ack = expectOk(await request(onA, 'message', { eventId, text, clientId: uniqueId() }))
    expect(ack.text).toBe(text.trim())
    const [stored] = await storedMessages(`where[id][equals]=${ack.id}`)
    expect(stored).toMatchObject({ message: text.trim(), user: alice.id, kind: 'chat' })
    expect(typeof stored.offsetSeconds).toBe('number')
    expect(await received).toMatchObject({ id: ack.id, author: { id: alice.id, name: alice.name } })
  })

  it('retrying a message with the same client id stores it once', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const clientId = uniqueId()
    const first = expectOk(await request(socket, 'message', { eventId, text: 'once', clientId }))
    const retry = expectOk(await request(socket, 'message', { eventId, text: 'once', clientId }))
    expect(retry.id).toBe(first.id)
    expect(await storedMessages(`where[clientId][equals]=${clientId}`)).toHaveLength(1)
  })

  it('rejects empty and over-long messages with the field named', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    for (const text of ['', '    ', 'x'.repeat(1001)]) {
      const response = await request(socket, 'message', { eventId, text })
      expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      if (!response.ok) expect(response.error.message).toMatch(/^text:/)
    }
    expect(
      expectOk(await request(socket, 'message', { eventId, text: 'y'.repeat(1000) })).text,
    ).toHaveLength(1000)
  })

  it('drops a client that sends a 65 KB payload, and stores nothing of it', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve))
    socket.emit('message', { eventId, text: 'z'.repeat(65 * 1024) }, () => undefined)
    expect(await disconnected).toBe('transport close')
    expect(await storedMessages(`where[user][equals]=${alice.id}`)).toHaveLength(0)
  })

  it('rate-limits the 4th message within a second', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) => request(socket, 'message', { eventId, text: `burst ${n}` })),
    )
    expect(responses.filter((response) => response.ok)).toHaveLength(3)
    const refused = responses.find((response) => !response.ok)
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(
      expectOk(await request(socket, 'message', { eventId, text: 'after a pause' })).text,
    ).toBe('after a pause')
  })

  it('stores and delivers an XSS payload as the same inert text', async () => {
    const [alice, bob] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    const sender = await joined(nodeA.url, alice)
    const reader = await joined(nodeB.url, bob)
    const text = `<img src=x onerror="alert(1)"><script>alert('x')</script>&amp; ${uniqueId()}`
    const received = nextLine(reader, (message) => message.text === text)
    const ack = expectOk(await request(sender, 'message', { eventId, text }))
    expect((await received).text).toBe(text)
    const [stored] = await storedMessages(`where[id][equals]=${ack.id}`)
    expect(stored.message).toBe(text)
  })

  it('pages history backwards', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const joinedAgain = expectOk(await request(socket, 'join', { eventId }))
    const oldest = joinedAgain.messages[0]!
    const page = expectOk(await request(socket, 'chat:history', { eventId, before: oldest.id }))
    for (const message of page.messages) expect(message.id).toBeLessThan(oldest.id)
  })
})

describe('questions', () => {
  it('counts one upvote per user (a second click takes it back), live on both nodes', async () => {
    const [alice, bob, carol] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    const asker = await joined(nodeA.url, alice)
    const voterB = await joined(nodeB.url, bob)
    const voterC = await joined(nodeA.url, carol)
    const asked = nextEvent(voterB, 'qa:question')
    const question = expectOk(
      await request(asker, 'qa:ask', { eventId, text: 'Will there be a recording?' }),
    )
    expect(question.kind).toBe('question')
    expect((await asked).id).toBe(question.id)

    const seenOnA = nextEvent(
      asker,
      'qa:votes',
      (votes) => votes.messageId === question.id && votes.upvotes === 1,
    )
    expect(
      expectOk(await request(voterB, 'qa:upvote', { eventId, messageId: question.id })),
    ).toMatchObject({
      upvotes: 1,
      hasVoted: true,
    })
    await seenOnA
    expect(
      expectOk(await request(voterC, 'qa:upvote', { eventId, messageId: question.id })).upvotes,
    ).toBe(2)
    expect(
      expectOk(await request(voterB, 'qa:upvote', { eventId, messageId: question.id })),
    ).toMatchObject({
      upvotes: 1,
      hasVoted: false,
    })
    expect(
      expectOk(await request(voterB, 'qa:upvote', { eventId, messageId: question.id })).upvotes,
    ).toBe(2)

    const later = expectOk(await request(asker, 'qa:ask', { eventId, text: 'And slides?' }))
    const rejoin = expectOk(await request(voterB, 'join', { eventId }))
    const ids = rejoin.questions.map((q: ChatMessage) => q.id)
    expect(ids.indexOf(question.id)).toBeLessThan(ids.indexOf(later.id))
    expect(rejoin.myVotes).toContain(question.id)
  })

  it('the organizer marks answered and pins; attendees may not', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const asker = await joined(nodeA.url, alice)
    const host = await joined(nodeB.url, organizer)
    const question = expectOk(await request(asker, 'qa:ask', { eventId, text: 'Q for the host' }))
    expect(
      await request(asker, 'qa:answer', { eventId, messageId: question.id, answered: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_MODERATOR' },
    })
    const updated = nextEvent(asker, 'qa:updated', (q) => q.id === question.id && q.pinned)
    expectOk(await request(host, 'qa:pin', { eventId, messageId: question.id, pinned: true }))
    await updated
    const answered = expectOk(
      await request(host, 'qa:answer', { eventId, messageId: question.id, answered: true }),
    )
    expect(answered).toMatchObject({ answered: true, pinned: true })
  })
})

describe('moderation', () => {
  it('a hidden message vanishes for everyone and stays in the database with who hid it', async () => {
    const [alice, bob] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    const sender = await joined(nodeA.url, alice)
    const reader = await joined(nodeB.url, bob)
    const host = await joined(nodeA.url, organizer)
    const message = expectOk(
      await request(sender, 'message', { eventId, text: `rude ${uniqueId()}` }),
    )
    expect(await request(sender, 'mod:hide', { eventId, messageId: message.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MODERATOR' },
    })
    const goneForReader = nextEvent(reader, 'mod:hidden', (e) => e.messageIds.includes(message.id))
    const goneForSender = nextEvent(sender, 'mod:hidden', (e) => e.messageIds.includes(message.id))
    expectOk(await request(host, 'mod:hide', { eventId, messageId: message.id }))
    await Promise.all([goneForReader, goneForSender])
    const history = expectOk(await request(reader, 'join', { eventId }))
    expect(history.messages.map((m) => m.id)).not.toContain(message.id)
    const [stored] = await storedMessages(`where[id][equals]=${message.id}`)
    expect(stored).toMatchObject({ hidden: true, hiddenBy: organizer.id })
    const audit = await api(
      cmsUrl,
      'GET',
      `/chat-moderation-actions?where[targetMessage][equals]=${message.id}&depth=0`,
      {
        token: organizer.token,
      },
    )
    expect(audit.body.docs).toMatchObject([
      { action: 'hide', actor: organizer.id, targetUser: alice.id },
    ])
  })

  it('a muted user is refused with MUTED on every node, and told so', async () => {
    const bob = await newAttendee(cmsUrl, eventId)
    const onA = await joined(nodeA.url, bob)
    const onB = await joined(nodeB.url, bob)
    const host = await joined(nodeB.url, organizer)
    const told = nextEvent(onA, 'mod:muted', (e) => e.userId === bob.id)
    expectOk(
      await request(host, 'mod:mute', { eventId, userId: bob.id, minutes: 5, reason: 'spam' }),
    )
    await told
    for (const socket of [onA, onB]) {
      expect(await request(socket, 'message', { eventId, text: 'can I?' })).toMatchObject({
        ok: false,
        error: { code: 'MUTED' },
      })
    }
    const rejoin = expectOk(await request(onA, 'join', { eventId }))
    expect(rejoin.mutedUntil).not.toBeNull()
  })

  it('a banned user leaves the room on every node and cannot join again', async () => {
    const carol = await newAttendee(cmsUrl, eventId)
    const onA = await joined(nodeA.url, carol)
    const host = await joined(nodeB.url, organizer)
    const told = nextEvent(onA, 'mod:banned', (e) => e.userId === carol.id)
    expect(await request(onA, 'mod:ban', { eventId, userId: carol.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MODERATOR' },
    })
    expectOk(await request(host, 'mod:ban', { eventId, userId: carol.id }))
    await told
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await request(onA, 'message', { eventId, text: 'still here?' })).ok).toBe(false)
    const fresh = await connect(nodeB.url, carol.token)
    clients.push(fresh)
    expect(await request(fresh, 'join', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'BANNED' },
    })
  })

  it('slow mode holds attendees to one message per interval, not the organizer', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const host = await joined(nodeB.url, organizer)
    const announced = nextEvent(socket, 'chat:settings', (e) => e.settings.slowModeSeconds === 30)
    expectOk(await request(host, 'mod:slowMode', { eventId, seconds: 30 }))
    await announced
    expectOk(await request(socket, 'message', { eventId, text: 'first' }))
    expect(await request(socket, 'message', { eventId, text: 'second' })).toMatchObject({
      ok: false,
      error: { code: 'SLOW_MODE' },
    })
    expectOk(await request(host, 'message', { eventId, text: 'hosts are not slowed' }))
    expectOk(await request(host, 'message', { eventId, text: 'really' }))
    expectOk(await request(host, 'mod:slowMode', { eventId, seconds: 0 }))
  })

  it('attendees report a message; the organizer and admins read the report', async () => {
    const [alice, bob] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    const author = await joined(nodeA.url, alice)
    const reporter = await joined(nodeB.url, bob)
    const message = expectOk(await request(author, 'message', { eventId, text: 'buy cheap stuff' }))
    expectOk(
      await request(reporter, 'mod:report', { eventId, messageId: message.id, reason: 'spam' }),
    )
    for (const session of [organizer, admin]) {
      const reports = await api(
        cmsUrl,
        'GET',
        `/chat-moderation-actions?where[action][equals]=report&where[targetMessage][equals]=${message.id}&depth=0`,
        {
          token: session.token,
        },
      )
      expect(reports.body.docs).toMatchObject([
        { actor: bob.id, targetUser: alice.id, reason: 'spam' },
      ])
    }
  })

  it('clearing the room hides every message for everyone', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, alice)
    const host = await joined(nodeB.url, organizer)
    expectOk(await request(socket, 'message', { eventId, text: 'before the clear' }))
    const cleared = nextEvent(socket, 'mod:cleared')
    expect(expectOk(await request(host, 'mod:clear', { eventId })).hidden).toBeGreaterThan(0)
    await cleared
    const history = expectOk(await request(socket, 'join', { eventId }))
    expect(history.messages).toEqual([])
    expect(history.questions).toEqual([])
  })
})

describe('moderation from the admin tools (cms) reaches live rooms', () => {
  it('a hide, a mute and a ban made in cms take effect on every node at once', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const bob = await newAttendee(cmsUrl, eventId)
    const onA = await joined(nodeA.url, alice)
    const onB = await joined(nodeB.url, bob)
    const text = `admin will hide this ${uniqueId()}`
    const posted = expectOk(await request(onA, 'message', { eventId, text }))

    const hidden = nextEvent(onB, 'mod:hidden', (event) => event.messageIds.includes(posted.id))
    const hide = await api(cmsUrl, 'POST', '/moderation', {
      token: organizer.token,
      body: { event: eventId, action: 'hide', message: posted.id },
    })
    expect(hide.status).toBe(201)
    await hidden

    const muted = nextEvent(onA, 'mod:muted', (event) => event.userId === alice.id)
    const mute = await api(cmsUrl, 'POST', '/moderation', {
      token: admin.token,
      body: { event: eventId, action: 'mute', user: alice.id, minutes: 5 },
    })
    expect(mute.status).toBe(201)
    await muted
    const refused = await request(onA, 'message', { eventId, text: 'still here?' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'MUTED' } })

    const banned = nextEvent(onB, 'mod:banned', (event) => event.userId === bob.id)
    await api(cmsUrl, 'POST', '/moderation', {
      token: organizer.token,
      body: { event: eventId, action: 'ban', user: bob.id },
    })
    await banned
    const afterBan = await request(onB, 'message', { eventId, text: 'am I out?' })
    expect(afterBan).toMatchObject({ ok: false })

    // Another event's organizer cannot moderate here.
    const foreign = await api(cmsUrl, 'POST', '/moderation', {
      token: otherOrganizer.token,
      body: { event: eventId, action: 'unban', user: bob.id },
    })
    expect(foreign.status).toBe(403)
  })
})
