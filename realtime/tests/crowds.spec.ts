// A crowd on the live stage: sessions verified here without cms, who may join
// cached in Redis and kept current by cms, per-person limits on every action,
// presence across nodes, polite overload, and clients moving off a killed node.
import { SignJWT, decodeJwt } from 'jose'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { localEnv } from '../../scripts/lib/localEnv.ts'
import { realtimeServiceKey } from '../src/cms.ts'
import { payloadSigningKey } from '../src/session.ts'
import {
  api,
  type ChatClient,
  clearRedisKeys,
  connect,
  expectOk,
  login,
  newAttendee,
  nextEvent,
  type RealtimeNode,
  request,
  type Session,
  SITE_ORIGIN,
  startBalancer,
  startEventNow,
  startNode,
} from './helpers.ts'

const cmsUrl = inject('cmsUrl')
const keyPrefix = inject('keyPrefix')
const payloadSecret = localEnv().PAYLOAD_SECRET!

let nodeA: RealtimeNode
let nodeB: RealtimeNode
let eventId: number
let admin: Session
const clients: ChatClient[] = []
const extraNodes: RealtimeNode[] = []

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function joined(url: string, session: Session): Promise<ChatClient> {
  const socket = await connect(url, session.token)
  clients.push(socket)
  expectOk(await request(socket, 'join', { eventId }))
  return socket
}

/** Signs claims with the key cms uses, as cms would (same header). */
function sign(
  claims: Record<string, unknown>,
  { secret = payloadSecret, exp = '1h' }: { secret?: string; exp?: string | number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', authVersion: 1, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(payloadSigningKey(secret))
}

beforeAll(async () => {
  ;[nodeA, nodeB] = await Promise.all([startNode(cmsUrl, keyPrefix), startNode(cmsUrl, keyPrefix)])
  admin = await login(cmsUrl, 'admin@example.com', 'demo-admin-1')
  const events = await api(
    cmsUrl,
    'GET',
    `/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0&sort=startTime`,
  )
  eventId = events.body.docs.find((doc: any) => doc.capacity >= 50).id
  // Its chat must be open (cms opens it 15 minutes before the start) for the posting tests.
  await startEventNow(cmsUrl, eventId)
})

afterAll(async () => {
  for (const socket of clients) socket.close()
  await Promise.all([nodeA?.stop(), nodeB?.stop(), ...extraNodes.map((node) => node.stop())])
  await clearRedisKeys(keyPrefix)
})

describe('sessions are verified by realtime itself', () => {
  it('accepts a live session even while cms is unreachable', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const noCms = await startNode('http://127.0.0.1:9', keyPrefix)
    extraNodes.push(noCms)
    const socket = await connect(noCms.url, alice.token)
    clients.push(socket)
    expect(socket.connected).toBe(true)
  })

  it('refuses an expired token, a tampered one and one signed with another secret', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const claims = decodeJwt(alice.token)
    const rest = {
      id: claims.id,
      collection: claims.collection,
      sid: claims.sid,
      role: claims.role,
    }
    const expired = await sign(rest, { exp: Math.floor(Date.now() / 1000) - 5 })
    const [header, payload, signature] = alice.token.split('.')
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')
    const tampered = [header, asAdmin, signature].join('.')
    const foreign = await sign(rest, { secret: 'another-secret-of-32-characters!!' })
    for (const token of [expired, tampered, foreign, `${header}.${payload}.`]) {
      await expect(connect(nodeA.url, token)).rejects.toMatchObject({
        message: 'UNAUTHENTICATED',
      })
    }
    // The genuine token still works.
    const socket = await connect(nodeA.url, alice.token)
    clients.push(socket)
  })

  it('a logout in cms ends that session’s sockets on every node, and the token is refused after', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const onA = await joined(nodeA.url, alice)
    const onB = await joined(nodeB.url, alice)
    const ended = Promise.all(
      [onA, onB].map((socket) => new Promise((resolve) => socket.once('disconnect', resolve))),
    )
    expect((await api(cmsUrl, 'POST', '/auth/logout', { token: alice.token })).status).toBe(200)
    expect(await ended).toEqual(['io server disconnect', 'io server disconnect'])
    for (const node of [nodeA, nodeB]) {
      await expect(connect(node.url, alice.token)).rejects.toMatchObject({
        message: 'UNAUTHENTICATED',
      })
    }
  })

  it('logging out one session leaves the person’s other session connected', async () => {
    const alice = await newAttendee(cmsUrl, eventId)
    const email = (await api(cmsUrl, 'GET', '/auth/me', { token: alice.token })).body.user.email
    const laptop = await login(cmsUrl, email, 'correct-horse-battery')
    const phone = await joined(nodeA.url, alice)
    const onLaptop = await joined(nodeB.url, laptop)
    const ended = new Promise((resolve) => phone.once('disconnect', resolve))
    await api(cmsUrl, 'POST', '/auth/logout', { token: alice.token })
    await ended
    await sleep(300)
    expect(onLaptop.connected).toBe(true)
    expectOk(await request(onLaptop, 'message', { eventId, text: 'still here on the laptop' }))
  })

  it('disabling an account ends its sockets at once and refuses its tokens', async () => {
    const carol = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeB.url, carol)
    const ended = new Promise((resolve) => socket.once('disconnect', resolve))
    const disable = await api(cmsUrl, 'PATCH', `/users/${carol.id}`, {
      token: admin.token,
      body: { disabled: true },
    })
    expect(disable.status).toBe(200)
    expect(await ended).toBe('io server disconnect')
    await expect(connect(nodeA.url, carol.token)).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    })
  })

  it('a person banned in cms is refused on join even after Redis lost the ban', async () => {
    const organizer = await login(cmsUrl, 'olivia@example.com', 'demo-organizer-1')
    const oscar = await login(cmsUrl, 'oscar@example.com', 'demo-organizer-2')
    const event = (await api(cmsUrl, 'GET', `/events/${eventId}?depth=0`)).body
    const host = event.organizer === organizer.id ? organizer : oscar
    const dave = await newAttendee(cmsUrl, eventId)
    const socket = await joined(nodeA.url, dave)
    const banned = nextEvent(socket, 'mod:banned', (notice) => notice.userId === dave.id)
    const ban = await api(cmsUrl, 'POST', '/moderation', {
      token: host.token,
      body: { event: eventId, action: 'ban', user: dave.id },
    })
    expect(ban.status).toBe(201)
    await banned
    // Every realtime key gone (a Redis flush): the ban comes back from cms with the room's access.
    await clearRedisKeys(keyPrefix)
    const again = await connect(nodeB.url, dave.token)
    clients.push(again)
    expect(await request(again, 'join', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'BANNED' },
    })
  })
})

