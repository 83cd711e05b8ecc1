import type { Event, Registration } from '../payload-types'
import { enqueue, removeJob } from './queue'

export const REMINDER_WINDOWS = { '24h': 24 * 3600_000, '1h': 3600_000 } as const
export type ReminderWindow = keyof typeof REMINDER_WINDOWS

export const reminderJobId = (registrationId: number, window: ReminderWindow, startTime: string) =>
  `reminder:${registrationId}:${window}:${Date.parse(startTime)}`

/** Delayed jobs for the 24 h and 1 h reminders still ahead of the event's start. */
export async function scheduleReminders(
  registration: Pick<Registration, 'id'>,
  event: Pick<Event, 'startTime'>,
  now = Date.now(),
): Promise<void> {
  for (const window of Object.keys(REMINDER_WINDOWS) as ReminderWindow[]) {
    const delay = Date.parse(event.startTime) - REMINDER_WINDOWS[window] - now
    if (delay <= 0) continue
    await enqueue(
      'event-reminder',
      {
        registrationId: registration.id,
        window,
        startTime: new Date(event.startTime).toISOString(),
      },
      { jobId: reminderJobId(registration.id, window, event.startTime), delay },
    )
  }
}

export async function unscheduleReminders(
  registrationId: number,
  startTime: string,
): Promise<void> {
  for (const window of Object.keys(REMINDER_WINDOWS) as ReminderWindow[]) {
    await removeJob(reminderJobId(registrationId, window, startTime))
  }
}
