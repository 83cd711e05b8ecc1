import type { CollectionBeforeChangeHook } from 'payload'

import type { Event } from '../../../payload-types'

export const GENERAL_ADMISSION = 'General admission'

/**
 * Every event sells at least one ticket type: an event created (or saved) with none gets
 * "General admission" at the event's price, limited by its capacity alone.
 */
export const ensureTicketType: CollectionBeforeChangeHook<Event> = ({
  data,
  operation,
  originalDoc,
}) => {
  const types = data.ticketTypes
  const isMissing = operation === 'create' ? !types?.length : Array.isArray(types) && !types.length
  if (!isMissing) return data
  data.ticketTypes = [
    {
      name: GENERAL_ADMISSION,
      price: data.price ?? originalDoc?.price ?? 0,
      minPerOrder: 1,
      maxPerOrder: 10,
      hidden: false,
    },
  ]
  return data
}
