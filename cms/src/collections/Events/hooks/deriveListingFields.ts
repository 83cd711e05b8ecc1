import type { CollectionBeforeChangeHook } from 'payload'

import type { Event } from '../../../payload-types'
import { endsAt } from '../../../services/bookableEvent'

/**
 * Stores what the public lists filter on but cannot compute in a query: when the event ends
 * (so "live now" and "past" are plain range filters) and whether it has a recording (the
 * recording's address stays private to the organizer and admins; this flag is public).
 */
export const deriveListingFields: CollectionBeforeChangeHook<Event> = ({ data, originalDoc }) => {
  const startTime = data.startTime ?? originalDoc?.startTime
  const duration = data.duration ?? originalDoc?.duration
  if (startTime && typeof duration === 'number') {
    data.endTime = endsAt({ startTime, duration }).toISOString()
  }
  const recordingUrl = 'recordingUrl' in data ? data.recordingUrl : originalDoc?.recordingUrl
  data.hasRecording = Boolean(recordingUrl?.trim())
  return data
}
