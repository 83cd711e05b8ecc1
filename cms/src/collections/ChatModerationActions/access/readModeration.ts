import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'

/**
 * Admins read every action; organizers those in the events they run; anyone
 * else only their own reports and the mutes and bans that concern them (so
 * they can be told why they cannot post), never who reported them.
 */
export const readModeration: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const rules: Where[] = [
    { and: [{ actor: { equals: user.id } }, { action: { equals: 'report' } }] },
    {
      and: [
        { targetUser: { equals: user.id } },
        { action: { in: ['mute', 'unmute', 'ban', 'unban'] } },
      ],
    },
  ]
  if (checkRole(['organizer'], user)) {
    return { or: [...rules, { 'event.organizer': { equals: user.id } }] }
  }
  return { or: rules }
}
