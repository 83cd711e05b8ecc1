// Who may join an event's chat, shared by every node through Redis: filled
// from cms in one request per event (not one per socket), and kept current by
// cms itself, which writes a person's new standing into the same hash when
// their registration changes and drops the event's part when the event changes
// (cms/src/lib/realtimeBus.ts writes the same keys).
import type { Redis } from 'ioredis'
import { z } from 'zod'

import type { ChatAccess, CmsClient } from './cms.ts'
import type { ChatLimits } from './limits.ts'

export const accessKeys = (prefix: string) => ({
  /** HASH: `meta` (the event as JSON, or "null" when there is none), `u:<userId>` = "1" | "0". */
  room: (eventId: number) => `${prefix}access:${eventId}`,
  /** cms publishes `{ eventId, userId?, isAllowed? }` here after writing the hash. */
  channel: `${prefix}access`,
})

export type RoomMeta = { organizer: number; startTime: string }

// A person's standing written by cms wins over the bulk list (HSETNX): the list
// may have been read just before their registration changed.
const FILL = `
for i = 3, #ARGV do redis.call('HSETNX', KEYS[1], 'u:' .. ARGV[i], '1') end
redis.call('HSET', KEYS[1], 'meta', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`

const MISSING_EVENT_TTL_MS = 30_000

export type Standing = { meta: RoomMeta | null; isAttendee: boolean }

export function createRoomAccess({
  redis,
  prefix,
  cms,
  limits,
  ttlMs,
}: {
  redis: Redis
  prefix: string
  cms: CmsClient
  limits: ChatLimits
  ttlMs: number
}) {
  const keys = accessKeys(prefix)
  // One fill per event at a time on this node, however many sockets join at once.
  const filling = new Map<number, Promise<void>>()

  async function store(eventId: number, access: ChatAccess | null) {
    if (!access) {
      await redis.hset(keys.room(eventId), 'meta', 'null')
      await redis.pexpire(keys.room(eventId), MISSING_EVENT_TTL_MS)
      return
    }
    const meta: RoomMeta = { organizer: access.event.organizer, startTime: access.event.startTime }
    await redis.eval(FILL, 1, keys.room(eventId), ttlMs, JSON.stringify(meta), ...access.attendees)
    // The audit log in cms is the durable record of bans and mutes; Redis may have been flushed.
    await Promise.all([
      ...access.banned.map((userId) => limits.ban(eventId, userId)),
      ...access.muted.map(({ userId, until }) => limits.mute(eventId, userId, new Date(until))),
    ])
  }

  function fill(eventId: number): Promise<void> {
    let pending = filling.get(eventId)
    if (!pending) {
      pending = cms
        .chatAccess(eventId)
        .then((access) => store(eventId, access))
        .finally(() => filling.delete(eventId))
      filling.set(eventId, pending)
    }
    return pending
  }

  const metaSchema = z.object({ organizer: z.number(), startTime: z.string() }).nullable()

  return {
    keys,

    /** The event (null: no such event) and whether the user holds a confirmed seat in it. */
    async standing(eventId: number, userId: number): Promise<Standing> {
      for (let attempt = 0; ; attempt++) {
        const [meta = null, seat = null] = await redis.hmget(
          keys.room(eventId),
          'meta',
          `u:${userId}`,
        )
        if (meta !== null) {
          return { meta: metaSchema.parse(JSON.parse(meta)), isAttendee: seat === '1' }
        }
        if (attempt >= 2) throw new Error(`chat access of event ${eventId} not cached after a fill`)
        await fill(eventId)
      }
    },
  }
}

export type RoomAccess = ReturnType<typeof createRoomAccess>
