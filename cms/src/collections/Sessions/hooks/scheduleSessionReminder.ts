import type { CollectionAfterChangeHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { enqueue } from '../../../jobs/queue'
import type { Session } from '../../../payload-types'

/** Reminders go out this long before a starred session. */
export const SESSION_REMINDER_MINUTES = 10

/**
 * One delayed job per session and start time mails its reminders; a session that moves gets a
 * new job, and the old one finds the time changed and drops itself.
 */
export const scheduleSessionReminder: CollectionAfterChangeHook<Session> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const isNewTime =
    operation === 'create' || Date.parse(previousDoc?.startTime) !== Date.parse(doc.startTime)
  const delay = Date.parse(doc.startTime) - SESSION_REMINDER_MINUTES * 60_000 - Date.now()
  if (!isNewTime || delay <= 0) return doc
  const startTime = new Date(doc.startTime).toISOString()
  await afterCommit(req, `session-reminder:${doc.id}`, () =>
    enqueue('session-reminder', { sessionId: doc.id, startTime }, { delay }),
  )
  return doc
}
