'use client'

import { FieldDescription, FieldError, FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { DateFieldClientComponent, DateFieldClientProps } from 'payload'
import { useEffect, useState } from 'react'

import { isTimeZone } from '../../fields/timezone'
import { fromWallTime, toWallTime, zoneAbbreviation } from '../../fields/zonedTime'
import { siblingPath } from './siblingPath'

/**
 * A date and time typed as the wall clock in the event's own zone (the sibling `timezone` field),
 * whatever zone the browser is in. The form keeps the instant (UTC); changing the zone keeps the
 * typed time and moves the instant, as an organizer who picks "18:00, Berlin" expects.
 */
export const ZonedDateTimeField: DateFieldClientComponent = (props) => {
  const zoneValue = useFormFields(
    ([fields]) =>
      // A row of an event's list (a ticket type's sales start) follows the event's own zone.
      fields[siblingPath(props.path ?? props.field.name, 'timezone')]?.value ??
      fields['timezone']?.value,
  )
  return <ZonedDateTimeInput {...props} zone={isTimeZone(zoneValue) ? zoneValue : 'UTC'} />
}

/** The date and time input itself, for the wall clock in `zone`. */
export function ZonedDateTimeInput({
  field,
  path: pathFromProps,
  readOnly,
  zone,
}: DateFieldClientProps & { zone: string }) {
  const { path, value, setValue, showError, disabled } = useField<string>({
    potentiallyStalePath: pathFromProps,
  })
  const [wall, setWall] = useState(() => (value ? toWallTime(value, zone) : ''))

  // A new zone keeps the typed time and moves the instant.
  useEffect(() => {
    const instant = wall ? fromWallTime(wall, zone) : null
    if (instant && instant.getTime() !== Date.parse(value ?? '')) setValue(instant.toISOString())
    // Only a change of zone should move the instant; typing is handled in onChange.
  }, [zone])

  // A value set from outside (a save, a reload) shows as the wall clock in the zone.
  useEffect(() => {
    if (!value) return
    const typed = wall ? fromWallTime(wall, zone) : null
    if (!typed || typed.getTime() !== Date.parse(value)) setWall(toWallTime(value, zone))
  }, [value])

  const id = `field-${path.replace(/\./g, '__')}`
  const instant = value ? new Date(value) : null
  return (
    <div className="field-type text" style={{ flex: '1 1 auto' }}>
      <FieldLabel
        htmlFor={id}
        label={field.label ?? 'Start'}
        path={path}
        required={field.required}
      />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <input
            id={id}
            name={path}
            type="datetime-local"
            value={wall}
            readOnly={readOnly || disabled || field.admin?.readOnly}
            aria-describedby={`${id}-zone`}
            onChange={(change) => {
              setWall(change.target.value)
              const next = fromWallTime(change.target.value, zone)
              setValue(next ? next.toISOString() : null)
            }}
          />
          <span id={`${id}-zone`}>
            {zone}
            {instant ? ` (${zoneAbbreviation(instant, zone)})` : ''}
          </span>
        </div>
        <FieldDescription
          path={path}
          description={`Entered and shown in the event’s time zone (${zone}), not your computer’s.`}
        />
      </div>
    </div>
  )
}
