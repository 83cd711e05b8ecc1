'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type RowProblem = { row: number; field: string; message: string }
type Outcome =
  { kind: 'imported'; created: number } | { kind: 'refused'; message: string; rows: RowProblem[] }

const EXAMPLE =
  'title,start,end,track,kind,speakers,description\n' +
  'Opening keynote,2027-10-31 09:00,2027-10-31 10:00,Main stage,keynote,Ada Byron,Welcome!'

/**
 * "Import agenda (CSV)" on an event's page: the file goes to POST /api/events/:id/agenda-import,
 * which adds every row or none and names each bad row's column. Times are read in the event's zone.
 */
export function AgendaImport() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [csv, setCsv] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [isSending, setIsSending] = useState(false)
  if (!id) return null

  const send = async () => {
    setIsSending(true)
    try {
      const response = await fetch(`/api/events/${id}/agenda-import`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csv }),
      })
      const body = await response.json().catch(() => null)
      if (response.ok) {
        setOutcome({ kind: 'imported', created: body?.created ?? 0 })
        setCsv('')
        router.refresh()
      } else {
        const error = body?.errors?.[0]
        setOutcome({
          kind: 'refused',
          message: error?.message ?? `The import failed (${response.status}).`,
          rows: error?.data?.rows ?? [],
        })
      }
    } finally {
      setIsSending(false)
    }
  }

  return (
    <details style={{ marginBottom: '1.5rem' }}>
      <summary>Import agenda (CSV)</summary>
      <p>
        Columns: <code>title, start, end, track, kind, speakers, description</code>. Times in the
        event’s time zone (<code>2027-10-31 09:00</code>); speakers separated by <code>;</code> (new
        names become speaker profiles). Every row is imported, or none.
      </p>
      <label htmlFor="agenda-import-file">CSV file</label>{' '}
      <input
        id="agenda-import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={async (change) => setCsv((await change.target.files?.[0]?.text()) ?? '')}
      />
      <label htmlFor="agenda-import-text" style={{ display: 'block', marginTop: '0.5rem' }}>
        or paste it here
      </label>
      <textarea
        id="agenda-import-text"
        rows={5}
        style={{ width: '100%', fontFamily: 'monospace' }}
        placeholder={EXAMPLE}
        value={csv}
        onChange={(change) => setCsv(change.target.value)}
      />
      <button
        type="button"
        className="btn btn--size-small btn--style-primary"
        disabled={!csv.trim() || isSending}
        onClick={send}
      >
        {isSending ? 'Importing…' : 'Import sessions'}
      </button>
      <div role="status">
        {outcome?.kind === 'imported' && <p>Imported {outcome.created} sessions.</p>}
        {outcome?.kind === 'refused' && (
          <>
            <p>{outcome.message}</p>
            <ul>
              {outcome.rows.map((problem) => (
                <li key={`${problem.row}-${problem.field}`}>
                  Row {problem.row}, {problem.field}: {problem.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  )
}