describe('who may join is cached, and cms keeps the cache current', () => {
  it('joins from the cache while cms is unreachable', async () => {
    const [alice, bob] = await Promise.all([
      newAttendee(cmsUrl, eventId),
      newAttendee(cmsUrl, eventId),
    ])
    // Alice's join through a node with cms fills the room's access and history.
    const sender = await joined(nodeA.url, alice)
    const text = `before the crowd ${Date.now()}`
    expectOk(await request(sender, 'message', { eventId, text }))
    const noCms = await startNode('http://127.0.0.1:9', keyPrefix)
    extraNodes.push(noCms)
    const socket = await connect(noCms.url, bob.token)
    clients.push(socket)
    const result = expectOk(await request(socket, 'join', { eventId }))
    expect(result.messages.at(-1)).toMatchObject({ text })
  })

  it('a cancelled registration loses the room within seconds; registering again regains it', async () => {
    const erin = await newAttendee(cmsUrl, eventId)
    const onA = await joined(nodeA.url, erin)
    const onB = await joined(nodeB.url, erin)
    const left = Promise.all(
      [onA, onB].map((socket) =>
        nextEvent(socket, 'chat:left', (notice) => notice.eventId === eventId, 5_000),
      ),
    )
    const started = Date.now()
    const cancel = await api(cmsUrl, 'DELETE', `/registrations/${erin.registrationId}`, {
      token: erin.token,
    })
    expect(cancel.status).toBeLessThan(300)
    expect(await left).toEqual([
      { eventId, code: 'NOT_REGISTERED' },
      { eventId, code: 'NOT_REGISTERED' },
    ])
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await request(onA, 'message', { eventId, text: 'am I in?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_JOINED' },
    })
    expect(await request(onB, 'join', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_REGISTERED' },
    })

    const again = await api(cmsUrl, 'POST', '/registrations', {
      token: erin.token,
      body: { event: eventId },
    })
    expect(again.status).toBeLessThan(300)
    expect(expectOk(await request(onB, 'join', { eventId })).role).toBe('attendee')
  })

  it('a person who registers after the room was cached gets in at once', async () => {
    const early = await newAttendee(cmsUrl, eventId)
    await joined(nodeA.url, early)
    const late = await newAttendee(cmsUrl, eventId)
    const socket = await connect(nodeB.url, late.token)
    clients.push(socket)
    expect(expectOk(await request(socket, 'join', { eventId })).role).toBe('attendee')
  })
})

