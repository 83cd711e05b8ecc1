import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import { env } from '../env'

/** How long a stream token lets the player fetch the replay and report attendance. */
export const STREAM_TOKEN_SECONDS = 10 * 60

export type StreamGrant = { userId: number; eventId: number; expiresAt: number }

// A key of its own, derived from the Payload secret, so a stream token is no session token.
const key = () => createHash('sha256').update(`stream-token:${env.PAYLOAD_SECRET}`).digest()

const signature = (body: string) => createHmac('sha256', key()).update(body).digest('base64url')

/** `<user>.<event>.<expires (unix s)>.<signature>` */
export function signStreamToken(
  userId: number,
  eventId: number,
  now = Date.now(),
): { token: string; expiresAt: Date } {
  const expiresAt = Math.floor(now / 1000) + STREAM_TOKEN_SECONDS
  const body = `${userId}.${eventId}.${expiresAt}`
  return { token: `${body}.${signature(body)}`, expiresAt: new Date(expiresAt * 1000) }
}

/** The grant a token carries, or null when it is malformed, forged, expired or for another event. */
export function verifyStreamToken(
  token: string,
  eventId: number,
  now = Date.now(),
): StreamGrant | null {
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [user, event, expires, given] = parts as [string, string, string, string]
  const expected = Buffer.from(signature(`${user}.${event}.${expires}`))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  const grant = { userId: Number(user), eventId: Number(event), expiresAt: Number(expires) }
  if (grant.eventId !== eventId || grant.expiresAt * 1000 <= now) return null
  return grant
}
