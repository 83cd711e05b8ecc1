import type { CollectionBeforeChangeHook } from 'payload'

import { PROGRAM_ERROR } from '../../../contract/program'
import { formatInZone } from '../../../fields/zonedTime'
import { RequestError } from '../../../lib/errors'
import type { Session } from '../../../payload-types'
import { endsAt, idOf } from '../../../services/bookableEvent'

/**
 * A session lies inside its event's span and ends after it starts (400 naming the field). It
 * takes its event's zone, and its calendar sequence rises when it moves.
 */
export const fitInsideEvent: CollectionBeforeChangeHook<Session> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const eventId = idOf((data.event ?? originalDoc?.event) as Session['event'] | undefined)
  const startTime = data.startTime ?? originalDoc?.startTime
  const endTime = data.endTime ?? originalDoc?.endTime
  if (eventId === undefined || !startTime || !endTime) return data
  const event = await req.payload
    .findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!event) return data
  const start = new Date(startTime)
  const end = new Date(endTime)
  const eventStart = new Date(event.startTime)
  const eventEnd = endsAt(event)
  const span = `${formatInZone(eventStart, event.timezone)} – ${formatInZone(eventEnd, event.timezone)}`
  if (end <= start) {
    throw new RequestError('The session must end after it starts.', 400, {
      code: PROGRAM_ERROR.sessionEndsBeforeStart,
      path: 'endTime',
    })
  }
  if (start < eventStart || start >= eventEnd) {
    throw new RequestError(`The session must start within the event (${span}).`, 400, {
      code: PROGRAM_ERROR.sessionOutsideEvent,
      path: 'startTime',
    })
  }
  if (end > eventEnd) {
    throw new RequestError(`The session must end by the event's end (${span}).`, 400, {
      code: PROGRAM_ERROR.sessionOutsideEvent,
      path: 'endTime',
    })
  }
  data.timezone = event.timezone
  const moved =
    operation === 'update' &&
    originalDoc &&
    (start.getTime() !== Date.parse(originalDoc.startTime) ||
      end.getTime() !== Date.parse(originalDoc.endTime))
  if (moved) data.sequence = (originalDoc.sequence ?? 0) + 1
  return data
}
