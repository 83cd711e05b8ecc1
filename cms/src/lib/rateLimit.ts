import { headersWithCors, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { env } from '../env'
import { RequestError } from './errors'
import { readyRedis } from './redis'

/** "<max>/<seconds>": at most `max` requests per window of `seconds`. */
const limitSchema = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .pipe(
      z.string().regex(/^[1-9]\d*\/[1-9]\d*$/, 'must look like "<max>/<seconds>", e.g. "10/60"'),
    )
    .transform((value) => {
      const [max, seconds] = value.split('/').map(Number) as [number, number]
      return { max, windowMs: seconds * 1000 }
    })

const rateLimitEnvSchema = z.object({
  RATE_LIMIT_LOGIN: limitSchema('10/60'),
  RATE_LIMIT_REGISTER: limitSchema('20/600'),
  RATE_LIMIT_REGISTRATIONS: limitSchema('30/60'),
  RATE_LIMIT_CHECKOUT: limitSchema('10/60'),
  RATE_LIMIT_PASSWORD_RESET: limitSchema('5/600'),
  // Failed logins from one address across all accounts (password spraying).
  RATE_LIMIT_LOGIN_FAILURES: limitSchema('30/900'),
  // Chat lines and questions per person, as a sliding window (realtime's RATE_LIMIT_PER_SECOND shows it).
  RATE_LIMIT_CHAT: limitSchema('3/1'),
  // Upvotes, unvotes and reports per person: generous for people, a wall for a flood.
  RATE_LIMIT_CHAT_ACTIONS: limitSchema('60/10'),
  RATE_LIMIT_PREFIX: z.string().min(1).optional(),
})

function parseRateLimitEnv(source: Record<string, string | undefined>) {
  const result = rateLimitEnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n')
    throw new Error(`Invalid environment configuration:\n${problems}`)
  }
  return result.data
}

const limits = parseRateLimitEnv(process.env)

/**
 * Counters live in Redis so every cms process shares them. Two deployments on
 * one Redis (or two test runs) keep apart by database name.
 */
const keyPrefix =
  limits.RATE_LIMIT_PREFIX ?? `ep:ratelimit:${new URL(env.DATABASE_URL).pathname.slice(1)}:`

/** A Redis key in this deployment's rate-limit space. */
export const rateLimitKey = (...parts: (string | number)[]): string =>
  `${keyPrefix}${parts.join(':')}`

export const loginFailureLimit = limits.RATE_LIMIT_LOGIN_FAILURES
export const chatRateLimit = limits.RATE_LIMIT_CHAT

export type RateLimitPolicy = {
  name: string
  max: number
  windowMs: number
  /** Who is counted: the parts of the key after the policy name. */
  key: (req: PayloadRequest) => Promise<string> | string
}

/**
 * The client's address as the proxy saw it. Caddy (deploy/Caddyfile) replaces
 * X-Forwarded-For with the peer address and `next start` only fills it in when
 * absent, so the first entry is the client. Without the proxy a client can
 * choose this value: production runs behind the proxy.
 */
export function clientAddress(req: PayloadRequest): string {
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || req.headers.get('x-real-ip') || 'unknown'
}

async function emailInBody(req: PayloadRequest): Promise<string> {
  try {
    // A clone, so the endpoint can still read the body itself.
    const body: unknown = await (req as unknown as Request).clone().json()
    const email = (body as { email?: unknown } | null)?.email
    return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''
  } catch {
    return ''
  }
}

const userOrAddress = (req: PayloadRequest): string =>
  req.user ? `user:${req.user.id}` : `ip:${clientAddress(req)}`

