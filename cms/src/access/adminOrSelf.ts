import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

/** Admins see every user; everyone else only their own account. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}

export const adminOrSelfField: FieldAccess = ({ req: { user }, id, doc }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const targetId = doc?.id ?? id
  return targetId !== undefined && String(targetId) === String(user.id)
}