describe('the bulk who-may-join list is for the realtime service only', () => {
  it('refuses anonymous callers, people (even admins) and a wrong key; answers the service', async () => {
    const attendee = await newAttendee(cmsUrl, eventId)
    const ask = (headers: Record<string, string>) =>
      fetch(`${cmsUrl}/api/events/${eventId}/chat-access`, { headers }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as any,
      }))
    const refusedHeaders: Record<string, string>[] = [
      {},
      { Authorization: `JWT ${attendee.token}` },
      { Authorization: `JWT ${admin.token}` },
      { 'X-Realtime-Service-Key': realtimeServiceKey('not-the-secret-of-this-cms') },
    ]
    for (const headers of refusedHeaders) {
      const refused = await ask(headers)
      expect(refused.status).toBe(401)
      expect(refused.body.errors[0].data.code).toBe('UNAUTHENTICATED')
      expect(JSON.stringify(refused.body)).not.toContain(String(attendee.id))
    }
    const granted = await ask({ 'X-Realtime-Service-Key': realtimeServiceKey(payloadSecret) })
    expect(granted.status).toBe(200)
    expect(granted.body.attendees).toContain(attendee.id)
    expect(granted.body.event).toMatchObject({ id: eventId })
  })
})

describe('every action is limited per person, across tabs and nodes', () => {
  it('joins, history pages, upvotes and reports past their limits answer RATE_LIMITED', async () => {
    const frank = await newAttendee(cmsUrl, eventId)
    const tabA = await joined(nodeA.url, frank)
    const tabB = await joined(nodeB.url, frank)
    const question = expectOk(await request(tabA, 'qa:ask', { eventId, text: 'Limits?' }))
    const burst = async (
      count: number,
      send: (n: number) => Promise<{ ok: boolean; error?: { code: string } }>,
    ) => {
      const responses = await Promise.all(Array.from({ length: count }, (_, n) => send(n)))
      return responses.filter((r) => !r.ok && r.error?.code === 'RATE_LIMITED').length
    }
    // Two tabs on two nodes share one person's allowance.
    const tab = (n: number) => (n % 2 === 0 ? tabA : tabB)
    expect(await burst(24, (n) => request(tab(n), 'join', { eventId }))).toBeGreaterThanOrEqual(4)
    expect(
      await burst(14, (n) => request(tab(n), 'chat:history', { eventId, before: question.id })),
    ).toBeGreaterThanOrEqual(4)
    expect(
      await burst(14, (n) => request(tab(n), 'qa:upvote', { eventId, messageId: question.id })),
    ).toBeGreaterThanOrEqual(4)
    expect(
      await burst(8, (n) =>
        request(tab(n), 'mod:report', { eventId, messageId: question.id, reason: `r${n}` }),
      ),
    ).toBeGreaterThanOrEqual(3)
    // Another person is not held back by Frank's bursts.
    const grace = await newAttendee(cmsUrl, eventId)
    const other = await joined(nodeA.url, grace)
    expectOk(await request(other, 'qa:upvote', { eventId, messageId: question.id }))
  })
})

