import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Voters see and take back only their own votes; admins all. */
export const ownVotes: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { user: { equals: user.id } }
}
