'use client'

import { useAuth } from '@payloadcms/ui'

import type { User } from '../payload-types'
import { useFeature } from './portalSlugs'

/** Links to the custom pages, below Payload's collection links. */
export function NavLinks() {
  const { user } = useAuth<User>()
  const hasChat = useFeature('chat')
  if (!user || user.role === 'user') return null
  return (
    <nav aria-label="Tools" style={{ display: 'grid', gap: '0.5rem', margin: '1rem 0' }}>
      <a href="/admin/analytics">Analytics</a>
      <a href="/admin/attendees">Attendees</a>
      {hasChat && <a href="/admin/moderation">Moderation</a>}
      {user.role === 'admin' && <a href="/admin/approvals">Approval queue</a>}
      {user.role === 'admin' && <a href="/admin/overview">Site overview</a>}
    </nav>
  )
}
