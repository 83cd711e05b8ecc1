import type {
  AfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { AUTH_ERROR } from '../../../contract/auth'
import {
  assertMayTryLogin,
  countFailedLogin,
  forgetFailures,
  unlockAccount,
} from '../../../lib/loginThrottle'
import { assertWithinRateLimit, rateLimits } from '../../../lib/rateLimit'

// The email a login tried, kept on the request until its outcome is known.
const LOGIN_ATTEMPT = 'loginAttemptEmail'

/**
 * Every login (whatever the path: REST, /api/auth/login, Local API) passes
 * the failure throttle; forgot-password and reset are rate-limited per address.
 */
export const throttleAuthOperations: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'login') {
    await assertMayTryLogin(req, args.data?.email)
    req.context[LOGIN_ATTEMPT] = args.data?.email
  }
  if (operation === 'forgotPassword' || operation === 'resetPassword') {
    await assertWithinRateLimit(req, rateLimits.passwordReset, AUTH_ERROR.rateLimited)
  }
  return args
}

export const forgetFailedLogins: CollectionAfterLoginHook = async ({ req, user }) => {
  await forgetFailures(req, user.email)
  return user
}

/**
 * Payload's login answers a wrong password or an unknown email with an
 * AuthenticationError and has no hook of its own for it; every visitor's login
 * (REST /api/users/login, /api/auth/login) ends here when it fails.
 */
export const countFailedLogins: AfterErrorHook = async ({ error, req }) => {
  if (error.name !== 'AuthenticationError' || !(LOGIN_ATTEMPT in req.context)) return
  await countFailedLogin(req, req.context[LOGIN_ATTEMPT])
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
