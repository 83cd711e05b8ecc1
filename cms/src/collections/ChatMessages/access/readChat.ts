import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'

/**
 * Confirmed registrants read the visible messages of their events; organizers
 * also read everything (hidden included) in events they run; admins all.
 */
export const readChat: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const eventIds = await confirmedEventIds(req)
  const rules: Where[] = []
  if (eventIds.length > 0) {
    rules.push({ and: [{ event: { in: eventIds } }, { hidden: { not_equals: true } }] })
  }
  if (checkRole(['organizer'], user)) rules.push({ 'event.organizer': { equals: user.id } })
  return rules.length > 0 ? { or: rules } : false
}
