import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'
import { AnalyticsDashboard } from './AnalyticsDashboard'

/** /admin/analytics: the organizer dashboard (admins see every organizer's events). */
export function AnalyticsView(props: AdminViewServerProps) {
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Analytics">
      <AnalyticsDashboard />
    </AdminPage>
  )
}
