import type { Endpoint } from 'payload'
import { z } from 'zod'

import { RequestError } from '../../../lib/errors'
import { json, parseBody } from '../../../lib/http'
import { documentId } from '../../../lib/schemas'
import { inTransaction } from '../../../services/transaction'
import { lockQuestionRow } from '../hooks/lockQuestion'
import { slugs } from '../../../plugin/settings'

const toggleSchema = z.object({ message: documentId })

/**
 * POST /api/chat-votes/toggle { message }: casts the caller's vote on the
 * question, or takes it back if they had one, in one transaction that holds
 * the question's lock, so any number of concurrent toggles ends in 0 or 1 vote.
 * Answers { messageId, upvotes, hasVoted }.
 */
export const toggleVote: Endpoint = {
  path: '/toggle',
  method: 'post',
  handler: async (req) => {
    const { user } = req
    if (!user) throw new RequestError('Log in to vote.', 401)
    const { message } = await parseBody(req, toggleSchema, slugs.chatVotes)
    const result = await inTransaction(req, async () => {
      await lockQuestionRow(req, message)
      const { docs } = await req.payload.find({
        collection: slugs.chatVotes,
        where: { and: [{ message: { equals: message } }, { user: { equals: user.id } }] },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        user,
        req,
      })
      const existing = docs[0]
      if (existing) {
        await req.payload.delete({
          collection: slugs.chatVotes,
          id: existing.id,
          overrideAccess: false,
          user,
          req,
        })
      } else {
        await req.payload.create({
          collection: slugs.chatVotes,
          data: { message, user: user.id },
          overrideAccess: false,
          user,
          req,
        })
      }
      const question = await req.payload.findByID({
        collection: slugs.chatMessages,
        id: message,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { messageId: message, upvotes: question.upvotes ?? 0, hasVoted: !existing }
    })
    return json(req, result)
  },
}
