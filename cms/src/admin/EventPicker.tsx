'use client'

import { useRouter } from 'next/navigation'

import { formatInZone } from '../fields/zonedTime'
import type { ManagedEvent } from './managedEvents'

/** Chooses the event a tool page shows; the choice lives in the address (?event=ID). */
export function EventPicker({
  events,
  selected,
}: {
  events: ManagedEvent[]
  selected: number | null
}) {
  const router = useRouter()
  return (
    <label style={{ display: 'inline-grid', gap: '0.25rem', marginBottom: '1rem' }}>
      Event
      <select
        value={selected ?? ''}
        onChange={(change) => router.push(`?event=${change.target.value}`)}
      >
        {selected === null && <option value="">Choose an event…</option>}
        {events.map((event) => (
          <option key={event.id} value={event.id}>
            {event.title} — {formatInZone(event.startTime, event.timezone)}
          </option>
        ))}
      </select>
    </label>
  )
}
