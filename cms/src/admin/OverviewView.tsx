import type { AdminViewServerProps } from 'payload'

import { checkRole } from '../access/checkRole'
import { dateRangeQuery } from '../endpoints/analytics/rangeQuery'
import { adminOverview } from '../services/analytics/adminOverview'
import { queueHealth } from '../services/queueHealth'
import { AdminOverviewPanel, type OverviewInitial } from './AdminOverviewPanel'
import { AdminPage } from './AdminPage'

/**
 * /admin/overview: site-wide figures, revenue across organizers, and the job queue. The first
 * figures are loaded here, together, so the page arrives with them.
 */
export async function OverviewView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  let initial: OverviewInitial | undefined
  if (checkRole(['admin'], req.user)) {
    const [overview, queue] = await Promise.all([
      adminOverview(req.payload, dateRangeQuery.parse({})),
      // A Redis outage must not take the revenue tables down with it.
      queueHealth().catch(() => null),
    ])
    initial = { overview, queue }
  }
  return (
    <AdminPage props={props} roles={['admin']} title="Site overview">
      <AdminOverviewPanel initial={initial} />
    </AdminPage>
  )
}
