import type { Payload } from 'payload'

import { formatEventTime } from '../../emails/format'
import { sessionReminderEmail } from '../../emails/templates'
import type { Event, User } from '../../payload-types'
import { sessionPageUrl } from '../../services/program/agenda'
import { eventSummary } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'
import { slugs } from '../../plugin/settings'

/**
 * Mails everyone who starred the session with `remind` on. A reminder for an older start time
 * (the session moved: a new job carries the new time), a session gone, an event no longer
 * published or a session already started is dropped.
 */
export async function sessionReminder(
  payload: Payload,
  { sessionId, startTime }: JobData<'session-reminder'>,
): Promise<void> {
  const session = await payload.findByID({
    collection: slugs.sessions,
    id: sessionId,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!session || typeof session.event !== 'object') return
  const event = session.event as Event
  if (event.status !== 'published') return
  if (Date.parse(session.startTime) !== Date.parse(startTime)) return
  if (Date.parse(session.startTime) <= Date.now()) {
    payload.logger.info(`session reminder for ${session.id} dropped: the session started`)
    return
  }
  const { docs: stars } = await payload.find({
    collection: slugs.sessionStars,
    where: { and: [{ session: { equals: session.id } }, { remind: { equals: true } }] },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const star of stars) {
    const user = star.user as User
    if (typeof user !== 'object') continue
    await deliverOnce(payload, {
      key: `session-reminder:${star.id}:${Date.parse(startTime)}`,
      template: 'session-reminder',
      to: user,
      content: sessionReminderEmail({
        name: user.name,
        session: session.title,
        event: eventSummary(event),
        when: formatEventTime(session.startTime, event.timezone),
        url: sessionPageUrl(event, session.id),
      }),
    })
  }
}
