/** A single-event iCalendar file (RFC 5545) with the start in UTC and the event's zone named. */
export type CalendarEvent = {
  uid: string
  title: string
  description: string
  url: string
  startTime: string
  durationMinutes: number
  timezone: string
  organizerName?: string
  sequence?: number
  method?: 'REQUEST' | 'CANCEL'
}

export const utcStamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

export const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** Lines longer than 75 octets are folded with CRLF + space, as the RFC requires. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let current = ''
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
    }
    current += char
  }
  parts.push(current)
  return parts.join('\r\n ')
}

export function buildIcs(event: CalendarEvent, now = new Date()): string {
  const start = new Date(event.startTime)
  const end = new Date(start.getTime() + event.durationMinutes * 60_000)
  const method = event.method ?? 'REQUEST'
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Event Portal//Event Portal//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method === 'CANCEL' ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(start)}`,
    `DTEND:${utcStamp(end)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(`${event.description}\n\nWatch: ${event.url}\nTime zone: ${event.timezone}`)}`,
    `URL:${event.url}`,
    `LOCATION:${escapeText(event.url)}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
