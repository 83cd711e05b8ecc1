import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

export const ownMedia: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { owner: { equals: user.id } }
  return false
}
