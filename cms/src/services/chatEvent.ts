import type { PayloadRequest } from 'payload'

import type { Event } from '../payload-types'
import { slugs } from '../plugin/settings'

export type ChatEvent = Pick<Event, 'id' | 'organizer' | 'startTime'>

/**
 * The event a chat message is posted to, read once per request: the create access, the chat rules
 * and the replay offset all ask for it. Only the fields they need, without the event's joins (a
 * message costs no ticket-type query). null when there is no such event; a database that cannot
 * answer throws, so no rule is skipped.
 */
export function chatEventOf(req: PayloadRequest, eventId: number): Promise<ChatEvent | null> {
  const read = (req.context.chatEvents ??= new Map()) as Map<number, Promise<ChatEvent | null>>
  let event = read.get(eventId)
  if (!event) {
    event = req.payload.findByID({
      collection: slugs.events,
      id: eventId,
      depth: 0,
      joins: false,
      select: { organizer: true, startTime: true },
      disableErrors: true,
      overrideAccess: true,
      req,
    }) as Promise<ChatEvent | null>
    read.set(eventId, event)
  }
  return event
}
