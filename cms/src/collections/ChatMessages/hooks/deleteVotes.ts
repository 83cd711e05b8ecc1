import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted question takes its upvotes with it (the votes cannot point at nothing). */
export const deleteVotesOfMessage: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: 'chat-votes',
    where: { message: { equals: id } },
    req,
  })
}
