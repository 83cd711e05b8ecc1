import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'
import { relationId } from '../../../access/relationId'
import { chatEventOf } from '../../../services/chatEvent'

/** Posting needs a confirmed seat at the event (or running it, or being an admin). */
export const postToJoinedEvents: Access = async ({ req, data }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  // Without data this is the admin UI asking whether a create button may show.
  if (!data) return true
  const eventId = relationId(data.event)
  if (eventId === undefined) return false
  if ((await confirmedEventIds(req)).includes(eventId)) return true
  if (!checkRole(['organizer'], user)) return false
  const event = await chatEventOf(req, eventId)
  return event !== null && relationId(event.organizer) === user.id
}
