const LOCALE = 'en-GB'

// Building an Intl formatter costs far more than using one, and a list page formats dozens of
// dates: formatters are made once per locale, zone and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(key, format)
  }
  return format
}

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    numberFormats.set(key, format)
  }
  return format
}

/** "Free" or the amount in its currency, from integer minor units (2500 USD → "US$25.00"). */
export function formatPrice(minorUnits: number, currency: string, locale = LOCALE): string {
  if (minorUnits === 0) return 'Free'
  const format = currencyFormat(locale, currency)
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorUnits / 10 ** digits)
}

/** The price as a plain decimal string in major units, for schema.org offers ("25.00"). */
export function priceAsDecimal(minorUnits: number, currency: string): string {
  const digits = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2
  return (minorUnits / 10 ** digits).toFixed(digits)
}

/** e.g. "Friday 27 November 2026, 18:00 CET (Central European Standard Time)". */
export function formatInZone(iso: string, timeZone: string, locale = LOCALE): string {
  const date = new Date(iso)
  const when = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date)
  return `${when} ${zoneName(date, timeZone, 'short', locale)} (${zoneName(date, timeZone, 'long', locale)})`
}

/**
 * A compact date for cards: "Fri 27 Nov, 18:00 CET", or with the zone's long name where its
 * short one is only an offset ("Fri 27 Nov, 12:00 Eastern Standard Time", not "GMT-5").
 */
export function formatShort(iso: string, timeZone: string, locale = LOCALE): string {
  const date = new Date(iso)
  const when = dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date)
  return `${when} ${zoneLabel(date, timeZone, locale)}`
}

/** The zone's short name when it is a real name (CET, GMT, UTC), else its long name. */
export function zoneLabel(date: Date, timeZone: string, locale = LOCALE): string {
  const short = zoneName(date, timeZone, 'short', locale)
  return /^(GMT|UTC)[+\-−]/.test(short) ? zoneName(date, timeZone, 'long', locale) : short
}

/**
 * How a time reads in a zone: `short` on cards, `long` for "your time", `date` for receipts,
 * `clock` for a session in an agenda ("09:30 CET"), `hm` for the end of its span ("10:15").
 */
export type TimeStyle = 'short' | 'long' | 'date' | 'clock' | 'hm'

/**
 * One instant written for one zone. The server writes it in the event's zone; a small script
 * rewrites it in the visitor's zone (which only the browser knows) with the same function.
 */
export function formatTime(style: TimeStyle, iso: string, timeZone: string, locale = LOCALE) {
  if (style === 'short') return formatShort(iso, timeZone, locale)
  const date = new Date(iso)
  if (style === 'clock' || style === 'hm') {
    const clock = dateFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(date)
    return style === 'hm' ? clock : `${clock} ${zoneLabel(date, timeZone, locale)}`
  }
  if (style === 'date') {
    return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
      date,
    )
  }
  const when = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date)
  return `${when} ${zoneName(date, timeZone, 'long', locale)} (${timeZone})`
}

/** The zone's name at that instant (it changes with daylight saving time). */
export function zoneName(
  date: Date,
  timeZone: string,
  style: 'short' | 'long',
  locale = LOCALE,
): string {
  const part = dateFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((item) => item.type === 'timeZoneName')
  return part?.value ?? timeZone
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts = []
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`)
  if (rest) parts.push(`${rest} min`)
  return parts.join(' ') || '0 min'
}

export function endTime(startIso: string, durationMinutes: number): Date {
  return new Date(new Date(startIso).getTime() + durationMinutes * 60_000)
}

export type EventTiming = 'upcoming' | 'live' | 'ended'

export function eventTiming(
  startIso: string,
  durationMinutes: number,
  now = new Date(),
): EventTiming {
  if (now.getTime() < new Date(startIso).getTime()) return 'upcoming'
  return now < endTime(startIso, durationMinutes) ? 'live' : 'ended'
}
