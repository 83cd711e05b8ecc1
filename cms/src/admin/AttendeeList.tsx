'use client'

import { useEffect, useState } from 'react'

import type { AttendeeRow } from '../services/analytics/attendees'
import { FigureTable, formatMoney } from './figures'

const STATUSES = ['', 'confirmed', 'pending', 'waitlisted', 'cancelled'] as const

/** "Role: Developer · Consent: yes": each answered question with its label. */
function answersText(questions: { id: string; label: string }[], answers: Record<string, unknown>) {
  const parts = questions
    .filter((question) => answers[question.id] !== undefined)
    .map((question) => {
      const answer = answers[question.id]
      const text = Array.isArray(answer)
        ? answer.join(', ')
        : answer === true
          ? 'yes'
          : String(answer)
      return `${question.label}: ${text}`
    })
  return parts.join(' · ') || '—'
}

export function AttendeeList({ eventId }: { eventId: number }) {
  const [status, setStatus] = useState('')
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [rows, setRows] = useState<AttendeeRow[] | null>(null)
  const [questions, setQuestions] = useState<{ id: string; label: string }[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  // Search as the organizer types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])

  const params = new URLSearchParams()
  if (status) params.set('status', status)
  if (query) params.set('q', query)
  const filters = params.toString()

  // The list comes a page at a time; "Show more" appends the next one.
  const loadPage = (after: string | null, isCurrent: () => boolean = () => true) => {
    const pageQuery = new URLSearchParams(params)
    if (after) pageQuery.set('after', after)
    fetch(`/api/events/${eventId}/attendees?${pageQuery}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!isCurrent()) return
        if (response.ok) {
          const page = body.attendees as AttendeeRow[]
          setRows((shown) => (after && shown ? [...shown, ...page] : page))
          setNextCursor(body.nextCursor ?? null)
          setQuestions(body.questions ?? [])
          setError(null)
        } else setError(body?.errors?.[0]?.message ?? 'The list could not be loaded.')
      })
      .catch(() => isCurrent() && setError('The list could not be loaded.'))
  }

  useEffect(() => {
    let isCurrent = true
    loadPage(null, () => isCurrent)
    return () => {
      isCurrent = false
    }
    // loadPage reads the same filters this effect depends on.
  }, [eventId, filters])

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: '1rem',
        paddingBottom: '3rem',
      }}
    >
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <label>
          Status{' '}
          <select value={status} onChange={(change) => setStatus(change.target.value)}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value || 'All'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search name or email{' '}
          <input
            type="search"
            value={search}
            onChange={(change) => setSearch(change.target.value)}
          />
        </label>
        <a
          href={`/api/events/${eventId}/attendees?${filters}${filters ? '&' : ''}format=csv`}
          download
        >
          Export these as CSV
        </a>
      </div>
      {error && <p role="alert">{error}</p>}
      {rows && (
        <FigureTable
          caption={`${rows.length}${nextCursor ? '+' : ''} registrant${rows.length === 1 ? '' : 's'}`}
          headers={[
            'Name',
            'Email',
            'Ticket',
            'Status',
            'Registered',
            'Payment',
            'Attended',
            'Watched',
            ...(questions.length ? ['Answers'] : []),
          ]}
          rows={rows.map((row) => [
            row.name,
            row.email,
            [row.ticketType, row.promoCode && `code ${row.promoCode}`].filter(Boolean).join(', ') ||
              '—',
            row.status,
            new Date(row.registeredAt).toLocaleString(),
            row.paymentStatus
              ? `${row.paymentStatus}${row.amount !== null && row.currency ? `, ${formatMoney(row.amount, row.currency)}` : ''}`
              : '—',
            row.attended ? 'yes' : 'no',
            `${row.watchMinutes} min`,
            ...(questions.length ? [answersText(questions, row.answers)] : []),
          ])}
        />
      )}
      {nextCursor && (
        <button type="button" onClick={() => loadPage(nextCursor)}>
          Show more
        </button>
      )}
    </div>
  )
}
