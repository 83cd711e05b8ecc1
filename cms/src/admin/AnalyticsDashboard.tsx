'use client'

import { useEffect, useState, type FormEvent } from 'react'
import dynamic from 'next/dynamic'

import type { OrganizerDashboard } from '../services/analytics/organizerDashboard'
import { DateRangeFields, daysAgo, FigureTable, formatMoney, Tile } from './figures'
import { usePortalSlugs } from './portalSlugs'

export type AnalyticsFilters = { from: string; to: string; event: string }
type Filters = AnalyticsFilters

// The chart library is large: it loads after the figures are on screen, and only on pages with charts.
const RegistrationsChart = dynamic(
  () => import('./AnalyticsCharts').then((charts) => charts.RegistrationsChart),
  { ssr: false },
)
const SeatsChart = dynamic(() => import('./AnalyticsCharts').then((charts) => charts.SeatsChart), {
  ssr: false,
})

/** Charts and tables of the caller's events; every chart has its numbers in a table beside it. */
export function AnalyticsDashboard({
  initial,
}: {
  /** Figures the server already loaded, so the page shows them without a round trip. */
  initial?: { filters: Filters; data: OrganizerDashboard | null; error: string | null }
}) {
  const [filters, setFilters] = useState<Filters>(
    () =>
      initial?.filters ?? {
        from: daysAgo(29),
        to: daysAgo(0),
        event:
          typeof window === 'undefined'
            ? ''
            : (new URLSearchParams(window.location.search).get('event') ?? ''),
      },
  )
  const [draft, setDraft] = useState(filters)
  const [data, setData] = useState<OrganizerDashboard | null>(initial?.data ?? null)
  const [error, setError] = useState<string | null>(initial?.error ?? null)

  useEffect(() => {
    if (initial && filters === initial.filters) return
    const query = new URLSearchParams({ from: filters.from, to: filters.to })
    if (filters.event) query.set('event', filters.event)
    let isCurrent = true
    fetch(`/api/analytics/organizer?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!isCurrent) return
        if (response.ok) {
          setData(body as OrganizerDashboard)
          setError(null)
        } else setError(body?.errors?.[0]?.message ?? 'The figures could not be loaded.')
      })
      .catch(() => isCurrent && setError('The figures could not be loaded.'))
    return () => {
      isCurrent = false
    }
  }, [filters, initial])

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setFilters(draft)
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
      <form
        onSubmit={apply}
        style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}
      >
        <DateRangeFields range={draft} onChange={setDraft} />
        <label>
          Event{' '}
          <select
            value={draft.event}
            onChange={(e) => setDraft({ ...draft, event: e.target.value })}
          >
            <option value="">All my events</option>
            {(data?.events ?? []).map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="btn btn--style-primary btn--size-small"
          style={{ margin: 0 }}
        >
          Show
        </button>
      </form>

      {error && <p role="alert">{error}</p>}
      {data && <Figures data={data} />}
    </div>
  )
}

function Figures({ data }: { data: OrganizerDashboard }) {
  const { events } = usePortalSlugs()
  const confirmed = data.events.reduce((sum, event) => sum + event.confirmed, 0)
  const waitlisted = data.events.reduce((sum, event) => sum + event.waitlisted, 0)
  const capacity = data.events.reduce((sum, event) => sum + event.capacity, 0)
  const { attendance, checkouts, chat } = data
  // Recharts reads a `fill` key in a data row as the bar's colour: keep the fill rate out.
  const chartEvents = data.events.map(({ fill: _fillRate, ...event }) => event)
  return (
    <>
      <section
        aria-label="Summary"
        style={{
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
        }}
      >
        <Tile label="Confirmed" value={`${confirmed} of ${capacity} seats`} />
        <Tile label="Waitlist" value={String(waitlisted)} />
        <Tile
          label="Net revenue"
          value={
            data.revenue.length
              ? data.revenue.map((row) => formatMoney(row.net, row.currency)).join(' · ')
              : '—'
          }
        />
        <Tile
          label="Checkout conversion"
          value={
            checkouts.conversion === null
              ? '—'
              : `${Math.round(checkouts.conversion * 100)}% (${checkouts.paid}/${checkouts.started})`
          }
        />
        <Tile
          label="Attended"
          value={`${attendance.attended} of ${attendance.registered}, ${Math.round(attendance.averageWatchSeconds / 60)} min avg`}
        />
        <Tile
          label="Chat / questions"
          value={`${chat.messages} / ${chat.questions} (${chat.hidden} hidden)`}
        />
      </section>

      <section aria-labelledby="by-day">
        <h2 id="by-day">Registrations per day</h2>
        <div
          style={{ height: 280 }}
          role="img"
          aria-label="Line chart of registrations per day; the table below has the numbers"
        >
          <RegistrationsChart rows={data.registrationsByDay} />
        </div>
        <details>
          <summary>The numbers, day by day</summary>
          <FigureTable
            caption="Registrations per day (UTC)"
            headers={['Day', 'Registrations', 'Cancellations']}
            rows={data.registrationsByDay.map((row) => [
              row.day,
              row.registrations,
              row.cancellations,
            ])}
          />
        </details>
      </section>

      <section aria-labelledby="per-event">
        <h2 id="per-event">Seats per event</h2>
        <div
          style={{ height: Math.max(160, data.events.length * 36) }}
          role="img"
          aria-label="Bar chart of seats per event; the table below has the numbers"
        >
          <SeatsChart events={chartEvents} />
        </div>
        <FigureTable
          caption="Seats, waitlist and attendance per event"
          headers={[
            'Event',
            'Capacity',
            'Confirmed',
            'Held',
            'Waitlist',
            'Cancelled',
            'Attended',
            'Fill',
            'Attendees',
          ]}
          rows={data.events.map((event) => [
            event.title,
            event.capacity,
            event.confirmed,
            event.pending,
            event.waitlisted,
            event.cancelled,
            event.attended,
            `${Math.round(event.fill * 100)}%`,
            <span key="links" style={{ display: 'flex', gap: '0.75rem' }}>
              <a href={`/admin/attendees?event=${event.id}`}>List</a>
              <a href={`/api/${events}/${event.id}/attendees?format=csv`} download>
                Export CSV
              </a>
            </span>,
          ])}
        />
      </section>

      <section aria-labelledby="revenue">
        <h2 id="revenue">Revenue</h2>
        <FigureTable
          caption="Revenue by currency in the range"
          headers={['Currency', 'Gross', 'Refunded', 'Net', 'Payments']}
          rows={data.revenue.map((row) => [
            row.currency,
            formatMoney(row.gross, row.currency),
            formatMoney(row.refunded, row.currency),
            formatMoney(row.net, row.currency),
            row.payments,
          ])}
        />
      </section>
      <section aria-labelledby="promo-codes">
        <h2 id="promo-codes">Promo codes</h2>
        <FigureTable
          labelledBy="promo-codes"
          headers={['Event', 'Code', 'Orders used', 'Holding', 'Tickets', 'Max uses', 'Discount']}
          rows={data.promoCodes.map((row) => [
            row.eventTitle,
            row.code,
            row.usedOrders,
            row.heldOrders,
            row.tickets,
            row.maxUses ?? 'unlimited',
            formatMoney(row.discountTotal, row.currency),
          ])}
          empty="No promo codes on these events."
        />
        <p>
          <a
            href={`/api/analytics/promo-codes?format=csv${data.events.length === 1 ? `&event=${data.events[0]!.id}` : ''}`}
          >
            Download as CSV
          </a>
        </p>
      </section>
    </>
  )
}
