import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Admins edit every speaker; organizers the profiles they created. */
export const ownSpeakers: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { createdBy: { equals: user.id } }
  return false
}
