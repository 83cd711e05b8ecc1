import { createEvent } from 'ics'

import { endTime } from './format'

export type CalendarEvent = {
  id: number
  title: string
  slug: string
  startTime: string
  duration: number
  timezone: string
  description?: string | null
}

/**
 * An .ics file for the event. Times are written in UTC (…Z), which every
 * calendar converts to its owner's zone; the event's own zone is named in the
 * description so the organizer's local time stays visible.
 */
export function eventIcs(event: CalendarEvent, eventUrl: string): string {
  const { error, value } = createEvent({
    uid: `event-${event.id}@event-portal`,
    productId: 'event-portal/site',
    title: event.title,
    description: [event.description, `Time zone of the event: ${event.timezone}.`, eventUrl]
      .filter(Boolean)
      .join('\n\n'),
    start: new Date(event.startTime).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.duration },
    url: eventUrl,
    location: 'Online',
    status: 'CONFIRMED',
  })
  if (error || !value) throw new Error('Could not create the calendar file.')
  return value
}

function googleDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export function googleCalendarUrl(event: CalendarEvent, eventUrl: string): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${googleDate(new Date(event.startTime))}/${googleDate(endTime(event.startTime, event.duration))}`,
    ctz: event.timezone,
    details: eventUrl,
    location: 'Online',
  })
  return `https://calendar.google.com/calendar/render?${params.toString()}`
}
