// Chat state shared by every node through Redis: per-person action limits, the
// slow-mode setting shown to clients, mutes and bans (who may be in the room).
// cms keeps the record and enforces the posting rules themselves
// (cms/src/services/chatRules.ts).
import type { Redis } from 'ioredis'

// Sliding window: the oldest entries fall out, at most `limit` remain in `window` ms.
const SLIDING_WINDOW = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0
`

export type ChatLimits = ReturnType<typeof createChatLimits>

/**
 * Every other action a person can repeat, limited per person across all their
 * tabs and nodes. Messages and questions are limited where they are stored (cms).
 * Joins allow a handful of tabs rejoining together after a reconnect.
 */
export const ACTION_LIMITS = {
  join: { limit: 20, windowMs: 10_000 },
  history: { limit: 10, windowMs: 10_000 },
  upvote: { limit: 10, windowMs: 10_000 },
  report: { limit: 5, windowMs: 60_000 },
} as const
export type LimitedAction = keyof typeof ACTION_LIMITS

export function createChatLimits(
  redis: Redis,
  prefix: string,
  ratePerSecond: number,
  joinsPer10Seconds: number = ACTION_LIMITS.join.limit,
) {
  const key = (...parts: (string | number)[]) => `${prefix}${parts.join(':')}`
  let sequence = 0
  const slidingWindow = async (windowKey: string, windowMs: number, limit: number) => {
    const now = Date.now()
    const member = `${now}-${process.pid}-${sequence++}`
    return Number(await redis.eval(SLIDING_WINDOW, 1, windowKey, now, windowMs, limit, member))
  }

  return {
    ratePerSecond,

    /** 0 when the user may do `action` now, otherwise the milliseconds to wait. */
    actionWait(userId: number, action: LimitedAction): Promise<number> {
      const { limit, windowMs } = ACTION_LIMITS[action]
      const allowed = action === 'join' ? joinsPer10Seconds : limit
      return slidingWindow(key('rate', action, userId), windowMs, allowed)
    },

    async slowModeSeconds(eventId: number): Promise<number> {
      return Number((await redis.get(key('slow', eventId))) ?? 0)
    },

    async setSlowMode(eventId: number, seconds: number) {
      if (seconds > 0) await redis.set(key('slow', eventId), seconds)
      else await redis.del(key('slow', eventId))
    },

    async mutedUntil(eventId: number, userId: number): Promise<string | null> {
      return redis.get(key('mute', eventId, userId))
    },

    async mute(eventId: number, userId: number, until: Date) {
      const ms = until.getTime() - Date.now()
      if (ms > 0) await redis.set(key('mute', eventId, userId), until.toISOString(), 'PX', ms)
    },

    async isBanned(eventId: number, userId: number): Promise<boolean> {
      return (await redis.exists(key('ban', eventId, userId))) === 1
    },

    async ban(eventId: number, userId: number) {
      await redis.set(key('ban', eventId, userId), '1')
    },

    async unmute(eventId: number, userId: number) {
      await redis.del(key('mute', eventId, userId))
    },

    async unban(eventId: number, userId: number) {
      await redis.del(key('ban', eventId, userId))
    },
  }
}
