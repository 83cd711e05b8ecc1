'use client'

import { useAuth } from '@payloadcms/ui'

import type { User } from '../payload-types'
import { AnalyticsDashboard } from './AnalyticsDashboard'
import { useFeature } from './portalSlugs'

/** The admin home: organizers see their figures first; admins their work queues. */
export function DashboardIntro() {
  const { user } = useAuth<User>()
  const hasChat = useFeature('chat')
  if (user?.role === 'organizer') {
    return (
      <section aria-labelledby="your-events" style={{ marginBottom: '2rem' }}>
        <h2 id="your-events">Your events</h2>
        <AnalyticsDashboard />
      </section>
    )
  }
  if (user?.role === 'admin') {
    return (
      <nav
        aria-label="Admin tasks"
        style={{ display: 'flex', gap: '1.5rem', margin: '1rem 0 2rem' }}
      >
        <a href="/admin/approvals">Approval queue</a>
        <a href="/admin/overview">Site overview</a>
        <a href="/admin/analytics">Analytics</a>
        {hasChat && <a href="/admin/moderation">Chat moderation</a>}
      </nav>
    )
  }
  return null
}
