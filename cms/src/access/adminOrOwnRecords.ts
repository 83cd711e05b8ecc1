import type { Access } from 'payload'

import { checkRole } from './checkRole'

/**
 * Read rule for attendee records (registrations, payments): admins see all,
 * organizers see their own plus those for events they organize, users their own.
 */
export const adminOrOwnRecords: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const own = { user: { equals: user.id } }
  if (checkRole(['organizer'], user)) {
    return { or: [own, { 'event.organizer': { equals: user.id } }] }
  }
  return own
}
