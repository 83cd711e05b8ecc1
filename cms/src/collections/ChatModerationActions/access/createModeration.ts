import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'
import { relationId } from '../../../access/relationId'
import { slugs } from '../../../plugin/settings'

/**
 * Moderation actions belong to the event's organizer and admins; a report
 * may also come from any confirmed registrant of the event.
 */
export const createModeration: Access = async ({ req, data }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  // Without data this is the admin UI asking whether a create button may show.
  if (!data) return checkRole(['organizer'], user)
  const eventId = relationId(data.event)
  if (eventId === undefined) return false
  if (checkRole(['organizer'], user)) {
    const event = await req.payload
      .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (event !== null && relationId(event.organizer) === user.id) return true
  }
  return data.action === 'report' && (await confirmedEventIds(req)).includes(eventId)
}
