import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'

const ofPublishedEvent = { 'event.status': { equals: 'published' } }

/** Sessions of published events are public; organizers also read their own events'; admins all. */
export const readSessions: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) {
    return { or: [ofPublishedEvent, { 'event.organizer': { equals: user.id } }] }
  }
  return ofPublishedEvent
}
