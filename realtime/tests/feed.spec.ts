// Chat lines reach a room in batches (src/chatFeed.ts). The nodes here gather for a whole second,
// so what a batch holds does not depend on how fast this machine stores a message.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { ChatMessage } from '../src/events.ts'
import {
  api,
  type ChatClient,
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
} from './helpers.ts'

const cmsUrl = inject('cmsUrl')
const keyPrefix = inject('keyPrefix')
const WINDOW_MS = 1000

let nodeA: RealtimeNode
let nodeB: RealtimeNode
let eventId: number
let organizer: Session
const clients: ChatClient[] = []

async function joined(url: string, session: Session): Promise<ChatClient> {
  const socket = await connect(url, session.token)
  clients.push(socket)
  expectOk(await request(socket, 'join', { eventId }))
  return socket
}

/** Every `messages` frame the socket receives from now on. */
function framesOf(socket: ChatClient) {
  const frames: ChatMessage[][] = []
  socket.on('messages', (lines) => frames.push(lines))
  return frames
}

const post = async (socket: ChatClient, text: string) =>
  expectOk(await request(socket, 'message', { eventId, text }))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Alice posting on `senderNode` with the event's host beside her, Bob reading on `readerNode`,
 * and the room's window open: Alice's first line has gone out, so her next ones wait for a frame.
 */
async function openWindow(senderNode: RealtimeNode, readerNode: RealtimeNode) {
  const [alice, bob] = await Promise.all([
    newAttendee(cmsUrl, eventId),
    newAttendee(cmsUrl, eventId),
  ])
  const [sender, reader, host] = await Promise.all([
    joined(senderNode.url, alice),
    joined(readerNode.url, bob),
    joined(senderNode.url, organizer),
  ])
  const frames = framesOf(reader)
  const opener = nextLine(reader, (line) => line.text === 'opens the window')
  await post(sender, 'opens the window')
  await opener
  return { sender, reader, host, frames }
}

beforeAll(async () => {
  const env = { CHAT_BATCH_MS: String(WINDOW_MS) }
  ;[nodeA, nodeB] = await Promise.all([
    startNode(cmsUrl, keyPrefix, env),
    startNode(cmsUrl, keyPrefix, env),
  ])
  const events = await api(
    cmsUrl,
    'GET',
    `/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0&sort=startTime`,
  )
  const event = events.body.docs.find((doc: any) => doc.capacity >= 20)
  eventId = event.id
  await startEventNow(cmsUrl, eventId)
  const olivia = await login(cmsUrl, 'olivia@example.com', 'demo-organizer-1')
  organizer =
    event.organizer === olivia.id
      ? olivia
      : await login(cmsUrl, 'oscar@example.com', 'demo-organizer-2')
})

afterAll(async () => {
  for (const socket of clients) socket.close()
  await Promise.all([nodeA?.stop(), nodeB?.stop()])
})

describe('chat lines in batches', () => {
  it('a quiet room’s line goes out at once; lines stored on both nodes meanwhile arrive in one frame, oldest first', async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => newAttendee(cmsUrl, eventId)))
    const [reader, onA, onB, alsoOnA] = await Promise.all([
      joined(nodeB.url, people[0]!),
      joined(nodeA.url, people[1]!),
      joined(nodeB.url, people[2]!),
      joined(nodeA.url, people[3]!),
    ])
    const frames = framesOf(reader)

    const first = nextLine(reader, (line) => line.text === 'first')
    const postedAt = Date.now()
    await post(onA, 'first')
    await first
    // Far sooner than the window: a line in a quiet room does not wait for company.
    expect(Date.now() - postedAt).toBeLessThan(WINDOW_MS / 2)

    const acks = await Promise.all([
      post(onA, 'second'),
      post(onB, 'third'),
      post(alsoOnA, 'fourth'),
    ])
    await nextLine(reader, (line) => line.text === 'fourth', 5000)
    await sleep(WINDOW_MS + 200)
    expect(frames.map((lines) => lines.map((line) => line.text))).toEqual([
      ['first'],
      acks.sort((a, b) => a.id - b.id).map((line) => line.text),
    ])
  })

  it('a line hidden while it waits for its frame never reaches the room; the rest of the frame does', async () => {
    const { sender, reader, host, frames } = await openWindow(nodeA, nodeB)
    const spam = await post(sender, 'buy cheap stuff')
    await post(sender, 'a fine line')
    const hidden = nextEvent(reader, 'mod:hidden', (event) => event.messageIds.includes(spam.id))
    expectOk(await request(host, 'mod:hide', { eventId, messageId: spam.id }))
    await hidden
    await sleep(WINDOW_MS + 200)
    const texts = frames.flat().map((line) => line.text)
    expect(texts).toEqual(['opens the window', 'a fine line'])
  })

  it('clearing the chat drops the lines waiting for their frame', async () => {
    const { sender, reader, host, frames } = await openWindow(nodeB, nodeA)
    await post(sender, 'caught by the clear')
    const cleared = nextEvent(reader, 'mod:cleared')
    expectOk(await request(host, 'mod:clear', { eventId }))
    await cleared
    await sleep(WINDOW_MS + 200)
    expect(frames.flat().map((line) => line.text)).toEqual(['opens the window'])
  })
})
