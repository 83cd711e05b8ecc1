import type { AdminViewServerProps } from 'payload'

import { dateRangeQuery } from '../endpoints/analytics/rangeQuery'
import { RequestError } from '../lib/errors'
import { organizerDashboard } from '../services/analytics/organizerDashboard'
import { dashboardScope } from '../services/analytics/scope'
import { AdminPage } from './AdminPage'
import { AnalyticsDashboard, type AnalyticsFilters } from './AnalyticsDashboard'

/**
 * /admin/analytics: the organizer dashboard (admins see every organizer's events). The first
 * figures are loaded here, on the server, through the same scope check as the API, so the page
 * arrives with its tables instead of fetching them after the scripts have loaded.
 */
export async function AnalyticsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const asked = Number(props.searchParams?.event)
  const event = Number.isInteger(asked) && asked > 0 ? asked : undefined
  const range = dateRangeQuery.parse({})
  const filters: AnalyticsFilters = { ...range, event: event ? String(event) : '' }
  let initial:
    | {
        filters: AnalyticsFilters
        data: Awaited<ReturnType<typeof organizerDashboard>> | null
        error: string | null
      }
    | undefined
  if (req.user) {
    try {
      const scope = await dashboardScope(req, { event })
      initial = { filters, data: await organizerDashboard(req.payload, scope, range), error: null }
    } catch (error) {
      if (!(error instanceof RequestError)) throw error
      initial = { filters, data: null, error: error.message }
    }
  }
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Analytics">
      <AnalyticsDashboard initial={initial} />
    </AdminPage>
  )
}
