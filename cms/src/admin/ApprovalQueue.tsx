'use client'

import { useCallback, useEffect, useState } from 'react'

import type { Event, User } from '../payload-types'
import { formatInZone } from '../fields/zonedTime'
import { FigureTable, formatMoney } from './figures'
import { usePortalSlugs } from './portalSlugs'

const PENDING = '?where[status][equals]=pending_review&sort=startTime&depth=1&limit=50'
const DECIDED =
  '?where[reviewedAt][exists]=true&sort=-reviewedAt&depth=1&limit=20&select[title]=true&select[status]=true&select[reviewedAt]=true&select[reviewedBy]=true&select[rejectionReason]=true'

const nameOf = (user: Event['organizer'] | Event['reviewedBy']) =>
  user && typeof user === 'object' ? (user as User).name : '—'

const when = (iso?: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { timeZoneName: 'short' }) : '—'

async function load(url: string): Promise<Event[]> {
  const response = await fetch(url, { credentials: 'include' })
  if (!response.ok) throw new Error('The events could not be loaded.')
  return ((await response.json()) as { docs: Event[] }).docs
}

/** Pending events with a preview and Approve / Reject-with-reason, and the latest decisions. */
export function ApprovalQueue() {
  const { events } = usePortalSlugs()
  const [pending, setPending] = useState<Event[] | null>(null)
  const [decided, setDecided] = useState<Event[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [waiting, done] = await Promise.all([
        load(`/api/${events}${PENDING}`),
        load(`/api/${events}${DECIDED}`),
      ])
      setPending(waiting)
      setDecided(done)
    } catch (error) {
      setMessage((error as Error).message)
    }
  }, [events])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const decide = async (event: Event, data: Partial<Event>) => {
    const response = await fetch(`/api/${events}/${event.id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    })
    const body = await response.json().catch(() => null)
    if (!response.ok) {
      setMessage(body?.errors?.[0]?.message ?? 'The decision could not be saved.')
      return
    }
    setMessage(
      data.status === 'published' ? `Published “${event.title}”.` : `Rejected “${event.title}”.`,
    )
    await refresh()
  }

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: '2rem',
        paddingBottom: '3rem',
      }}
    >
      <p role="status">{message}</p>
      <section aria-labelledby="waiting">
        <h2 id="waiting">Waiting for review</h2>
        {pending?.length === 0 && <p>No event is waiting for review.</p>}
        <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '1rem' }}>
          {pending?.map((event) => (
            <PendingEvent key={event.id} event={event} onDecide={decide} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="decisions">
        <h2 id="decisions">Recent decisions</h2>
        <FigureTable
          labelledBy="decisions"
          headers={['Event', 'Decision', 'By', 'When', 'Reason']}
          empty="No decisions yet."
          rows={decided.map((event) => [
            <a key="event" href={`/admin/collections/${events}/${event.id}`}>
              {event.title}
            </a>,
            event.status === 'published' ? 'Approved' : event.status,
            nameOf(event.reviewedBy),
            when(event.reviewedAt),
            event.status === 'rejected' ? event.rejectionReason : '',
          ])}
        />
      </section>
    </div>
  )
}

function PendingEvent({
  event,
  onDecide,
}: {
  event: Event
  onDecide: (event: Event, data: Partial<Event>) => Promise<void>
}) {
  const { events } = usePortalSlugs()
  const [reason, setReason] = useState('')
  const [isRejecting, setIsRejecting] = useState(false)
  const reasonId = `reason-${event.id}`
  return (
    <li
      aria-label={event.title}
      style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem' }}
    >
      <h3 style={{ margin: 0 }}>
        <a href={`/admin/collections/${events}/${event.id}`}>{event.title}</a>
      </h3>
      <p style={{ margin: '0.25rem 0' }}>
        By {nameOf(event.organizer)} · {formatInZone(event.startTime, event.timezone)} ·{' '}
        {event.price > 0 ? formatMoney(event.price, event.currency) : 'Free'} · {event.capacity}{' '}
        seats
      </p>
      {event.descriptionText && <p>{event.descriptionText.slice(0, 400)}</p>}
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          onClick={() => void onDecide(event, { status: 'published' })}
        >
          Approve and publish
        </button>
        {!isRejecting ? (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => setIsRejecting(true)}
          >
            Reject…
          </button>
        ) : (
          <form
            onSubmit={(submit) => {
              submit.preventDefault()
              void onDecide(event, { status: 'rejected', rejectionReason: reason })
            }}
            style={{ display: 'grid', gap: '0.5rem', width: '100%' }}
          >
            <label htmlFor={reasonId}>Reason for the organizer</label>
            <textarea
              id={reasonId}
              required
              minLength={3}
              rows={3}
              value={reason}
              onChange={(change) => setReason(change.target.value)}
            />
            <div>
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                Reject with this reason
              </button>
            </div>
          </form>
        )}
      </div>
    </li>
  )
}
