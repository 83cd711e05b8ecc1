'use client'

import { useCallback, useEffect, useState } from 'react'
import dynamic from 'next/dynamic'

import type { AdminOverview } from '../services/analytics/adminOverview'
import type { QueueHealth } from '../services/queueHealth'
import { DateRangeFields, daysAgo, FigureTable, formatMoney, Tile } from './figures'
import { usePortalSlugs } from './portalSlugs'

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'include' })
  const body = await response.json()
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? 'Could not be loaded.')
  return body as T
}

// The chart library is large: it loads after the figures are on screen.
const RegistrationsBarChart = dynamic(
  () => import('./AnalyticsCharts').then((charts) => charts.RegistrationsBarChart),
  { ssr: false },
)

export type OverviewInitial = { overview: AdminOverview; queue: QueueHealth | null }

export function AdminOverviewPanel({ initial }: { initial?: OverviewInitial }) {
  const { users } = usePortalSlugs()
  const [range, setRange] = useState(
    () => initial?.overview.range ?? { from: daysAgo(29), to: daysAgo(0) },
  )
  const [overview, setOverview] = useState<AdminOverview | null>(initial?.overview ?? null)
  const [queue, setQueue] = useState<QueueHealth | null>(initial?.queue ?? null)
  const [message, setMessage] = useState<string | null>(
    initial && !initial.queue ? 'The email queue could not be reached.' : null,
  )

  const loadQueue = useCallback(async () => {
    setQueue(await getJson<QueueHealth>('/api/admin/queues'))
  }, [])

  useEffect(() => {
    // The server sent the first figures with the page.
    if (initial && range === initial.overview.range) return
    getJson<AdminOverview>(`/api/analytics/admin?from=${range.from}&to=${range.to}`)
      .then(setOverview)
      .catch((error: Error) => setMessage(error.message))
    loadQueue().catch((error: Error) => setMessage(error.message))
  }, [range, loadQueue, initial])

  const retry = async (jobId: string) => {
    const response = await fetch('/api/admin/queues/retry', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jobId }),
    })
    const body = await response.json().catch(() => null)
    setMessage(
      response.ok
        ? `Job ${jobId} is queued again.`
        : (body?.errors?.[0]?.message ?? 'Retry failed.'),
    )
    await loadQueue()
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
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <DateRangeFields range={range} onChange={setRange} />
        <a href={`/admin/collections/${users}`}>Manage users (search, roles, disable)</a>
      </div>
      {message && <p>{message}</p>}
      {overview && (
        <>
          <section
            aria-label="People and events"
            style={{
              display: 'grid',
              gap: '1rem',
              gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
            }}
          >
            <Tile label="Active users (signed in)" value={String(overview.activeUsers)} />
            {overview.usersByRole.map((row) => (
              <Tile key={row.role} label={`Role: ${row.role}`} value={String(row.count)} />
            ))}
            {overview.eventsByStatus.map((row) => (
              <Tile
                key={row.status}
                label={`Events ${row.status.replace('_', ' ')}`}
                value={String(row.count)}
              />
            ))}
          </section>
          <section aria-labelledby="site-registrations">
            <h2 id="site-registrations">Registrations per day</h2>
            <div
              style={{ height: 240 }}
              role="img"
              aria-label="Bar chart of registrations per day; the table below has the numbers"
            >
              <RegistrationsBarChart rows={overview.registrationsPerDay} />
            </div>
            <details>
              <summary>The numbers</summary>
              <FigureTable
                caption="Registrations per day (UTC), all events"
                headers={['Day', 'Registrations']}
                rows={overview.registrationsPerDay.map((row) => [row.day, row.registrations])}
              />
            </details>
          </section>
          <section aria-labelledby="by-organizer">
            <h2 id="by-organizer">Revenue by organizer</h2>
            <FigureTable
              caption="Revenue by organizer in the range"
              headers={['Organizer', 'Currency', 'Gross', 'Refunded', 'Net']}
              rows={overview.revenueByOrganizer.map((row) => [
                row.organizer,
                row.currency,
                formatMoney(row.gross, row.currency),
                formatMoney(row.refunded, row.currency),
                formatMoney(row.net, row.currency),
              ])}
            />
          </section>
          <section aria-labelledby="by-month">
            <h2 id="by-month">Revenue by month</h2>
            <FigureTable
              caption="Revenue by month in the range"
              headers={['Month', 'Currency', 'Gross', 'Refunded', 'Net']}
              rows={overview.revenueByMonth.map((row) => [
                row.month,
                row.currency,
                formatMoney(row.gross, row.currency),
                formatMoney(row.refunded, row.currency),
                formatMoney(row.net, row.currency),
              ])}
            />
          </section>
        </>
      )}
      {queue && (
        <section aria-labelledby="queue">
          <h2 id="queue">Email queue</h2>
          <FigureTable
            caption="Jobs by state"
            headers={['Waiting', 'Active', 'Delayed', 'Failed', 'Completed']}
            rows={[
              [
                queue.counts.waiting,
                queue.counts.active,
                queue.counts.delayed,
                queue.counts.failed,
                queue.counts.completed,
              ],
            ]}
          />
          <FigureTable
            caption="Latest failed jobs"
            headers={['Job', 'Reason', 'Attempts', 'Failed at', '']}
            rows={queue.failed.map((job) => [
              `${job.name} (${job.id})`,
              job.failedReason,
              job.attemptsMade,
              job.failedAt ? new Date(job.failedAt).toLocaleString() : '—',
              <button
                key="retry"
                type="button"
                className="btn btn--style-secondary btn--size-small"
                style={{ margin: 0 }}
                onClick={() => void retry(job.id)}
              >
                Retry
              </button>,
            ])}
          />
        </section>
      )}
    </div>
  )
}
