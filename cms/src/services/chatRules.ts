import type { PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import { CHAT_ERROR } from '../contract/chat'
import { RequestError } from '../lib/errors'
import { chatRateLimit, rateLimitKey, tooManyRequests } from '../lib/rateLimit'
import { readyRedis } from '../lib/redis'
import { idOf } from './bookableEvent'
import { chatEventOf } from './chatEvent'
import { DOORS_OPEN_MINUTES } from './streamAccess'
import { slugs } from '../plugin/settings'

// Sliding window: entries older than the window fall out; at most ARGV[3] remain.
// Returns 0 when counted, otherwise the milliseconds until a slot frees up.
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

let sequence = 0

/** Milliseconds the person must wait before posting again (0: counted now). */
async function chatRateWait(userId: number): Promise<number> {
  const redis = await readyRedis()
  const now = Date.now()
  const wait = await redis.eval(
    SLIDING_WINDOW,
    1,
    rateLimitKey('chat', 'rate', userId),
    now,
    chatRateLimit.windowMs,
    chatRateLimit.max,
    `${now}-${process.pid}-${sequence++}`,
  )
  return Number(wait)
}

/** Claims the person's slow-mode slot in the event; the milliseconds left when taken. */
async function slowModeWait(eventId: number, userId: number, seconds: number): Promise<number> {
  const redis = await readyRedis()
  const slot = rateLimitKey('chat', 'slow', eventId, userId)
  if ((await redis.set(slot, '1', 'PX', seconds * 1000, 'NX')) === 'OK') return 0
  return Math.max(1, await redis.pttl(slot))
}

/**
 * What moderation decided about the person in the event: their latest mute/ban decisions and the
 * event's latest slow-mode setting, in one query (every post asks). Read with overrideAccess: it is
 * part of the decision about req.user, like confirmedEventIds. A person's decisions and an event's
 * slow-mode changes are few, so all of them are read: a limit could cut off the latest ban.
 */
async function moderationOf(req: PayloadRequest, eventId: number, userId: number) {
  const { docs } = await req.payload.find({
    collection: slugs.chatModerationActions,
    where: {
      and: [
        { event: { equals: eventId } },
        {
          or: [
            {
              and: [
                { targetUser: { equals: userId } },
                { action: { in: ['mute', 'unmute', 'ban', 'unban'] } },
              ],
            },
            { action: { equals: 'slow_mode' } },
          ],
        },
      ],
    },
    select: { action: true, until: true, slowModeSeconds: true },
    sort: '-id',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const latest = (actions: string[]) => docs.find((doc) => actions.includes(doc.action))
  const mute = latest(['mute', 'unmute'])
  // A mute without an end lasts until it is lifted.
  const isMuted = mute?.action === 'mute' && (!mute.until || Date.parse(mute.until) > Date.now())
  return {
    isBanned: latest(['ban', 'unban'])?.action === 'ban',
    isMuted,
    mutedUntil: mute?.until,
    slowModeSeconds: latest(['slow_mode'])?.slowModeSeconds ?? 0,
  }
}

const bannedError = () =>
  new RequestError('You were removed from this event’s chat.', 403, { code: CHAT_ERROR.banned })

/**
 * A person banned from an event's chat takes no part in it at all: besides
 * posting (assertMayPost), they neither upvote nor report there.
 */
export async function assertNotBanned(req: PayloadRequest, eventId: number): Promise<void> {
  if (!req.user || checkRole(['admin'], req.user)) return
  if ((await moderationOf(req, eventId, req.user.id)).isBanned) throw bannedError()
}

/**
 * Events whose chat the caller is banned from (the latest ban/unban decision
 * is a ban): they read none of its messages, as realtime lets them not join.
 */
export async function bannedEventIds(req: PayloadRequest): Promise<number[]> {
  if (!req.user) return []
  const { docs } = await req.payload.find({
    collection: slugs.chatModerationActions,
    where: {
      and: [{ targetUser: { equals: req.user.id } }, { action: { in: ['ban', 'unban'] } }],
    },
    select: { event: true, action: true },
    sort: '-id',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const latest = new Map<number, string>()
  for (const doc of docs) {
    const eventId = idOf(doc.event)
    if (eventId !== undefined && !latest.has(eventId)) latest.set(eventId, doc.action)
  }
  return [...latest].filter(([, action]) => action === 'ban').map(([eventId]) => eventId)
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/**
 * The one place the chat's posting rules live: every chat line and question
 * stored by cms (realtime posts through POST /api/chat-messages with the
 * person's token) passes here. Attendees: the chat is open from 15 minutes
 * before the start, not while banned or muted, and at most one message per
 * slow-mode interval; everyone (moderators too): the per-second burst limit.
 * The event's organizer and admins moderate, so bans, mutes, slow mode and
 * the opening time do not hold them. Throws a RequestError with a CHAT_ERROR code.
 */
export async function assertMayPost(req: PayloadRequest, eventId: number): Promise<void> {
  const { user } = req
  if (!user) return
  const event = await chatEventOf(req, eventId)
  if (!event) return
  const isModerator = checkRole(['admin'], user) || idOf(event.organizer) === user.id

  let slowSeconds = 0
  if (!isModerator) {
    const opensAt = new Date(Date.parse(event.startTime) - DOORS_OPEN_MINUTES * 60_000)
    if (Date.now() < opensAt.getTime()) {
      throw new RequestError(
        `The chat opens ${DOORS_OPEN_MINUTES} minutes before the start.`,
        403,
        { code: CHAT_ERROR.notOpen, opensAt: opensAt.toISOString() },
      )
    }
    // Read before the Redis checks: a database error fails the post instead of passing for Redis.
    const restrictions = await moderationOf(req, eventId, user.id)
    if (restrictions.isBanned) throw bannedError()
    if (restrictions.isMuted) {
      throw new RequestError(
        restrictions.mutedUntil
          ? `You are muted until ${restrictions.mutedUntil}.`
          : 'You are muted.',
        403,
        { code: CHAT_ERROR.muted, until: restrictions.mutedUntil ?? null },
      )
    }
    slowSeconds = restrictions.slowModeSeconds
  }

  try {
    const rateWait = await chatRateWait(user.id)
    if (rateWait > 0) {
      throw tooManyRequests(req, seconds(rateWait), 'Slow down a little.', {
        code: CHAT_ERROR.rateLimited,
        retryAfterMs: rateWait,
      })
    }
    if (slowSeconds > 0) {
      const wait = await slowModeWait(eventId, user.id, slowSeconds)
      if (wait > 0) {
        throw tooManyRequests(
          req,
          seconds(wait),
          `Slow mode: one message every ${slowSeconds} s.`,
          {
            code: CHAT_ERROR.slowMode,
            retryAfterMs: wait,
          },
        )
      }
    }
  } catch (error) {
    if (error instanceof RequestError) throw error
    // Like every limiter here: Redis being away must not take the chat down with it.
    req.payload.logger.warn({ err: error }, 'chat limits not checked: Redis unavailable')
  }
}
