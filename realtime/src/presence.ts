import { randomUUID } from 'node:crypto'

import type { Redis } from 'ioredis'

import type { AppServer } from './handler.ts'
import { eventRoom } from './rooms.ts'

export type Presence = ReturnType<typeof createPresence>

const ROOM = /^event:(\d+)$/
// A node that stops refreshing (killed) drops out of every count after this.
const NODE_TTL_MS = 30_000
const HEARTBEAT_MS = 10_000

// KEYS[1] the room's node index (ZSET node → last heartbeat); ARGV[1] now, ARGV[2] ttl, ARGV[3] prefix of the node sets.
const COUNT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, tonumber(ARGV[1]) - tonumber(ARGV[2]))
local nodes = redis.call('ZRANGE', KEYS[1], 0, -1)
if #nodes == 0 then return 0 end
local sets = {}
for i, node in ipairs(nodes) do sets[i] = ARGV[3] .. node end
return #redis.call('SUNION', unpack(sets))
`

/**
 * Presence is the number of distinct people in an event room across all nodes.
 * Each node keeps, per room, the set of its users in Redis (refreshed while it
 * lives); the count is the size of the union over live nodes, so a person with
 * tabs on two nodes counts once and a killed node's people drop out by
 * themselves. It follows room membership through the adapter, so joins, leaves,
 * bans, cancelled seats and disconnects all count the same way. Bursts are
 * coalesced into one count and one broadcast per room and interval.
 */
export function createPresence(
  io: AppServer,
  redis: Redis,
  prefix: string,
  { delayMs = 1000 } = {},
) {
  const nodeId = randomUUID()
  const keys = {
    nodes: (eventId: number) => `${prefix}presence:${eventId}:nodes`,
    nodeSets: (eventId: number) => `${prefix}presence:${eventId}:node:`,
    mine: (eventId: number) => `${prefix}presence:${eventId}:node:${nodeId}`,
  }
  /** room → user → sockets of that user in the room, on this node. */
  const local = new Map<number, Map<number, number>>()
  const timers = new Map<number, NodeJS.Timeout>()
  const lastCount = new Map<number, number>()
  const onError = () => undefined

  const userOf = (socketId: string) => io.of('/').sockets.get(socketId)?.data.user?.id

  function announce(eventId: number, users: Map<number, number>) {
    void redis
      .multi()
      .sadd(keys.mine(eventId), ...users.keys())
      .pexpire(keys.mine(eventId), NODE_TTL_MS)
      .zadd(keys.nodes(eventId), Date.now(), nodeId)
      .pexpire(keys.nodes(eventId), NODE_TTL_MS)
      .exec()
      .catch(onError)
  }

  async function count(eventId: number): Promise<number> {
    const users = Number(
      await redis.eval(
        COUNT,
        1,
        keys.nodes(eventId),
        Date.now(),
        NODE_TTL_MS,
        keys.nodeSets(eventId),
      ),
    )
    lastCount.set(eventId, users)
    return users
  }

  function changed(eventId: number) {
    if (timers.has(eventId)) return
    timers.set(
      eventId,
      setTimeout(() => {
        timers.delete(eventId)
        const before = lastCount.get(eventId)
        count(eventId)
          .then((users) => {
            if (users !== before)
              io.to(eventRoom(eventId)).emit('presence', { eventId, count: users })
          })
          .catch(onError)
      }, delayMs),
    )
  }

  const adapter = io.of('/').adapter
  adapter.on('join-room', (room: string, socketId: string) => {
    const eventId = Number(ROOM.exec(room)?.[1])
    const userId = userOf(socketId)
    if (!eventId || !userId) return
    const users = local.get(eventId) ?? new Map<number, number>()
    local.set(eventId, users)
    const sockets = users.get(userId) ?? 0
    users.set(userId, sockets + 1)
    if (sockets === 0) {
      announce(eventId, new Map([[userId, 1]]))
      changed(eventId)
    }
  })
  adapter.on('leave-room', (room: string, socketId: string) => {
    const eventId = Number(ROOM.exec(room)?.[1])
    const userId = userOf(socketId)
    const users = local.get(eventId)
    if (!eventId || !userId || !users?.has(userId)) return
    const sockets = users.get(userId)! - 1
    if (sockets > 0) {
      users.set(userId, sockets)
      return
    }
    users.delete(userId)
    if (users.size === 0) local.delete(eventId)
    void redis.srem(keys.mine(eventId), userId).catch(onError)
    changed(eventId)
  })

  // Keeps this node's sets alive (and rebuilds them after a Redis restart).
  const heartbeat = setInterval(() => {
    for (const [eventId, users] of local) announce(eventId, users)
  }, HEARTBEAT_MS)
  heartbeat.unref()

  return {
    count,
    lastCount: (eventId: number) => lastCount.get(eventId),
    changed,
    async close() {
      clearInterval(heartbeat)
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      // Leave the counts at once instead of after NODE_TTL_MS.
      const multi = redis.multi()
      for (const eventId of local.keys()) {
        multi.del(keys.mine(eventId)).zrem(keys.nodes(eventId), nodeId)
      }
      await multi.exec().catch(onError)
    },
  }
}
