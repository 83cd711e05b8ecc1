import type { DateField, FieldHook } from 'payload'

import { isTimeZone } from './timezone'
import { fromWallTime, WALL_TIME } from './zonedTime'

/**
 * REST contract: an instant (with `Z` or an offset) is stored as sent; a wall-clock time with no
 * offset ("2026-03-29T18:00") is read in the document's `timezone` (the one sent beside it, else
 * the stored one, else UTC). Without this, the server's own zone would silently decide.
 */
const readWallTimeInZone: FieldHook = ({ value, data, originalDoc }) => {
  if (typeof value !== 'string' || !WALL_TIME.test(value)) return value
  const zone = data?.timezone ?? originalDoc?.timezone
  return fromWallTime(value, isTimeZone(zone) ? zone : 'UTC')?.toISOString() ?? value
}

/** A date and time entered and shown in the zone of the sibling `timezone` field. */
export const zonedDateTimeField = (field: Omit<DateField, 'type'>): DateField => ({
  ...field,
  type: 'date',
  hooks: {
    ...field.hooks,
    beforeValidate: [readWallTimeInZone, ...(field.hooks?.beforeValidate ?? [])],
  },
  admin: {
    ...field.admin,
    components: {
      Field: '@event-portal/cms/plugin/client#ZonedDateTimeField',
      Cell: '@event-portal/cms/plugin/client#ZonedDateCell',
      ...field.admin?.components,
    },
  },
})
