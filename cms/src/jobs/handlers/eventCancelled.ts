import type { Payload } from 'payload'

import { eventCancelledEmail } from '../../emails/templates'
import { eventRegistrations, eventSummary, loadEvent } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'
import { unscheduleReminders } from '../reminders'

/** Tells everyone holding or waiting for a seat, and drops their reminders. */
export async function eventCancelled(
  payload: Payload,
  { eventId }: JobData<'event-cancelled'>,
): Promise<void> {
  const event = await loadEvent(payload, eventId)
  if (event.status !== 'cancelled') return
  const summary = eventSummary(event)
  for await (const registration of eventRegistrations(payload, event.id, [
    'confirmed',
    'pending',
    'waitlisted',
    'cancelled',
  ])) {
    await unscheduleReminders(registration.id, event.startTime)
    // A registration cancelled before the event was (by its owner) has already been told.
    if (registration.status === 'cancelled' && registration.updatedAt < event.updatedAt) continue
    await deliverOnce(payload, {
      key: `event-cancelled:${event.id}:${registration.user.id ?? registration.user.email}`,
      template: 'event-cancelled',
      to: registration.user,
      content: eventCancelledEmail({ name: registration.user.name, event: summary }),
    })
  }
}
