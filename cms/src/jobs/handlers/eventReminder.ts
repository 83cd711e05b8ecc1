import type { Payload } from 'payload'

import { eventReminderEmail } from '../../emails/templates'
import { eventSummary, loadRegistration } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

/**
 * A reminder scheduled for an older start time, or for a cancelled seat or
 * event, is dropped; so is one that runs late (a worker outage) once the
 * event has started: "starts in 1 hour" after the start only confuses.
 */
export async function eventReminder(
  payload: Payload,
  { registrationId, window, startTime }: JobData<'event-reminder'>,
): Promise<void> {
  const registration = await loadRegistration(payload, registrationId)
  const { event, user } = registration
  if (registration.status !== 'confirmed' || event.status !== 'published') return
  if (Date.parse(event.startTime) !== Date.parse(startTime)) return
  if (Date.parse(event.startTime) <= Date.now()) {
    payload.logger.info(
      `reminder ${window} for registration ${registration.id} dropped: event started`,
    )
    return
  }
  await deliverOnce(payload, {
    key: `reminder:${registration.id}:${window}:${Date.parse(startTime)}`,
    template: `reminder-${window}`,
    to: user,
    content: eventReminderEmail({ name: user.name, event: eventSummary(event), window }),
  })
}
