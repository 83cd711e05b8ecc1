import type { Access } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { confirmedEventIds } from '../../../access/confirmedEventIds'
import { slugs } from '../../../plugin/settings'

const idOf = (value: unknown): number | undefined => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const asNumber = Number(id)
  return Number.isInteger(asNumber) ? asNumber : undefined
}

/** Posting needs a confirmed seat at the event (or running it, or being an admin). */
export const postToJoinedEvents: Access = async ({ req, data }) => {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  // Without data this is the admin UI asking whether a create button may show.
  if (!data) return true
  const eventId = idOf(data.event)
  if (eventId === undefined) return false
  if ((await confirmedEventIds(req)).includes(eventId)) return true
  if (!checkRole(['organizer'], user)) return false
  const event = await req.payload
    .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  return event !== null && idOf(event.organizer) === user.id
}
