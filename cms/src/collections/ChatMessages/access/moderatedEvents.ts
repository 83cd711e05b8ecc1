import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Moderation (hide, mark answered) belongs to the event's organizer and admins. */
export const moderatedEvents: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { 'event.organizer': { equals: user.id } }
  return false
}
