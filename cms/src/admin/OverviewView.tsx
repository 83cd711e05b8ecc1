import type { AdminViewServerProps } from 'payload'

import { AdminOverviewPanel } from './AdminOverviewPanel'
import { AdminPage } from './AdminPage'

/** /admin/overview: site-wide figures, revenue across organizers, and the job queue. */
export function OverviewView(props: AdminViewServerProps) {
  return (
    <AdminPage props={props} roles={['admin']} title="Site overview">
      <AdminOverviewPanel />
    </AdminPage>
  )
}
