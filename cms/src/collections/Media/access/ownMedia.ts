import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Organizers edit and remove what they uploaded, and the materials of the events they run. */
export const ownMedia: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) {
    const rules: Where[] = [
      { owner: { equals: user.id } },
      { 'event.organizer': { equals: user.id } },
    ]
    return { or: rules }
  }
  return false
}
