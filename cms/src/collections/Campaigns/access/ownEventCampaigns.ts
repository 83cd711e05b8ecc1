import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Admins reach every campaign; organizers only those of events they organize; nobody else any. */
export const ownEventCampaigns: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { 'event.organizer': { equals: user.id } }
  return false
}
