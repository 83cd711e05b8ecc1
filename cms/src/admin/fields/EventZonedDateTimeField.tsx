'use client'

import { useFormFields } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import { isTimeZone } from '../../fields/timezone'
import { ZonedDateTimeInput } from './ZonedDateTimeField'

const idOf = (value: unknown): string | null => {
  const id = value && typeof value === 'object' && 'id' in value ? value.id : value
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null
}

/**
 * A session's time, typed as the wall clock in its event's zone: the zone of the event picked in
 * the form (fetched, so a new session is right before its first save), else the stored copy.
 */
export const EventZonedDateTimeField: DateFieldClientComponent = (props) => {
  const eventId = useFormFields(([fields]) => idOf(fields.event?.value))
  const storedZone = useFormFields(([fields]) => fields.timezone?.value)
  const [eventZone, setEventZone] = useState<string | null>(null)

  useEffect(() => {
    if (!eventId) return
    const controller = new AbortController()
    fetch(`/api/events/${encodeURIComponent(eventId)}?depth=0&select[timezone]=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((event: { timezone?: unknown } | null) => {
        if (isTimeZone(event?.timezone)) setEventZone(event.timezone)
      })
      .catch(() => {})
    return () => controller.abort()
  }, [eventId])

  const zone = eventZone ?? (isTimeZone(storedZone) ? storedZone : 'UTC')
  return <ZonedDateTimeInput {...props} zone={zone} />
}
