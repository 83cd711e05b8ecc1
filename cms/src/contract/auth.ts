/** Codes in `errors[0].data.code` when cms refuses a sign-in, account or access request. */
export const AUTH_ERROR = {
  /** Too many failed logins from this address (for this account, or overall): wait Retry-After. */
  loginThrottled: 'LOGIN_THROTTLED',
  rateLimited: 'RATE_LIMITED',
  /** Changing one's email or password needs `currentPassword`. */
  currentPasswordRequired: 'CURRENT_PASSWORD_REQUIRED',
  currentPasswordWrong: 'CURRENT_PASSWORD_WRONG',
  /** A `where` or `sort` on a field the caller may not read (users' sessions, hash, email…). */
  fieldNotQueryable: 'FIELD_NOT_QUERYABLE',
  /** Only the event's organizer (or an admin) attaches materials to it. */
  notYourEvent: 'NOT_EVENT_ORGANIZER',
} as const

export type AuthErrorCode = (typeof AUTH_ERROR)[keyof typeof AUTH_ERROR]
