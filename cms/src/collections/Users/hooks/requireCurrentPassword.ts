import crypto from 'node:crypto'
import { promisify } from 'node:util'

import { ValidationError, type CollectionBeforeValidateHook, type PayloadRequest } from 'payload'

import { AUTH_ERROR } from '../../../contract/auth'
import { RequestError } from '../../../lib/errors'
import { assertMayTryLogin, countFailedLogin, forgetFailures } from '../../../lib/loginThrottle'
import type { User } from '../../../payload-types'
import { slugs } from '../../../plugin/settings'

const pbkdf2 = promisify(crypto.pbkdf2)

// Payload's stored hash format (payload/dist/auth/strategies/local/generatePasswordSaltHash):
// new hashes carry this prefix and 600,000 iterations; older ones are 25,000 × 512 bytes.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

async function isPassword(req: PayloadRequest, userId: number, password: string) {
  // The adapter's raw row: the only read that includes the hash and salt.
  const row = (await req.payload.db.findOne({
    collection: slugs.users,
    where: { id: { equals: userId } },
    req,
  })) as { hash?: unknown; salt?: unknown } | null
  if (typeof row?.hash !== 'string' || typeof row.salt !== 'string') return false
  const isCurrent = row.hash.startsWith(CURRENT_PREFIX)
  const stored = Buffer.from(isCurrent ? row.hash.slice(CURRENT_PREFIX.length) : row.hash, 'hex')
  const given = await pbkdf2(
    password,
    row.salt,
    isCurrent ? 600_000 : 25_000,
    isCurrent ? 32 : 512,
    'sha256',
  )
  return given.length === stored.length && crypto.timingSafeEqual(given, stored)
}

/**
 * A stolen session must not be enough to take the account over: the owner
 * changing their email or password sends `currentPassword` too (never stored).
 * Admins editing someone else's account do not.
 */
export const requireCurrentPassword: CollectionBeforeValidateHook<User> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  const { currentPassword, ...rest } = data as typeof data & { currentPassword?: unknown }
  // Payload lower-cases the email before validating it: an array there was a 500.
  for (const field of ['email', 'password'] as const) {
    const value = (rest as Record<string, unknown>)[field]
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new ValidationError({
        collection: slugs.users,
        errors: [{ path: field, message: 'Must be text.' }],
      })
    }
  }
  if (operation !== 'update' || !originalDoc || !req.user) return rest
  if (String(req.user.id) !== String(originalDoc.id)) return rest
  const changesEmail =
    typeof rest.email === 'string' &&
    rest.email.trim().toLowerCase() !== originalDoc.email?.toLowerCase()
  const changesPassword =
    typeof (rest as { password?: unknown }).password === 'string' &&
    (rest as { password: string }).password !== ''
  if (!changesEmail && !changesPassword) return rest
  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw new RequestError('Enter your current password to change your email or password.', 400, {
      code: AUTH_ERROR.currentPasswordRequired,
      path: 'currentPassword',
    })
  }
  // Guessing it is throttled like guessing at the login.
  await assertMayTryLogin(req, originalDoc.email)
  if (!(await isPassword(req, originalDoc.id, currentPassword))) {
    await countFailedLogin(req, originalDoc.email)
    throw new RequestError('Your current password is not right.', 400, {
      code: AUTH_ERROR.currentPasswordWrong,
      path: 'currentPassword',
    })
  }
  await forgetFailures(req, originalDoc.email)
  return rest
}
