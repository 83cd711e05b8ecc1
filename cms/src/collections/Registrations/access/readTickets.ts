import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'

/**
 * Admins read every ticket; a person reads the tickets they hold and those they bought for
 * others; an organizer also reads the tickets of the events they organize.
 */
export const readTickets: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const own: Where[] = [{ user: { equals: user.id } }, { buyer: { equals: user.id } }]
  if (checkRole(['organizer'], user)) {
    return { or: [...own, { 'event.organizer': { equals: user.id } }] }
  }
  return { or: own }
}
