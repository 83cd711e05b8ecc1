import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'

/**
 * Images are public. Materials are readable by the event's confirmed attendees,
 * its organizer and admins; Payload applies this rule to file URLs too.
 */
export const readMedia: Access = async ({ req }) => {
  const { user } = req
  if (checkRole(['admin'], user)) return true
  const rules: Where[] = [{ kind: { equals: 'image' } }]
  if (user) {
    const eventIds = await confirmedEventIds(req)
    if (eventIds.length > 0) rules.push({ event: { in: eventIds } })
    rules.push({ owner: { equals: user.id } })
    if (checkRole(['organizer'], user)) rules.push({ 'event.organizer': { equals: user.id } })
  }
  return { or: rules }
}
