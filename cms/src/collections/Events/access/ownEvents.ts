import type { Access, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Admins change any event; organizers change only their own. */
export const ownEvents: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { organizer: { equals: user.id } }
  return false
}

/** Organizers may delete their own events only while nobody could have registered. */
export const deletableEvents: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) {
    const ownUnpublished: Where = {
      and: [{ organizer: { equals: user.id } }, { status: { in: ['draft', 'rejected'] } }],
    }
    return ownUnpublished
  }
  return false
}

/** Version rows keep the event under `version`, so the same rule reads one level deeper. */
export const ownEventVersions: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  if (user && checkRole(['organizer'], user)) return { 'version.organizer': { equals: user.id } }
  return false
}
