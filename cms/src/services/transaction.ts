import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import { sql } from '@payloadcms/db-postgres'
import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'
import { table } from './tables'

/**
 * Runs `work` in one database transaction carried by `req`: every Local API
 * call given this `req` joins it, and it commits or rolls back as a whole.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const isOwner = await initTransaction(req)
  try {
    const result = await work()
    if (isOwner) await commitTransaction(req)
    return result
  } catch (error) {
    if (isOwner) await killTransaction(req)
    throw error
  }
}

/**
 * Runs one SQL statement inside the request's transaction (the same connection as its Local API
 * calls, so it never waits on a second pool connection). Only for what Payload cannot say: row
 * locks and the seat counter.
 */
export async function executeInTransaction<Row>(req: PayloadRequest, query: SQL): Promise<Row[]> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const session = adapter.sessions[String(await req.transactionID)]
  if (!session) throw new APIError('This statement needs a transaction.', 500)
  const result = (await session.db.execute(query)) as unknown as { rows: Row[] }
  return result.rows
}

/** Runs a statement in the request's transaction when it has one, else on the pool. */
export async function runSql<Row>(req: PayloadRequest, query: SQL): Promise<Row[]> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID === undefined ? undefined : adapter.sessions[String(transactionID)]
  const result = (await (session?.db ?? adapter.drizzle).execute(query)) as unknown as {
    rows: Row[]
  }
  return result.rows
}

/**
 * Locks the event's row until the transaction ends, so seat counts taken
 * afterwards in the same transaction cannot be raced by another process.
 * (pretix locks its quotas the same way.)
 */
export async function lockEventRow(req: PayloadRequest, eventId: number): Promise<void> {
  await executeInTransaction(
    req,
    sql`SELECT id FROM ${table('events')} WHERE id = ${eventId} FOR UPDATE`,
  )
}

/** A read in the request's transaction when it has one (it sees the transaction's writes). */
export const readRows = runSql

/** Postgres error codes the booking paths recover from. */
export const PG_ERROR = { uniqueViolation: '23505', deadlockDetected: '40P01' } as const

/** The Postgres error code of `error`: from pg itself, or wrapped by Drizzle in `cause`. */
export function pgErrorCode(error: unknown): string | undefined {
  for (const cause of [error, (error as { cause?: unknown } | undefined)?.cause]) {
    const code = (cause as { code?: unknown } | undefined)?.code
    if (typeof code === 'string') return code
  }
  return undefined
}
