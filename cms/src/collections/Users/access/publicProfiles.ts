import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

/**
 * Organizers have public profiles (their name shows on their events); every
 * other account is visible only to itself and to admins. Email stays private
 * through field access.
 */
export const publicProfiles: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  const organizers = { role: { equals: 'organizer' } }
  if (!user) return organizers
  return { or: [organizers, { id: { equals: user.id } }] }
}
