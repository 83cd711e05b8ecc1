import type { TextField } from 'payload'

const ZONE_NAME = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)*$/

/** An IANA zone name (aliases such as Asia/Kolkata included); offsets like +01:00 are not zones. */
export const isTimeZone = (value: unknown): value is string => {
  if (typeof value !== 'string' || !ZONE_NAME.test(value)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name used to show an event's time and build calendar files. */
export const timezoneField: TextField = {
  name: 'timezone',
  type: 'text',
  required: true,
  defaultValue: 'UTC',
  validate: (value: string | null | undefined) =>
    isTimeZone(value) || 'Must be an IANA time zone such as Europe/Berlin or America/New_York.',
  admin: {
    description: 'Where the event happens: its start is entered and shown in this zone.',
    components: { Field: '@event-portal/cms/plugin/client#TimeZoneSelectField' },
  },
}