describe('presence and overload', () => {
  it('counts distinct people across nodes through churn', async () => {
    // An event of its own, so other tests' sockets do not count.
    const events = await api(
      cmsUrl,
      'GET',
      `/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0&sort=-startTime`,
    )
    const roomId = events.body.docs.find((doc: any) => doc.capacity >= 10 && doc.id !== eventId).id
    const people = await Promise.all([0, 1, 2, 3].map(() => newAttendee(cmsUrl, roomId)))
    const tabOf = async (url: string, person: Session) => {
      const socket = await connect(url, person.token)
      clients.push(socket)
      expectOk(await request(socket, 'join', { eventId: roomId }))
      return socket
    }
    const watcher = await tabOf(nodeA.url, people[0]!)
    let latest = 0
    watcher.on('presence', (notice) => {
      if (notice.eventId === roomId) latest = notice.count
    })
    const settlesAt = async (count: number) => {
      const deadline = Date.now() + 10_000
      while (latest !== count && Date.now() < deadline) await sleep(100)
      expect(latest).toBe(count)
    }
    // Tabs of people 1–3 come and go on both nodes; each person keeps one tab (on node B).
    let tabs: ChatClient[] = []
    for (let round = 0; round < 3; round++) {
      tabs = await Promise.all(
        people.slice(1).flatMap((person) => [tabOf(nodeA.url, person), tabOf(nodeB.url, person)]),
      )
      for (const [index, socket] of tabs.entries()) {
        if (round < 2 || index % 2 === 0) socket.close()
      }
    }
    await settlesAt(4)
    // Person 1 closes their last tab: one fewer.
    tabs[1]!.close()
    await settlesAt(3)
  })

  it('a full node refuses new connections with OVERLOADED and a retry-after', async () => {
    const small = await startNode(cmsUrl, keyPrefix, { MAX_CONNECTIONS: '2' })
    extraNodes.push(small)
    const henry = await newAttendee(cmsUrl, eventId)
    for (let n = 0; n < 2; n++) clients.push(await connect(small.url, henry.token))
    const refused = await connect(small.url, henry.token).catch((error) => error)
    expect(refused).toMatchObject({ message: 'OVERLOADED' })
    expect(refused.data.retryAfterMs).toBeGreaterThanOrEqual(1000)
  })
})

describe('a crowd opening the watch page at once', () => {
  it('400 tabs of 25 people over both nodes are all admitted and in the room, none refused', async () => {
    const people = await Promise.all(Array.from({ length: 25 }, () => newAttendee(cmsUrl, eventId)))
    const startedAt = Date.now()
    const outcomes = await Promise.allSettled(
      Array.from({ length: 400 }, async (_, index) => {
        const person = people[index % people.length]!
        const socket = await connect(index % 2 === 0 ? nodeA.url : nodeB.url, person.token)
        clients.push(socket)
        return request(socket, 'join', { eventId })
      }),
    )
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected'
        ? [String(outcome.reason?.message)]
        : outcome.value.ok
          ? []
          : [outcome.value.error.code],
    )
    expect(refusals).toEqual([])
    // Generous for a shared 2-core test machine; the bench holds the 5 s target for 1,000.
    expect(Date.now() - startedAt).toBeLessThan(30_000)
  }, 120_000)
})

describe('a node is killed with its tabs on it', () => {
  it('250 tabs reconnect through the balancer to the other node within 10 s, costing cms nothing', async () => {
    const first = await startNode(cmsUrl, keyPrefix)
    // The survivor cannot reach cms at all: every rejoin is served from Redis.
    const second = await startNode('http://127.0.0.1:9', keyPrefix)
    extraNodes.push(first, second)
    const balancer = await startBalancer([first.port, second.port])
    const people = await Promise.all(Array.from({ length: 25 }, () => newAttendee(cmsUrl, eventId)))
    // 10 tabs each, with the client's own reconnection (jittered backoff), as the site's island.
    const tabs = people.flatMap((person) =>
      Array.from({ length: 10 }, () =>
        io(balancer.url, {
          transports: ['websocket'],
          auth: { token: person.token },
          extraHeaders: { origin: SITE_ORIGIN },
          forceNew: true,
          reconnectionDelay: 1000,
          reconnectionDelayMax: 5000,
          randomizationFactor: 0.5,
        }),
      ),
    )
    clients.push(...(tabs as ChatClient[]))
    const rejoined = new Set<number>()
    let killedAt = 0
    tabs.forEach((tab, index) => {
      tab.on('connect', () => {
        void (tab as ChatClient)
          .timeout(10_000)
          .emitWithAck('join', { eventId })
          .then((response) => {
            if (response.ok && killedAt > 0) rejoined.add(index)
          })
          // A join in flight when the node died: the reconnection joins again.
          .catch(() => undefined)
      })
    })
    const deadline = Date.now() + 60_000
    while (tabs.some((tab) => !tab.connected) && Date.now() < deadline) await sleep(100)
    expect(tabs.every((tab) => tab.connected)).toBe(true)
    // The crowd has settled (its first joins are out of the per-person join window) when the node dies.
    await sleep(10_500)
    killedAt = Date.now()
    first.process.kill('SIGKILL')
    while (rejoined.size < tabs.length && Date.now() - killedAt < 10_000) await sleep(100)
    expect(rejoined.size).toBe(tabs.length)
    for (const tab of tabs) tab.close()
    await balancer.stop()
  }, 180_000)
})
