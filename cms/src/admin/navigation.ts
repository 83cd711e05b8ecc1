import type { ClientUser, CollectionConfig, GlobalConfig } from 'payload'

import { checkRole } from '../access/checkRole'
import type { User } from '../payload-types'

type Place = { group: string; isAdminOnly?: boolean }

/**
 * The admin's navigation, in one table: what organizers work with sits under "Events" (with the
 * Analytics, Attendees and Moderation links below it); records the system keeps are grouped away
 * and shown to admins only. Hiding is for the nav; access rules still decide what may be read.
 */
const PLACES: Record<string, Place> = {
  events: { group: 'Events' },
  sessions: { group: 'Events' },
  speakers: { group: 'Events' },
  campaigns: { group: 'Events' },
  media: { group: 'Events' },
  categories: { group: 'Events', isAdminOnly: true },
  pages: { group: 'Site content', isAdminOnly: true },
  navigation: { group: 'Site content', isAdminOnly: true },
  users: { group: 'People', isAdminOnly: true },
  registrations: { group: 'Bookings', isAdminOnly: true },
  payments: { group: 'Bookings', isAdminOnly: true },
  'chat-messages': { group: 'Internal records', isAdminOnly: true },
  'chat-votes': { group: 'Internal records', isAdminOnly: true },
  'chat-moderation-actions': { group: 'Internal records', isAdminOnly: true },
  attendance: { group: 'Internal records', isAdminOnly: true },
  'session-stars': { group: 'Internal records', isAdminOnly: true },
  'calendar-feeds': { group: 'Internal records', isAdminOnly: true },
  'email-deliveries': { group: 'Internal records', isAdminOnly: true },
  'email-opt-outs': { group: 'Internal records', isAdminOnly: true },
  'stripe-events': { group: 'Internal records', isAdminOnly: true },
}

const isHiddenFromNonAdmins = ({ user }: { user: ClientUser }) =>
  !checkRole(['admin'], user as unknown as User)

export function placeInNav<Entity extends CollectionConfig | GlobalConfig>(entity: Entity): Entity {
  const place = PLACES[entity.slug]
  if (!place) return entity
  return {
    ...entity,
    admin: {
      ...entity.admin,
      group: place.group,
      ...(place.isAdminOnly && { hidden: isHiddenFromNonAdmins }),
    },
  }
}
