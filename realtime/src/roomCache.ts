// What a join needs besides permission, kept per room in Redis so that a crowd
// joining costs cms one read per room: the recent chat messages (a ring kept
// current as messages are stored), the open questions, and each person's votes.
// Every structure carries a "filled" marker inside the same key, so it expires
// as a whole and a partial one (written to before any fill) is never taken for
// complete.
import type { Redis } from 'ioredis'

import { tokenOf } from './auth.ts'
import type { CmsClient } from './cms.ts'
import type { ChatMessage } from './events.ts'

const FILLED = 'filled'
const QUESTIONS_SHOWN = 100

// KEYS[1] ring; ARGV[1] ttl ms, ARGV[2] kept, ARGV[3] id, ARGV[4] message JSON.
// The marker has score 0, below every message, so trimming from the bottom keeps it.
const RING_ADD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[3], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2]) - 1
if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 1, excess) end
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return 1
`

const parseMessage = (raw: string) => JSON.parse(raw) as ChatMessage

export function createRoomCache({
  redis,
  prefix,
  cms,
  historyLimit,
  ttlMs,
}: {
  redis: Redis
  prefix: string
  cms: CmsClient
  historyLimit: number
  ttlMs: number
}) {
  const keys = {
    chat: (eventId: number) => `${prefix}room:${eventId}:chat`,
    questions: (eventId: number) => `${prefix}room:${eventId}:questions`,
    votes: (eventId: number, userId: number) => `${prefix}room:${eventId}:votes:${userId}`,
  }
  // The ring keeps one message more than a join shows, to tell whether older ones exist.
  const kept = historyLimit + 1
  const inFlight = new Map<string, Promise<void>>()
  const once = (key: string, load: () => Promise<void>) => {
    let pending = inFlight.get(key)
    if (!pending) {
      pending = load().finally(() => inFlight.delete(key))
      inFlight.set(key, pending)
    }
    return pending
  }

  async function fillChat(token: string, eventId: number) {
    const page = await cms.messages(token, eventId, { kind: 'chat', limit: kept })
    const key = keys.chat(eventId)
    const multi = redis.multi().zadd(key, 0, FILLED)
    for (const message of page.messages) {
      multi.zadd(key, 'NX', message.id, JSON.stringify(message))
    }
    await multi.pexpire(key, ttlMs).exec()
  }

  async function fillQuestions(token: string, eventId: number) {
    const page = await cms.messages(token, eventId, {
      kind: 'question',
      limit: QUESTIONS_SHOWN,
      sort: '-upvotes,id',
    })
    const key = keys.questions(eventId)
    const multi = redis.multi()
    // HSETNX: a question changed meanwhile (a vote, an answer) is newer than this page.
    for (const question of page.messages) {
      multi.hsetnx(key, String(question.id), JSON.stringify(question))
    }
    await multi.hset(key, FILLED, '1').pexpire(key, ttlMs).exec()
  }

  async function fillVotes(token: string, eventId: number, userId: number) {
    const votes = await cms.myVotes(token, userId, eventId)
    const key = keys.votes(eventId, userId)
    await redis
      .multi()
      .sadd(key, '0', ...votes.map((vote) => String(vote.messageId)))
      .pexpire(key, ttlMs)
      .exec()
  }

  return {
    /** The newest messages, oldest first, and whether older ones exist. */
    async recentChat(socket: object, eventId: number) {
      const key = keys.chat(eventId)
      for (let attempt = 0; attempt < 2; attempt++) {
        const [marker, raw] = await Promise.all([
          redis.zscore(key, FILLED),
          redis.zrange(key, -kept, -1),
        ])
        if (marker !== null) {
          const messages = raw.filter((member) => member !== FILLED).map(parseMessage)
          const hasMoreHistory = messages.length > historyLimit
          return { messages: messages.slice(-historyLimit), hasMoreHistory }
        }
        await once(key, () => fillChat(tokenOf(socket), eventId))
      }
      // Filled and already gone again (a clear): cms has the answer.
      const page = await cms.messages(tokenOf(socket), eventId, {
        kind: 'chat',
        limit: historyLimit,
      })
      return { messages: page.messages.reverse(), hasMoreHistory: page.hasNextPage }
    },

    /** The open questions, most votes first. */
    async questions(socket: object, eventId: number): Promise<ChatMessage[]> {
      const key = keys.questions(eventId)
      let all = await redis.hgetall(key)
      if (all[FILLED] === undefined) {
        await once(key, () => fillQuestions(tokenOf(socket), eventId))
        all = await redis.hgetall(key)
      }
      delete all[FILLED]
      return Object.values(all)
        .map(parseMessage)
        .sort((a, b) => b.upvotes - a.upvotes || a.id - b.id)
        .slice(0, QUESTIONS_SHOWN)
    },

    /** The questions this person voted for. */
    async myVotes(socket: object, eventId: number, userId: number): Promise<number[]> {
      const key = keys.votes(eventId, userId)
      let ids = await redis.smembers(key)
      if (!ids.includes('0')) {
        await once(key, () => fillVotes(tokenOf(socket), eventId, userId))
        ids = await redis.smembers(key)
      }
      return ids.map(Number).filter((id) => id > 0)
    },

    /** A message or question just stored in cms (or changed there). */
    async stored(message: ChatMessage) {
      if (message.kind === 'chat') {
        await redis.eval(
          RING_ADD,
          1,
          keys.chat(message.eventId),
          ttlMs,
          kept,
          message.id,
          JSON.stringify(message),
        )
      } else {
        const key = keys.questions(message.eventId)
        await redis
          .multi()
          .hset(key, String(message.id), JSON.stringify(message))
          .pexpire(key, ttlMs, 'NX')
          .exec()
      }
    },

    async voted(eventId: number, userId: number, messageId: number, hasVoted: boolean) {
      const key = keys.votes(eventId, userId)
      // Only a filled set is kept current; an unfilled one is read from cms on the next join.
      if (!(await redis.sismember(key, '0'))) return
      if (hasVoted) await redis.sadd(key, String(messageId))
      else await redis.srem(key, String(messageId))
    },

    async hidden(eventId: number, messageIds: number[]) {
      const multi = redis.multi()
      for (const id of messageIds) {
        multi.zremrangebyscore(keys.chat(eventId), id, id).hdel(keys.questions(eventId), String(id))
      }
      await multi.exec()
    },

    /** Drops the room's messages and questions (a clear, an unhide): the next join reads them from cms. */
    async forget(eventId: number) {
      await redis.del(keys.chat(eventId), keys.questions(eventId))
    },
  }
}

export type RoomCache = ReturnType<typeof createRoomCache>
