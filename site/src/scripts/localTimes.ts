import { formatTime, type TimeStyle } from '../lib/format'

/**
 * Rewrites every <time data-style> the server wrote in the event's zone into the visitor's
 * zone, with the same formatter, and reveals the "your time" lines when the zones differ.
 */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
for (const element of document.querySelectorAll<HTMLTimeElement>('time[data-style]')) {
  if (element.dataset.zone === zone) continue
  const eventTime = element.textContent
  element.textContent = formatTime(element.dataset.style as TimeStyle, element.dateTime, zone)
  if (element.dataset.style !== 'date') element.title = `Event time: ${eventTime}`
  element.closest<HTMLElement>('[data-your-time]')?.removeAttribute('hidden')
}
