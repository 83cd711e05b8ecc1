import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

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
 * Locks the event's row until the transaction ends, so seat counts taken
 * afterwards in the same transaction cannot be raced by another process.
 * (pretix locks its quotas the same way.)
 */
export async function lockEventRow(req: PayloadRequest, eventId: number): Promise<void> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const session = adapter.sessions[String(await req.transactionID)]
  if (!session) throw new APIError('Seat locking needs a transaction.', 500)
  await session.db.execute(sql`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`)
}
