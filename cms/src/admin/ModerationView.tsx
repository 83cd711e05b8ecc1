import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'
import { ModerationPanel } from './ModerationPanel'

/** /admin/moderation: the chat of the caller's events (admins: all events). */
export function ModerationView(props: AdminViewServerProps) {
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Chat moderation">
      <ModerationPanel />
    </AdminPage>
  )
}
