import type { CollectionBeforeDeleteHook } from 'payload'
import { slugs } from '../../../plugin/settings'

/** A deleted question takes its upvotes with it (the votes cannot point at nothing). */
export const deleteVotesOfMessage: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: slugs.chatVotes,
    where: { message: { equals: id } },
    req,
  })
}
