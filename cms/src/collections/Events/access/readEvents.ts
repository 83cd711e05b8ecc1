import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

const published = { status: { equals: 'published' } }

/** Published events are public; organizers also see their own; admins see all. */
export const readEvents: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) {
    return { or: [published, { organizer: { equals: user.id } }] }
  }
  return published
}
