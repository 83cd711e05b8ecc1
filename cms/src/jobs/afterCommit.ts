import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type Session = { resolve: () => Promise<void>; reject: () => Promise<void> }

/** How long, in all, a request's answer waits for its `beforeAnswer` work (Redis slow or down). */
export const ANSWER_WAIT_MS = 300

/**
 * Waits for `work` before the request answers, but no longer than ANSWER_WAIT_MS from the first
 * such wait of the request: a transaction that changes hundreds of seats (capacity raised for a
 * long waitlist) waits once, not once per seat, and the rest finishes in the background.
 */
export async function beforeTheAnswer(req: PayloadRequest, work: Promise<unknown>): Promise<void> {
  const deadline = (req.context.answerDeadline ??= Date.now() + ANSWER_WAIT_MS) as number
  let timer: NodeJS.Timeout | undefined
  const timeUp = new Promise((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))
  })
  await Promise.race([work, timeUp])
  clearTimeout(timer)
}

/**
 * Runs `work` once the request's transaction has committed (never if it rolls back), or right
 * away when there is none. A failure is logged, not thrown: the business write stands, and the
 * sweep job re-enqueues what was missed. With `beforeAnswer`, the commit (and so the request's
 * answer) waits for `work` (see beforeTheAnswer): for what the person acts on next, such as
 * joining the chat of the event they just registered for.
 */
export async function afterCommit(
  req: PayloadRequest,
  label: string,
  work: () => Promise<unknown>,
  { beforeAnswer = false }: { beforeAnswer?: boolean } = {},
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
    await (beforeAnswer ? beforeTheAnswer(req, run()) : run())
    return
  }
  // Payload has no after-commit hook; the adapter's session resolves when the transaction commits.
  const commit = session.resolve
  session.resolve = async () => {
    await commit()
    const done = run()
    if (beforeAnswer) await beforeTheAnswer(req, done)
  }
}
