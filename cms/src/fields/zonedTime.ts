/**
 * Wall-clock times in a named IANA zone ↔ instants (UTC). Pure and free of Payload imports, so
 * the admin's date field (in the browser) and the server's hook share one conversion.
 */

/** "2026-03-29T18:00" or "2026-03-29T18:00:30": a date and time with no offset. */
export const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  return format
}

type WallParts = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallParts(instant: Date, timeZone: string): WallParts {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const { type, value } of partsFormatter(timeZone).formatToParts(instant)) {
    part[type] = Number(value)
  }
  return {
    year: part.year ?? 0,
    month: part.month ?? 1,
    day: part.day ?? 1,
    hour: part.hour ?? 0,
    minute: part.minute ?? 0,
    second: part.second ?? 0,
  }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The wall clock in `timeZone` at `instant`, as "YYYY-MM-DDTHH:mm". */
export function toWallTime(instant: Date | string, timeZone: string): string {
  const { year, month, day, hour, minute } = wallParts(new Date(instant), timeZone)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`
}

/** Minutes the zone is ahead of UTC at `instantMs` (Berlin in winter: 60). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallParts(new Date(instantMs), timeZone)
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000)
}

/**
 * The instant a wall-clock time in `timeZone` names. Across a daylight-saving change it follows
 * Temporal's "compatible" rule: a time the clocks skip (02:30 on a spring-forward night) moves
 * forward by the gap; a time that happens twice (02:30 on a fall-back night) is the earlier one.
 * Returns null for anything that is not a wall-clock time.
 */
export function fromWallTime(wallTime: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(wallTime)
  if (!match) return null
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0))
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  // The offsets a day either side cover any single transition near this time.
  const before = offsetMinutes(asUtc - 86_400_000, timeZone)
  const after = offsetMinutes(asUtc + 86_400_000, timeZone)
  const wall = wallTime.slice(0, 16)
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => toWallTime(new Date(instant), timeZone) === wall)
    .sort((a, b) => a - b)
  // No candidate: the clocks skipped this time; read it with the offset from before the gap.
  return new Date(candidates[0] ?? asUtc - before * 60_000)
}

/** "CET", "CEST", "GMT-4": the zone's short name at that instant, as people read it. */
export function zoneAbbreviation(instant: Date | string, timeZone: string): string {
  const date = new Date(instant)
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value
  return name ?? timeZone
}

/** Every IANA zone this runtime knows, UTC first; `current` is kept even if it is an alias. */
export function timeZoneNames(current?: string | null): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  const names = new Set(['UTC', ...zones])
  if (current) names.add(current)
  return [...names]
}

/** "Sat 14 Mar 2031, 18:30 CET (Europe/Berlin)": an event's time as its organizer set it. */
export function formatInZone(instant: Date | string, timeZone: string): string {
  const date = new Date(instant)
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
  return `${when} ${zoneAbbreviation(date, timeZone)} (${timeZone})`
}
