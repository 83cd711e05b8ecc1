/**
 * Prices and times for the islands (checkout, program player), written exactly as format.ts writes them (the unit
 * tests hold the two to the same output). A copy, not an import: a module the island shares
 * with the local-time script would turn that inline script into a separate file on every page.
 */
const LOCALE = 'en-GB'

/** "Free" or the amount in its currency, from integer minor units (see formatPrice). */
export function money(minorUnits: number, currency: string): string {
  if (minorUnits === 0) return 'Free'
  const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorUnits / 10 ** digits)
}

const zoneName = (date: Date, timeZone: string, style: 'short' | 'long') =>
  new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value ?? timeZone

/** "Thursday, 24 December 2026 at 10:00 CET (Central European Standard Time)" (see formatInZone). */
export function inZone(iso: string, timeZone: string): string {
  const date = new Date(iso)
  const when = new Intl.DateTimeFormat(LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date)
  return `${when} ${zoneName(date, timeZone, 'short')} (${zoneName(date, timeZone, 'long')})`
}

/** "09:30 CET" — a session's start in a zone (see formatTime's `clock` style). */
export function clock(iso: string, timeZone: string): string {
  const date = new Date(iso)
  const time = new Intl.DateTimeFormat(LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date)
  // As zoneLabel: an offset like "GMT+5:30" says less than the zone's long name.
  const short = zoneName(date, timeZone, 'short')
  return `${time} ${/^(GMT|UTC)[+\-−]/.test(short) ? zoneName(date, timeZone, 'long') : short}`
}
