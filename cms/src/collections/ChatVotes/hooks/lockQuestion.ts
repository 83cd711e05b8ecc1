import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { CHAT_ERROR } from '../../../contract/chat'
import { RequestError } from '../../../lib/errors'
import type { ChatVote } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { table } from '../../../services/tables'
import { slugs } from '../../../plugin/settings'

/**
 * Locks the question's row until the transaction ends: votes on one question
 * are cast, taken back and counted one after another, so concurrent clicks
 * can neither leave a stray vote nor a count that disagrees with the votes.
 */
export async function lockQuestionRow(req: PayloadRequest, messageId: number): Promise<void> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const session = adapter.sessions?.[String(await req.transactionID)]
  if (!session) return
  await session.db.execute(
    sql`SELECT id FROM ${table('chatMessages')} WHERE id = ${messageId} FOR UPDATE`,
  )
}

/** Nobody upvotes their own question; the vote waits for the question's lock. */
export const lockQuestionForVote: CollectionBeforeChangeHook<ChatVote> = async ({
  data,
  operation,
  req,
}) => {
  const messageId = idOf(data.message as ChatVote['message'] | undefined)
  if (operation !== 'create' || messageId === undefined) return data
  await lockQuestionRow(req, messageId)
  if (!req.user) return data
  const question = await req.payload
    .findByID({
      collection: slugs.chatMessages,
      id: messageId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  if (question && idOf(question.user) === req.user.id) {
    throw new RequestError('You cannot upvote your own question.', 403, {
      code: CHAT_ERROR.ownQuestion,
      path: 'message',
    })
  }
  return data
}

export const lockQuestionForUnvote: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const vote = await req.payload
    .findByID({ collection: slugs.chatVotes, id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  const messageId = idOf(vote?.message)
  if (messageId !== undefined) await lockQuestionRow(req, messageId)
}
