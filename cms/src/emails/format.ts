/** The event's start in its own time zone, e.g. "Tuesday, 1 December 2026 at 18:00 CET". */
export function formatEventTime(iso: string, timeZone: string): string {
  return (
    new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso)) + ` (${timeZoneAbbreviation(iso, timeZone)})`
  )
}

function timeZoneAbbreviation(iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')
  return part ? `${timeZone}, ${part.value}` : timeZone
}

/** An integer amount in minor units as money, e.g. 1500 EUR → "€15.00", 1500 JPY → "¥1,500". */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(amountMinor / 10 ** digits)
}
