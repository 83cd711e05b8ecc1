import { afterAll, beforeAll, expect, inject, it } from 'vitest'

import type { Ack, ChatMessage } from '../src/events.ts'
import {
  api,
  type ChatClient,
  clearRedisKeys,
  connect,
  expectOk,
  newAttendee,
  type RealtimeNode,
  request,
  startEventNow,
  startNode,
} from './helpers.ts'

const cmsUrl = inject('cmsUrl')
const keyPrefix = inject('keyPrefix')
const nodes: RealtimeNode[] = []
const clients: ChatClient[] = []
let eventId: number

beforeAll(async () => {
  const events = await api(
    cmsUrl,
    'GET',
    `/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0&sort=-startTime`,
  )
  eventId = events.body.docs.find((doc: any) => doc.capacity >= 50).id
  await startEventNow(cmsUrl, eventId)
})

afterAll(async () => {
  for (const socket of clients) socket.close()
  await Promise.all(nodes.map((node) => node.stop()))
  await clearRedisKeys(keyPrefix)
})

async function joinedOn(url: string, token: string) {
  const socket = await connect(url, token)
  clients.push(socket)
  const result = expectOk(await request(socket, 'join', { eventId }))
  return { socket, result }
}

async function fullHistory(socket: ChatClient, newest: ChatMessage[], hasMore: boolean) {
  const all = [...newest]
  while (hasMore && all.length > 0) {
    const page = expectOk(await request(socket, 'chat:history', { eventId, before: all[0]!.id }))
    all.unshift(...page.messages)
    hasMore = page.hasMoreHistory
  }
  return all
}

it('kill node A mid-conversation: its clients move to node B and every acknowledged message is kept, even after every node restarts', async () => {
  // cms takes at most 3 messages a second from one person: the conversation keeps below that.
  const count = 15
  const [nodeA, nodeB] = await Promise.all([
    startNode(cmsUrl, keyPrefix),
    startNode(cmsUrl, keyPrefix),
  ])
  nodes.push(nodeA, nodeB)
  const [alice, bob] = await Promise.all([
    newAttendee(cmsUrl, eventId),
    newAttendee(cmsUrl, eventId),
  ])
  let aliceSocket = (await joinedOn(nodeA.url, alice.token)).socket
  const { socket: bobSocket } = await joinedOn(nodeB.url, bob.token)
  const seenByBob = new Set<number>()
  bobSocket.on('messages', (lines) => lines.forEach((line) => seenByBob.add(line.id)))

  const acknowledged = new Set<number>()
  const killAt = setTimeout(() => nodeA.process.kill('SIGKILL'), 400)
  let reconnections = 0
  for (let n = 0; n < count; n++) {
    const payload = { eventId, text: `failover ${n}`, clientId: `failover-${alice.id}-${n}` }
    for (;;) {
      try {
        const response: Ack<ChatMessage> = await aliceSocket
          .timeout(2000)
          .emitWithAck('message', payload)
        acknowledged.add(expectOk(response).id)
        break
      } catch {
        // The node went away before answering: reconnect (as a load balancer would, to B) and resend.
        aliceSocket.close()
        aliceSocket = (await joinedOn(nodeB.url, alice.token)).socket
        reconnections++
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 350))
  }
  clearTimeout(killAt)
  expect(nodeA.process.signalCode).toBe('SIGKILL')
  expect(reconnections).toBeGreaterThanOrEqual(1)
  expect(acknowledged.size).toBe(count)

  // Every node restarts: the history comes from cms, complete.
  await nodeB.stop()
  const nodeC = await startNode(cmsUrl, keyPrefix)
  nodes.push(nodeC)
  const { socket, result } = await joinedOn(nodeC.url, bob.token)
  const history = await fullHistory(socket, result.messages, result.hasMoreHistory)
  const ids = new Set(history.map((message) => message.id))
  for (const id of acknowledged) expect(ids.has(id)).toBe(true)
  const texts = history
    .map((message) => message.text)
    .filter((text) => text.startsWith('failover '))
  expect(new Set(texts).size).toBe(texts.length)
  expect(texts).toHaveLength(count)
}, 60_000)

it('logging out in cms ends the user’s sockets', async () => {
  const node = await startNode(cmsUrl, keyPrefix)
  nodes.push(node)
  const alice = await newAttendee(cmsUrl, eventId)
  const { socket } = await joinedOn(node.url, alice.token)
  const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve))
  expect((await api(cmsUrl, 'POST', '/auth/logout', { token: alice.token })).status).toBe(200)
  expect(await disconnected).toBe('io server disconnect')
  await expect(connect(node.url, alice.token)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' })
})
