import { createHmac, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { parseEnv } from '../env'
import { readyRedis } from './redis'

// What the realtime gateway needs to know from cms without asking it for every
// socket: which sessions ended and who may be in an event's chat. Each fact is
// written into Redis (so a node that starts later still sees it) and published
// (so live sockets react at once). The key layout is read by
// realtime/src/session.ts and realtime/src/access.ts.

const prefix = () => parseEnv(process.env).REALTIME_KEY_PREFIX

/** As long as a session token lives (the users collection's tokenExpiration). */
const SESSION_SECONDS = 7 * 24 * 60 * 60
/** A who-may-join hash that cms starts (realtime fills it and sets its own expiry). */
const ACCESS_TTL_MS = 10 * 60_000

/** The header carrying realtime's service key on its calls to cms. */
export const REALTIME_SERVICE_HEADER = 'x-realtime-service-key'

/** realtime derives the same key from the secret both share (realtime/src/cms.ts). */
const realtimeServiceKey = () =>
  createHmac('sha256', parseEnv(process.env).PAYLOAD_SECRET)
    .update('event-portal realtime service')
    .digest('hex')

/** Whether the request comes from the realtime gateway (service endpoints only). */
export function isRealtimeService(req: PayloadRequest): boolean {
  const given = Buffer.from(req.headers.get(REALTIME_SERVICE_HEADER) ?? '')
  const expected = Buffer.from(realtimeServiceKey())
  return given.length === expected.length && timingSafeEqual(given, expected)
}

async function send(req: PayloadRequest, what: string, write: (p: string) => Promise<unknown>) {
  try {
    await write(prefix())
  } catch (error) {
    // The change is stored; realtime learns it when its cache expires or the session does.
    req.payload.logger.warn({ msg: `realtime not told: ${what}`, err: error })
  }
}

/** One session ended (`sid`), or every session of the user issued until now. */
export function revokeSessions(req: PayloadRequest, userId: number, sid?: string) {
  return send(req, `sessions of user ${userId} ended`, async (p) => {
    const redis = await readyRedis()
    const multi = redis.multi()
    if (sid) multi.set(`${p}revoked:sid:${sid}`, '1', 'EX', SESSION_SECONDS)
    else
      multi.set(`${p}revoked:user:${userId}`, Math.floor(Date.now() / 1000), 'EX', SESSION_SECONDS)
    await multi.publish(`${p}sessions`, JSON.stringify({ userId, sid })).exec()
  })
}

// The person's standing wins over a bulk list realtime may be filling meanwhile.
const SET_SEAT = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1
`

type Seat = { eventId: number; userId: number; isAllowed: boolean }

/** How long a seat waits for others to share its Redis round trip. */
const SEAT_BATCH_MS = 20
let seatBatch: { seats: Seat[]; published: Promise<void> } | undefined

/**
 * Whether the user may be in the event's chat now (a confirmed registration). Seats changed
 * within a few milliseconds go in one pipeline: a ticket rush confirms hundreds a second.
 */
export function publishSeat(
  req: PayloadRequest,
  eventId: number,
  userId: number,
  isAllowed: boolean,
): Promise<void> {
  if (!seatBatch) {
    const seats: Seat[] = []
    const published = new Promise((resolve) => setTimeout(resolve, SEAT_BATCH_MS)).then(() => {
      seatBatch = undefined
      return send(
        req,
        `${seats.length} seat(s), the first of user ${userId} in event ${eventId}`,
        (p) => publishSeats(p, seats),
      )
    })
    seatBatch = { seats, published }
  }
  seatBatch.seats.push({ eventId, userId, isAllowed })
  return seatBatch.published
}

async function publishSeats(p: string, seats: Seat[]) {
  const redis = await readyRedis()
  const pipeline = redis.pipeline()
  for (const { eventId, userId, isAllowed } of seats) {
    pipeline.eval(
      SET_SEAT,
      1,
      `${p}access:${eventId}`,
      `u:${userId}`,
      isAllowed ? '1' : '0',
      ACCESS_TTL_MS,
    )
    pipeline.publish(`${p}access`, JSON.stringify({ eventId, userId, isAllowed }))
  }
  const results = (await pipeline.exec()) ?? []
  const failed = results.find(([error]) => error)
  if (failed) throw failed[0]
}

/** The event's organizer or times changed: realtime reads them again on the next join. */
export function publishEventChanged(req: PayloadRequest, eventId: number) {
  return send(req, `event ${eventId} changed`, async (p) => {
    const redis = await readyRedis()
    await redis.hdel(`${p}access:${eventId}`, 'meta')
    await redis.publish(`${p}access`, JSON.stringify({ eventId }))
  })
}
