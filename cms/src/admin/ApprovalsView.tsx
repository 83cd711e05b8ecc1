import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'
import { ApprovalQueue } from './ApprovalQueue'

/** /admin/approvals: events waiting for review, and the decisions made. */
export function ApprovalsView(props: AdminViewServerProps) {
  return (
    <AdminPage props={props} roles={['admin']} title="Approval queue">
      <ApprovalQueue />
    </AdminPage>
  )
}
