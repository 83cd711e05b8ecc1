// How chat lines reach a room's sockets: in batches. A frame costs a node about 17 µs per socket
// (mostly the write system call) and each client as much again to read it, whatever it
// carries; at 40 lines a second to 1,000 sockets that alone took a core. So a room gets at most
// one `messages` frame per window on each node: a line in a quiet room goes out at once and
// opens the window; lines stored while it is open go out together when it closes (oldest
// first). Every node hears every line over one Redis channel and batches for its own sockets,
// so a batch holds the lines stored on all nodes.
//
// Hiding and clearing travel the same way, so a line hidden while it waited in a batch is
// dropped from it instead of reaching the room after the notice that removed it.
import type { Redis } from 'ioredis'
import { z } from 'zod'

import type { ChatMessage } from './events.ts'
import type { AppServer } from './handler.ts'
import { eventRoom } from './rooms.ts'

type FeedItem =
  | { kind: 'line'; message: ChatMessage }
  | { kind: 'hidden'; eventId: number; messageIds: number[] }
  | { kind: 'cleared'; eventId: number }

// Lines are written by the nodes themselves; only their outline is checked.
const itemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('line'),
    message: z.looseObject({ id: z.number(), eventId: z.number() }),
  }),
  z.object({ kind: z.literal('hidden'), eventId: z.number(), messageIds: z.array(z.number()) }),
  z.object({ kind: z.literal('cleared'), eventId: z.number() }),
])

/** A room whose window is open: the lines waiting for it to close. */
type OpenWindow = { lines: ChatMessage[]; timer: NodeJS.Timeout }

export function createChatFeed({
  io,
  redis,
  subscriber,
  channel,
  windowMs,
  log,
}: {
  io: AppServer
  redis: Redis
  /** A subscriber connection of this node (shared with other channels). */
  subscriber: Redis
  channel: string
  windowMs: number
  log: (message: string, error?: unknown) => void
}) {
  const open = new Map<number, OpenWindow>()

  const send = (eventId: number, lines: ChatMessage[]) =>
    io.local.to(eventRoom(eventId)).emit('messages', lines)

  function closeWindow(eventId: number) {
    const window = open.get(eventId)
    if (!window) return
    if (window.lines.length === 0) {
      open.delete(eventId)
      return
    }
    send(
      eventId,
      window.lines.sort((a, b) => a.id - b.id),
    )
    window.lines = []
    window.timer = setTimeout(() => closeWindow(eventId), windowMs)
  }

  /** What one node does with an item, wherever it was published. */
  function applyHere(item: FeedItem) {
    if (item.kind === 'line') {
      const { eventId } = item.message
      const window = open.get(eventId)
      if (window) {
        window.lines.push(item.message)
        return
      }
      send(eventId, [item.message])
      open.set(eventId, {
        lines: [],
        timer: setTimeout(() => closeWindow(eventId), windowMs),
      })
      return
    }
    const window = open.get(item.eventId)
    if (item.kind === 'hidden') {
      if (window) window.lines = window.lines.filter((line) => !item.messageIds.includes(line.id))
      io.local
        .to(eventRoom(item.eventId))
        .emit('mod:hidden', { eventId: item.eventId, messageIds: item.messageIds })
    } else {
      if (window) window.lines = []
      io.local.to(eventRoom(item.eventId)).emit('mod:cleared', { eventId: item.eventId })
    }
  }

  subscriber.on('message', (received, raw) => {
    if (received !== channel) return
    let item: FeedItem
    try {
      item = itemSchema.parse(JSON.parse(raw)) as FeedItem
    } catch (error) {
      log('ignored a malformed chat feed item', error)
      return
    }
    applyHere(item)
  })

  const publish = async (item: FeedItem) => {
    await redis.publish(channel, JSON.stringify(item))
  }

  return {
    subscribed: subscriber.subscribe(channel),
    /** A stored chat line, to every room member on every node. */
    line: (message: ChatMessage) => publish({ kind: 'line', message }),
    /** Messages hidden by a moderator, on every node. */
    hidden: (eventId: number, messageIds: number[]) =>
      publish({ kind: 'hidden', eventId, messageIds }),
    /** Every message of the event hidden, on every node. */
    cleared: (eventId: number) => publish({ kind: 'cleared', eventId }),
    /** For notices every node hears already (cms's moderation channel): this node only. */
    applyHere,
    close() {
      for (const window of open.values()) clearTimeout(window.timer)
      open.clear()
    },
  }
}

export type ChatFeed = ReturnType<typeof createChatFeed>
