import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ChatVote } from '../../../payload-types'
import { slugs } from '../../../plugin/settings'

async function recount(req: PayloadRequest, vote: ChatVote) {
  const messageId = typeof vote.message === 'object' ? vote.message.id : vote.message
  const { totalDocs } = await req.payload.count({
    collection: slugs.chatVotes,
    where: { message: { equals: messageId } },
    overrideAccess: true,
    req,
  })
  await req.payload.update({
    collection: slugs.chatMessages,
    id: messageId,
    data: { upvotes: totalDocs },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/** The question's upvotes is the number of its votes, counted after every change. */
export const recountAfterVote: CollectionAfterChangeHook<ChatVote> = async ({ doc, req }) => {
  await recount(req, doc)
  return doc
}

export const recountAfterUnvote: CollectionAfterDeleteHook<ChatVote> = async ({ doc, req }) => {
  await recount(req, doc)
  return doc
}
