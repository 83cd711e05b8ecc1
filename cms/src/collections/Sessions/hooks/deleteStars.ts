import type { CollectionBeforeDeleteHook } from 'payload'

/** A removed session leaves no stars behind (they would point at nothing in feeds and lists). */
export const deleteStars: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: 'session-stars',
    where: { session: { equals: id } },
    req,
  })
}
