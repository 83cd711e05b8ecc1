import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { wasRecentlyOverloaded } from './overload'
import { readyRedis } from './redis'

export type CheckStatus = 'ok' | 'down'
export type Readiness = {
  status: 'ok' | 'unavailable'
  checks: { database: CheckStatus | 'saturated'; redis: CheckStatus }
}

const shutdownFlag = Symbol.for('event-portal.cms.shuttingDown')
type ShutdownState = { [shutdownFlag]?: boolean }

/** Set on SIGTERM (src/instrumentation.ts): from then on /readyz answers 503 so no new traffic comes. */
export function markShuttingDown(): void {
  ;(globalThis as ShutdownState)[shutdownFlag] = true
}

export const isShuttingDown = (): boolean => (globalThis as ShutdownState)[shutdownFlag] === true

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })
}

type Drizzle = { execute(query: ReturnType<typeof sql>): Promise<unknown> }
type PoolStats = { waitingCount: number; idleCount: number }

/** Requests are queued for a connection and none is free (or one was just refused): new work would only wait. */
const isPoolSaturated = (payload: Payload): boolean => {
  const pool = (payload.db as unknown as { pool?: PoolStats }).pool
  if (pool && pool.waitingCount > 0 && pool.idleCount === 0) return true
  return wasRecentlyOverloaded()
}

async function checkDatabase(payload: Payload): Promise<Readiness['checks']['database']> {
  // Checked without a query: a `select 1` would only join the queue it should report.
  if (isPoolSaturated(payload)) return 'saturated'
  return withTimeout(
    (payload.db as unknown as { drizzle: Drizzle }).drizzle.execute(sql`select 1`),
    3_000,
  )
    .then((): CheckStatus => 'ok')
    .catch((error: unknown): CheckStatus => {
      payload.logger.error({ err: error }, 'readiness: database check failed')
      return 'down'
    })
}

/** Is PostgreSQL answering through Payload's own pool (with a connection to spare), and Redis through ours? */
export async function checkReadiness(payload: Payload): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    checkDatabase(payload),
    withTimeout(
      readyRedis().then((client) => client.ping()),
      3_000,
    )
      .then((): CheckStatus => 'ok')
      .catch((error: unknown): CheckStatus => {
        payload.logger.error({ err: error }, 'readiness: redis check failed')
        return 'down'
      }),
  ])
  const isReady = database === 'ok' && redis === 'ok' && !isShuttingDown()
  return { status: isReady ? 'ok' : 'unavailable', checks: { database, redis } }
}
