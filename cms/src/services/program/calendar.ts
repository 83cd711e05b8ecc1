import { escapeText, fold, utcStamp } from '../../emails/ics'
import type { AgendaSession } from './agenda'
import { sessionPageUrl } from './agenda'

export type CalendarSession = AgendaSession & { sequence: number; updatedAt: string }

/**
 * An iCalendar file (RFC 5545) with one VEVENT per session: times in UTC (right in every
 * calendar, whatever its zone), the event's zone named in the description, a UID per session
 * and a SEQUENCE that rises when it moves, so a refreshed feed replaces the old time.
 */
export function buildSessionsCalendar(
  sessions: CalendarSession[],
  { name, now = new Date() }: { name: string; now?: Date },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Event Portal//Program//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]
  for (const session of sessions) {
    const url = sessionPageUrl(session.event, session.id)
    const speakers = session.speakers.map((speaker) => speaker.name).join(', ')
    const description = [
      `${session.event.title} · ${session.track}`,
      speakers ? `With ${speakers}` : '',
      `Time zone of the event: ${session.timezone}`,
      url,
    ]
      .filter(Boolean)
      .join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:session-${session.id}@event-portal`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(new Date(session.updatedAt))}`,
      `DTSTART:${utcStamp(new Date(session.startTime))}`,
      `DTEND:${utcStamp(new Date(session.endTime))}`,
      `SEQUENCE:${session.sequence}`,
      `SUMMARY:${escapeText(`${session.title} (${session.event.title})`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText(session.track)}`,
      `URL:${url}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}

/** The calendar fields of a session read for the agenda. */
export const calendarSession = (
  agenda: AgendaSession,
  session: { sequence?: number | null; updatedAt: string },
): CalendarSession => ({ ...agenda, sequence: session.sequence ?? 0, updatedAt: session.updatedAt })

export const calendarHeaders = (filename: string): Record<string, string> => ({
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': `inline; filename="${filename}"`,
  'Cache-Control': 'private, no-store',
})
