import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'
import { bannedEventIds } from '../../../services/chatRules'

/**
 * Confirmed registrants read the visible messages of their events, unless
 * banned from that chat; organizers also read everything (hidden included) in
 * events they run; admins all.
 */
export const readChat: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const banned = await bannedEventIds(req)
  const eventIds = (await confirmedEventIds(req)).filter((id) => !banned.includes(id))
  const rules: Where[] = []
  if (eventIds.length > 0) {
    rules.push({ and: [{ event: { in: eventIds } }, { hidden: { not_equals: true } }] })
  }
  if (checkRole(['organizer'], user)) rules.push({ 'event.organizer': { equals: user.id } })
  return rules.length > 0 ? { or: rules } : false
}
