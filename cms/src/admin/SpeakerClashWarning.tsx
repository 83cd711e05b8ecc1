'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { SpeakerClash } from '../services/program/speakerClashes'

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * Warns the organizer, on the session's page and after each save, when one of its speakers is
 * booked in another session at the same time (allowed, but rarely meant).
 */
export function SpeakerClashWarning() {
  const { id, savedDocumentData } = useDocumentInfo()
  const [clashes, setClashes] = useState<SpeakerClash[]>([])
  const savedAt = savedDocumentData?.updatedAt as string | undefined

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`/api/sessions/${id}?depth=0`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { speakerClashes?: SpeakerClash[] } | null) =>
        setClashes(doc?.speakerClashes ?? []),
      )
      .catch(() => {})
    return () => controller.abort()
  }, [id, savedAt])

  if (clashes.length === 0) return null
  return (
    <div role="alert" className="banner banner--type-error" style={{ marginBottom: '1rem' }}>
      <strong>Speaker booked twice:</strong>
      <ul style={{ margin: '0.25rem 0 0' }}>
        {clashes.map((clash) => (
          <li key={`${clash.speaker.id}-${clash.session.id}`}>
            {clash.speaker.name} is also in “{clash.session.title}” ({clash.session.event},{' '}
            {time(clash.session.startTime)} – {time(clash.session.endTime)}).
          </li>
        ))}
      </ul>
    </div>
  )
}
