'use client'

import { useDocumentInfo } from '@payloadcms/ui'

/** On an event's edit page: its figures, its attendees and its chat. */
export function EventToolsLinks() {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <nav aria-label="This event" style={{ display: 'flex', gap: '1rem', marginBottom: '1.5rem' }}>
      <a href={`/admin/analytics?event=${id}`}>Analytics</a>
      <a href={`/admin/attendees?event=${id}`}>Attendees</a>
      <a href={`/admin/moderation?event=${id}`}>Chat moderation</a>
    </nav>
  )
}
