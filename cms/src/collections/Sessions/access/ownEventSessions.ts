import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** The event's organizer and admins change and remove its sessions. */
export const ownEventSessions: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { 'event.organizer': { equals: user.id } }
  return false
}
