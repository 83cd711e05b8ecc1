import type { Payload } from 'payload'

import { buildIcs } from '../../emails/ics'
import { registrationConfirmedEmail } from '../../emails/templates'
import {
  eventSummary,
  loadRegistration,
  registrationVersion,
  siteUrl,
  type LoadedRegistration,
} from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'
import { scheduleReminders } from '../reminders'

/** The link in an unclaimed ticket's email: the site's claim page (docs/tickets.md). */
const claimUrlOf = (registration: LoadedRegistration): string | undefined =>
  registration.user.id === undefined && registration.claimToken
    ? `${siteUrl()}/claim?token=${encodeURIComponent(registration.claimToken)}`
    : undefined

/** The confirmation with its calendar file; it also schedules the reminders. */
export async function registrationConfirmed(
  payload: Payload,
  { registrationId }: JobData<'registration-confirmed'>,
): Promise<void> {
  const registration = await loadRegistration(payload, registrationId)
  const { event, user } = registration
  // The job may run after later changes: only a still-confirmed seat is worth a confirmation.
  if (registration.status !== 'confirmed' || event.status === 'cancelled') return
  const summary = eventSummary(event)
  await deliverOnce(payload, {
    key: `registration-confirmed:${registration.id}:${registrationVersion(registration)}`,
    template: 'registration-confirmed',
    to: user,
    content: registrationConfirmedEmail({
      name: user.name,
      event: summary,
      ticketTypeName: registration.ticketTypeName,
      claimUrl: claimUrlOf(registration),
    }),
    attachments: [
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: buildIcs({
          uid: `event-${event.id}-registration-${registration.id}@event-portal`,
          title: event.title,
          description: event.descriptionText ?? event.title,
          url: summary.url,
          startTime: event.startTime,
          durationMinutes: event.duration,
          timezone: event.timezone,
        }),
      },
    ],
  })
  await scheduleReminders(registration, event)
}
