// Verifies Payload session tokens here, without asking cms: the token is a
// JWT that cms signs with a key derived from PAYLOAD_SECRET, and it carries
// the session id (`sid`). cms tells us which sessions ended (logout, disabled
// account, deleted user, lost role) through Redis keys and a pub/sub channel.
import { createHash } from 'node:crypto'

import type { Redis } from 'ioredis'
import { errors, jwtVerify } from 'jose'
import { z } from 'zod'

import type { ChatUser } from './events.ts'

/** Payload's JWT format version, in the protected header of every token it signs. */
const PAYLOAD_JWT_AUTH_VERSION = 1

const claimsSchema = z.object({
  id: z.number().int().positive(),
  collection: z.literal('users'),
  sid: z.string().min(1),
  role: z.enum(['user', 'organizer', 'admin']),
  iat: z.number(),
  exp: z.number(),
})

export type Session = { user: ChatUser; sid: string; issuedAt: number; expiresAt: number }

/** Why a token is refused; every reason answers UNAUTHENTICATED to the client. */
export type SessionRefusal = 'malformed' | 'expired' | 'signature' | 'revoked'

/** Payload hashes its secret before signing (payload/dist/index.js: sha256 hex, first 32 chars). */
export const payloadSigningKey = (payloadSecret: string) =>
  new TextEncoder().encode(createHash('sha256').update(payloadSecret).digest('hex').slice(0, 32))

/** The Redis keys and channel cms writes when sessions end (cms/src/lib/realtimeBus.ts). */
export const sessionKeys = (prefix: string) => ({
  revokedSession: (sid: string) => `${prefix}revoked:sid:${sid}`,
  /** Epoch seconds: every session of the user issued at or before it is over. */
  revokedUserBefore: (userId: number) => `${prefix}revoked:user:${userId}`,
  channel: `${prefix}sessions`,
})

// Failed handshakes are remembered briefly, so a client retrying a dead token
// costs a map lookup instead of a signature check and a Redis round trip.
const FAILED_TTL_MS = 30_000
const FAILED_MAX = 10_000

/**
 * A token exactly as cms signs it: three base64url parts. jose decodes leniently (it skips
 * whitespace and more), so a signed token with junk added would verify here, be kept for the
 * socket, and then be refused by cms with every post it is sent with.
 */
const isCompactJwt = (token: string) =>
  token.length <= 4096 && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)

export function createSessionVerifier({
  payloadSecret,
  redis,
  prefix,
}: {
  payloadSecret: string
  redis: Redis
  prefix: string
}) {
  const key = payloadSigningKey(payloadSecret)
  const keys = sessionKeys(prefix)
  const failed = new Map<string, { reason: SessionRefusal; until: number }>()

  function remember(token: string, reason: SessionRefusal): SessionRefusal {
    if (failed.size >= FAILED_MAX) failed.delete(failed.keys().next().value!)
    failed.set(token, { reason, until: Date.now() + FAILED_TTL_MS })
    return reason
  }

  async function isRevoked(session: Omit<Session, 'user'> & { userId: number }) {
    const [sessionEnded, userBefore] = await redis.mget(
      keys.revokedSession(session.sid),
      keys.revokedUserBefore(session.userId),
    )
    return sessionEnded !== null || (userBefore !== null && session.issuedAt <= Number(userBefore))
  }

  return {
    keys,

    /** The session of a token, or the reason it is refused. */
    async verify(token: string): Promise<Session | SessionRefusal> {
      if (!isCompactJwt(token)) return 'malformed'
      const known = failed.get(token)
      if (known && known.until > Date.now()) return known.reason
      if (known) failed.delete(token)
      let claims: z.infer<typeof claimsSchema>
      try {
        const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ['HS256'] })
        if (protectedHeader.authVersion !== PAYLOAD_JWT_AUTH_VERSION) {
          return remember(token, 'malformed')
        }
        const parsed = claimsSchema.safeParse(payload)
        if (!parsed.success) return remember(token, 'malformed')
        claims = parsed.data
      } catch (error) {
        if (error instanceof errors.JWTExpired) return remember(token, 'expired')
        if (error instanceof errors.JWSSignatureVerificationFailed) {
          return remember(token, 'signature')
        }
        return remember(token, 'malformed')
      }
      const session = { sid: claims.sid, issuedAt: claims.iat, expiresAt: claims.exp }
      if (await isRevoked({ ...session, userId: claims.id })) return remember(token, 'revoked')
      return { ...session, user: { id: claims.id, name: '', role: claims.role } }
    },
  }
}

export type SessionVerifier = ReturnType<typeof createSessionVerifier>
