import type { Access, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated'
import { checkRole } from '../access/checkRole'
import { PROGRAM_ERROR } from '../contract/program'
import { RequestError } from '../lib/errors'
import type { SessionStar } from '../payload-types'
import { idOf } from '../services/bookableEvent'
import { findRegistration } from '../services/booking/registrations'

const ownStars: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  return user ? { user: { equals: user.id } } : false
}

/**
 * A star is the starrer's own, on a session of an event they hold a confirmed seat at (or run);
 * its event is the session's, whatever was sent.
 */
const starOwnSeat: CollectionBeforeChangeHook<SessionStar> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const { user } = req
  if (operation === 'create' && user) data.user = user.id
  const sessionId = idOf((data.session ?? originalDoc?.session) as SessionStar['session'])
  const session =
    sessionId === undefined
      ? null
      : await req.payload
          .findByID({ collection: 'sessions', id: sessionId, depth: 1, overrideAccess: true, req })
          .catch(() => null)
  if (!session || typeof session.event !== 'object') {
    throw new RequestError('No such session.', 404, { code: PROGRAM_ERROR.sessionNotFound })
  }
  data.event = session.event.id
  if (!user || checkRole(['admin'], user) || idOf(session.event.organizer) === user.id) return data
  const registration = await findRegistration(req, user.id, session.event.id)
  if (registration?.status !== 'confirmed') {
    throw new RequestError('Register for the event to build your agenda.', 403, {
      code: PROGRAM_ERROR.registrationRequired,
    })
  }
  return data
}

/** A person's starred sessions: their personal agenda, calendar feed and reminders. */
export const SessionStars: CollectionConfig = {
  slug: 'session-stars',
  admin: { defaultColumns: ['user', 'session', 'remind', 'createdAt'] },
  access: { read: ownStars, create: authenticated, update: ownStars, delete: ownStars },
  hooks: { beforeChange: [starOwnSeat] },
  indexes: [{ fields: ['user', 'session'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'session', type: 'relationship', relationTo: 'sessions', required: true, index: true },
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'remind',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Email 10 minutes before the session starts.' },
    },
  ],
}
