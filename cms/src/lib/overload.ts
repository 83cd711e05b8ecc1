import type { AfterErrorHook } from 'payload'

/** Seconds a client should wait before trying again when the database is saturated. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5
export const SERVICE_BUSY = 'SERVICE_BUSY'

// node-postgres gives no code when no pool connection came in time, and Payload re-throws
// "cannot begin transaction: …" without the cause, so the message is all there is.
const POOL_TIMEOUT = /timeout exceeded when trying to connect|connection timeout/i
// PostgreSQL's own refusals under load: statement_timeout, idle_in_transaction_session_timeout,
// too many connections.
const OVERLOAD_SQLSTATES = new Set(['57014', '25P03', '53300'])

/** How long /readyz keeps saying "saturated" after a request was refused for lack of a connection. */
export const SATURATION_MEMORY_MS = 2_000
const lastRefusalAt = Symbol.for('event-portal.cms.lastOverloadRefusalAt')
type RefusalState = { [lastRefusalAt]?: number }

/**
 * Pool saturation lasts milliseconds at a time (waiters give up after the
 * acquire timeout), so a readiness probe polled every few seconds would
 * almost never see it; remembering the last refusal lets the balancer notice.
 */
export const wasRecentlyOverloaded = (now = Date.now()): boolean =>
  now - ((globalThis as RefusalState)[lastRefusalAt] ?? 0) < SATURATION_MEMORY_MS

/** Is this error (or one it wraps) the database being too busy, rather than a bug? */
export function isDatabaseOverload(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, code, cause } = current as {
      message?: unknown
      code?: unknown
      cause?: unknown
    }
    if (typeof message === 'string' && POOL_TIMEOUT.test(message)) return true
    if (typeof code === 'string' && OVERLOAD_SQLSTATES.has(code)) return true
    current = cause
  }
  return false
}

/** A request (or one post of a batch) was refused for lack of a connection: /readyz tells. */
export function noteOverloadRefusal() {
  ;(globalThis as RefusalState)[lastRefusalAt] = Date.now()
}

/** What a refusal for lack of a connection answers, with its stable code. */
export const serviceBusyErrors = () => [
  {
    message: 'The service is busy right now. Please try again in a few seconds.',
    data: { code: SERVICE_BUSY },
  },
]

/**
 * A request that could not get a database connection in time (or whose
 * statement was cancelled by the database's timeouts) answers 503 with
 * Retry-After and a stable code, instead of a 500 or waiting forever.
 */
export const answerOverloadWith503: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseOverload(error)) return
  noteOverloadRefusal()
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(OVERLOAD_RETRY_AFTER_SECONDS))
  return {
    status: 503,
    response: { errors: serviceBusyErrors() },
  }
}
