import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type Session = { resolve: () => Promise<void>; reject: () => Promise<void> }

/**
 * Runs `work` once the request's transaction has committed (never if it rolls back), or right
 * away when there is none. A failure is logged, not thrown: the business write stands, and the
 * sweep job re-enqueues what was missed.
 */
export async function afterCommit(
  req: PayloadRequest,
  label: string,
  work: () => Promise<unknown>,
): Promise<void> {
  const run = async (): Promise<void> => {
    try {
      await work()
    } catch (error) {
      req.payload.logger.warn({ err: error, msg: `Could not enqueue ${label}; the sweep retries` })
    }
  }
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const sessions = (req.payload.db as unknown as Partial<PostgresAdapter>).sessions as
    Record<string, Session> | undefined
  const session = transactionID !== undefined ? sessions?.[String(transactionID)] : undefined
  if (!session) {
    await run()
    return
  }
  // Payload has no after-commit hook; the adapter's session resolves when the transaction commits.
  const commit = session.resolve
  session.resolve = async () => {
    await commit()
    void run()
  }
}
