import type { CollectionBeforeChangeHook } from 'payload'

import type { ChatMessage } from '../../../payload-types'
import { chatEventOf } from '../../../services/chatEvent'

/** Every message records its offset from the event's start, so replay can line it up. */
export const stampOffset: CollectionBeforeChangeHook<ChatMessage> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || data.event === undefined || data.event === null) return data
  const eventId = typeof data.event === 'object' ? data.event.id : data.event
  const event = await chatEventOf(req, eventId)
  if (!event) return data
  const sentAt = new Date(data.sentAt ?? Date.now()).getTime()
  data.offsetSeconds = Math.round((sentAt - new Date(event.startTime).getTime()) / 1000)
  return data
}
