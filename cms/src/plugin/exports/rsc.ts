// Server components of the admin, resolved by the host's import map as
// '@event-portal/cms/plugin/rsc#Name'.
export { AnalyticsView } from '../../admin/AnalyticsView'
export { ApprovalsView } from '../../admin/ApprovalsView'
export { AttendeesView } from '../../admin/AttendeesView'
export { ModerationView } from '../../admin/ModerationView'
export { OverviewView } from '../../admin/OverviewView'
