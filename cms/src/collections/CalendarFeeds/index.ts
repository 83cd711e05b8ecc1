import { randomBytes } from 'node:crypto'

import type { Access, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { checkRole } from '../../access/checkRole'
import type { CalendarFeed } from '../../payload-types'
import { agendaFeedEndpoints } from './endpoints'

const ownFeed: Access = ({ req: { user } }) => {
  if (checkRole(['admin'], user)) return true
  return user ? { user: { equals: user.id } } : false
}

/** A new feed is the caller's own, with a fresh 256-bit secret nobody chose. */
const issueToken: CollectionBeforeChangeHook<CalendarFeed> = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (req.user) data.user = req.user.id
  data.token = randomBytes(32).toString('base64url')
  return data
}

/**
 * The secret of a person's private calendar feed (`/api/agenda-feed/<token>.ics`). Revoking
 * deletes the row; rotating replaces it, so an old address stops working at once.
 */
export const CalendarFeeds: CollectionConfig = {
  slug: 'calendar-feeds',
  admin: { defaultColumns: ['user', 'createdAt'] },
  access: { read: ownFeed, create: authenticated, update: () => false, delete: ownFeed },
  hooks: { beforeChange: [issueToken] },
  endpoints: false,
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      unique: true,
      index: true,
    },
    {
      name: 'token',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
  ],
}

export { agendaFeedEndpoints }
