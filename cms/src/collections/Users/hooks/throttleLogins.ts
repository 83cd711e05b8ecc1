import type {
  CollectionAfterLoginHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { AUTH_ERROR } from '../../../contract/auth'
import { countLoginAttempt, forgetFailures, unlockAccount } from '../../../lib/loginThrottle'
import { assertWithinRateLimit, rateLimits } from '../../../lib/rateLimit'

/**
 * Every login (whatever the path: REST, /api/auth/login, Local API) passes
 * the failure throttle; forgot-password and reset are rate-limited per address.
 */
export const throttleAuthOperations: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'login') await countLoginAttempt(req, args.data?.email)
  if (operation === 'forgotPassword' || operation === 'resetPassword') {
    await assertWithinRateLimit(req, rateLimits.passwordReset, AUTH_ERROR.rateLimited)
  }
  return args
}

export const forgetFailedLogins: CollectionAfterLoginHook = async ({ req, user }) => {
  await forgetFailures(req, user.email)
  return user
}

/** The admin's unlock (POST /api/users/unlock) lifts the throttle on the account. */
export const unlockThrottledAccount: CollectionAfterOperationHook = async ({
  args,
  operation,
  req,
  result,
}) => {
  if (operation === 'unlock' && result) {
    await unlockAccount(req, (args as { data?: { email?: unknown } }).data?.email)
  }
  return result
}
