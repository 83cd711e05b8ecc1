// Chat state shared by every node through Redis: the slow-mode setting shown
// to clients, mutes and bans (who may be in the room). cms keeps the record and
// enforces the posting rules themselves (cms/src/services/chatRules.ts).
import type { Redis } from 'ioredis'

export type ChatLimits = ReturnType<typeof createChatLimits>

export function createChatLimits(redis: Redis, prefix: string, ratePerSecond: number) {
  const key = (...parts: (string | number)[]) => `${prefix}${parts.join(':')}`

  return {
    ratePerSecond,

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
