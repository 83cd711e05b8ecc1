import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { publishEventChanged } from '../../../lib/realtimeBus'
import type { Event } from '../../../payload-types'

const idOf = (value: number | { id: number } | null | undefined) =>
  typeof value === 'object' && value !== null ? value.id : value

/** The live chat decides who moderates and when it opens from these; realtime reads them again. */
export const publishEventToChat: CollectionAfterChangeHook<Event> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const hasChanged =
    operation === 'update' &&
    (idOf(previousDoc?.organizer) !== idOf(doc.organizer) ||
      previousDoc?.startTime !== doc.startTime ||
      previousDoc?.status !== doc.status)
  if (hasChanged) await publishEventChanged(req, doc.id)
  return doc
}

export const forgetEventInChat: CollectionAfterDeleteHook<Event> = async ({ doc, req }) => {
  await publishEventChanged(req, doc.id)
  return doc
}
