import type { PayloadRequest } from 'payload'

import { AUTH_ERROR } from '../contract/auth'
import { clientAddress, loginFailureLimit, rateLimitKey, tooManyRequests } from './rateLimit'
import { readyRedis } from './redis'

/**
 * Failed logins slow down the address that fails, never the account: the
 * owner logging in from anywhere else is not affected by a stranger's guesses.
 *
 * - per address and account: FREE_FAILURES, then an exponential wait
 *   (15 s, 30 s, 1 min … at most 15 min) before the next try from that address;
 * - per address over all accounts: RATE_LIMIT_LOGIN_FAILURES (password spraying).
 *
 * Every attempt is checked before the password is (`assertMayTryLogin`), and
 * only an attempt that fails is counted (`countFailedLogin`): a hundred people
 * behind one office NAT logging in as the live event starts are not a hundred
 * failures. The price: guesses already in flight when the cap is reached still
 * get their answer (the login rate limit and the cost of hashing bound them).
 * A success clears the account's failures from that address. An admin's unlock
 * clears an account's counters.
 */
export const FREE_FAILURES = 5
const BASE_DELAY_MS = 15_000
const MAX_DELAY_MS = 15 * 60_000
const FORGET_AFTER_MS = 24 * 3600_000

// KEYS: account hash (field <address> = failures, <address>:until = ms), address counter.
// ARGV: now, address, address max.
const CHECK_SCRIPT = `
local now = tonumber(ARGV[1])
local blockedUntil = tonumber(redis.call('HGET', KEYS[1], ARGV[2] .. ':until') or '0')
if blockedUntil > now then return { 0, blockedUntil - now } end
local addressFailures = tonumber(redis.call('GET', KEYS[2]) or '0')
if addressFailures >= tonumber(ARGV[3]) then return { 0, redis.call('PTTL', KEYS[2]) } end
return { 1, 0 }
`

// KEYS: as above. ARGV: now, address, free, base, max, address window, forget after.
const FAILURE_SCRIPT = `
local now = tonumber(ARGV[1])
local failures = redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
if failures >= tonumber(ARGV[3]) then
  local delay = math.min(tonumber(ARGV[4]) * 2 ^ (failures - tonumber(ARGV[3])), tonumber(ARGV[5]))
  redis.call('HSET', KEYS[1], ARGV[2] .. ':until', now + delay)
end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
`

const normalEmail = (email: unknown): string =>
  typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''

const accountKey = (email: string) => rateLimitKey('login-failures', 'account', email)
const addressKey = (address: string) => rateLimitKey('login-failures', 'address', address)

/** Refuses (429 + Retry-After) a login the address must wait for; counts nothing. */
export async function assertMayTryLogin(req: PayloadRequest, email: unknown): Promise<void> {
  // A Local API login made without a request (scripts, the seed, tests) has no visitor behind it.
  // Every path a visitor drives passes its own req, whose payloadAPI is REST.
  if (req.payloadAPI === 'local') return
  const address = clientAddress(req)
  let answer: [number, number]
  try {
    const redis = await readyRedis()
    answer = (await redis.eval(
      CHECK_SCRIPT,
      2,
      accountKey(normalEmail(email)),
      addressKey(address),
      Date.now(),
      address,
      loginFailureLimit.max,
    )) as [number, number]
  } catch (error) {
    req.payload.logger.warn({ err: error }, 'login throttle not checked: Redis unavailable')
    return
  }
  const [isAllowed, waitMs] = answer
  if (isAllowed) return
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000))
  throw tooManyRequests(
    req,
    retryAfterSeconds,
    `Too many failed logins. Try again in ${retryAfterSeconds} seconds.`,
    { code: AUTH_ERROR.loginThrottled },
  )
}

/** The password was wrong (or the account unknown): one more failure for the address. */
export async function countFailedLogin(req: PayloadRequest, email: unknown): Promise<void> {
  if (req.payloadAPI === 'local') return
  const address = clientAddress(req)
  try {
    const redis = await readyRedis()
    await redis.eval(
      FAILURE_SCRIPT,
      2,
      accountKey(normalEmail(email)),
      addressKey(address),
      Date.now(),
      address,
      FREE_FAILURES,
      BASE_DELAY_MS,
      MAX_DELAY_MS,
      loginFailureLimit.windowMs,
      FORGET_AFTER_MS,
    )
  } catch (error) {
    req.payload.logger.warn({ err: error }, 'failed login not counted: Redis unavailable')
  }
}

/** The login succeeded: the account's earlier failures from this address are forgiven. */
export async function forgetFailures(req: PayloadRequest, email: unknown): Promise<void> {
  const address = clientAddress(req)
  try {
    const redis = await readyRedis()
    await redis.hdel(accountKey(normalEmail(email)), address, `${address}:until`)
  } catch (error) {
    req.payload.logger.warn({ err: error }, 'login throttle not reset: Redis unavailable')
  }
}

/** An admin unlocked the account: every address may try it again. */
export async function unlockAccount(req: PayloadRequest, email: unknown): Promise<void> {
  const redis = await readyRedis()
  await redis.del(accountKey(normalEmail(email)))
}
