/**
 * Codes in `errors[0].data.code` when cms refuses a program request (sessions, starring, the
 * calendar feed, the agenda import). Plain TypeScript with no imports, like booking.ts.
 */
export const PROGRAM_ERROR = {
  /** A session must lie inside its event's span; `data.path` names startTime or endTime (400). */
  sessionOutsideEvent: 'SESSION_OUTSIDE_EVENT',
  /** A session's end is not after its start (400, path endTime). */
  sessionEndsBeforeStart: 'SESSION_ENDS_BEFORE_START',
  /** Only the event's organizer (or an admin) adds sessions to it (403). */
  notYourEvent: 'NOT_EVENT_ORGANIZER',
  /** Log in first (401). */
  loginRequired: 'LOGIN_REQUIRED',
  /** Starring needs a confirmed seat at the session's event (403). */
  registrationRequired: 'REGISTRATION_REQUIRED',
  /** No such session for this caller (404). */
  sessionNotFound: 'SESSION_NOT_FOUND',
  /** The calendar feed's token is unknown or was revoked (404). */
  feedNotFound: 'FEED_NOT_FOUND',
  /** The agenda CSV has errors; `data.rows` lists `{ row, field, message }` (400). */
  csvInvalid: 'CSV_INVALID',
} as const

export type ProgramErrorCode = (typeof PROGRAM_ERROR)[keyof typeof PROGRAM_ERROR]
