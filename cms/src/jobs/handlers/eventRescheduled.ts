import type { Payload } from 'payload'

import { eventRegistrations, loadEvent } from '../context'
import type { JobData } from '../definitions'
import { scheduleReminders, unscheduleReminders } from '../reminders'

/** Moves every confirmed attendee's reminders to the new start time. */
export async function eventRescheduled(
  payload: Payload,
  { eventId, startTime, previousStartTime }: JobData<'event-rescheduled'>,
): Promise<void> {
  const event = await loadEvent(payload, eventId)
  // A later move enqueues its own job; this one only acts if its start time is still current.
  if (Date.parse(event.startTime) !== Date.parse(startTime) || event.status === 'cancelled') return
  for await (const registration of eventRegistrations(payload, event.id, ['confirmed'])) {
    await unscheduleReminders(registration.id, previousStartTime)
    await scheduleReminders(registration, event)
  }
}