export const rateLimits = {
  /** Per address and account: guessing passwords is slow, other people can still log in. */
  login: {
    name: 'login',
    ...limits.RATE_LIMIT_LOGIN,
    key: async (req) => `${clientAddress(req)}:${await emailInBody(req)}`,
  },
  register: { name: 'register', ...limits.RATE_LIMIT_REGISTER, key: clientAddress },
  /** Forgot-password and reset, per address: no mail bombing, no token guessing. */
  passwordReset: {
    name: 'password-reset',
    ...limits.RATE_LIMIT_PASSWORD_RESET,
    key: clientAddress,
  },
  registrations: { name: 'registrations', ...limits.RATE_LIMIT_REGISTRATIONS, key: userOrAddress },
  checkout: { name: 'checkout', ...limits.RATE_LIMIT_CHECKOUT, key: userOrAddress },
  chatActions: { name: 'chat-actions', ...limits.RATE_LIMIT_CHAT_ACTIONS, key: userOrAddress },
} satisfies Record<string, RateLimitPolicy>

// Fixed window: the first hit starts the window; the key expires with it.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`

export type RateLimitResult = { isAllowed: boolean; remaining: number; retryAfterSeconds: number }

/** Counts one request against the policy for `key`. */
export async function hitRateLimit(
  policy: Pick<RateLimitPolicy, 'name' | 'max' | 'windowMs'>,
  key: string,
): Promise<RateLimitResult> {
  const redis = await readyRedis()
  const [count, ttlMs] = (await redis.eval(
    HIT_SCRIPT,
    1,
    `${keyPrefix}${policy.name}:${key}`,
    String(policy.windowMs),
  )) as [number, number]
  return {
    isAllowed: count <= policy.max,
    remaining: Math.max(0, policy.max - count),
    retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
  }
}

/** The 429 a refused caller gets from a hook or operation, with Retry-After on the response. */
export function tooManyRequests(
  req: PayloadRequest,
  retryAfterSeconds: number,
  message: string,
  data: Record<string, unknown>,
): RequestError {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(retryAfterSeconds))
  return new RequestError(message, 429, { ...data, retryAfterSeconds })
}

/**
 * Counts one request against the policy inside an operation (a hook), throwing
 * the 429 when over it. Like withRateLimit, a Redis outage lets the request through.
 */
export async function assertWithinRateLimit(
  req: PayloadRequest,
  policy: RateLimitPolicy,
  code: string,
): Promise<void> {
  let result: RateLimitResult
  try {
    result = await hitRateLimit(policy, await policy.key(req))
  } catch (error) {
    req.payload.logger.warn({ err: error, rateLimit: policy.name }, 'rate limit not checked')
    return
  }
  if (result.isAllowed) return
  throw tooManyRequests(
    req,
    result.retryAfterSeconds,
    `Too many requests. Try again in ${result.retryAfterSeconds} seconds.`,
    { code },
  )
}

/**
 * The endpoint, answering 429 with Retry-After once the caller is over the
 * policy. If Redis is down the request goes through (and is logged): a broken
 * limiter must not lock everyone out; /readyz reports Redis as down.
 */
export function withRateLimit(endpoint: Endpoint, policy: RateLimitPolicy): Endpoint {
  return {
    ...endpoint,
    handler: async (req) => {
      let result: RateLimitResult
      try {
        result = await hitRateLimit(policy, await policy.key(req))
      } catch (error) {
        req.payload.logger.warn(
          { err: error, rateLimit: policy.name, requestId: req.headers.get('x-request-id') },
          'rate limit not checked: Redis unavailable',
        )
        return endpoint.handler(req)
      }
      if (result.isAllowed) return endpoint.handler(req)
      req.payload.logger.info(
        { rateLimit: policy.name, requestId: req.headers.get('x-request-id') },
        'rate limit exceeded',
      )
      const headers = headersWithCors({
        headers: new Headers({
          'Retry-After': String(result.retryAfterSeconds),
          'RateLimit-Policy': `${policy.max};w=${Math.round(policy.windowMs / 1000)}`,
        }),
        req,
      })
      return Response.json(
        {
          errors: [
            {
              message: `Too many requests. Try again in ${result.retryAfterSeconds} seconds.`,
              data: { code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds },
            },
          ],
        },
        { status: 429, headers },
      )
    },
  }
}
