import type { Access } from 'payload'

import { relationId } from '../../../access/relationId'
import { slugs } from '../../../plugin/settings'

/**
 * A vote goes on a visible question the caller may read: the chat's own read
 * rule (confirmed registrants not banned from it, the organizer, admins)
 * decides who can vote.
 */
export const votableQuestions: Access = async ({ req, data }) => {
  if (!req.user) return false
  // Without data this is the admin UI asking whether a create button may show.
  if (!data) return true
  const messageId = relationId(data.message)
  if (messageId === undefined) return false
  const { docs } = await req.payload.find({
    collection: slugs.chatMessages,
    where: {
      and: [
        { id: { equals: messageId } },
        { kind: { equals: 'question' } },
        { hidden: { not_equals: true } },
      ],
    },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs.length === 1
}
