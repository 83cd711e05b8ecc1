import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { readyRedis } from './redis'

export type CheckStatus = 'ok' | 'down'
export type Readiness = {
  status: 'ok' | 'unavailable'
  checks: { database: CheckStatus; redis: CheckStatus }
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

/** Is PostgreSQL answering through Payload's own pool, and Redis through ours? */
export async function checkReadiness(payload: Payload): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    withTimeout(
      (payload.db as unknown as { drizzle: Drizzle }).drizzle.execute(sql`select 1`),
      3_000,
    )
      .then((): CheckStatus => 'ok')
      .catch((error: unknown): CheckStatus => {
        payload.logger.error({ err: error }, 'readiness: database check failed')
        return 'down'
      }),
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
