import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'
import { AttendeeList } from './AttendeeList'

/** /admin/attendees?event=ID: one event's registrants, filtered, searched and exported. */
export function AttendeesView(props: AdminViewServerProps) {
  const event = Number(props.searchParams?.event)
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Attendees">
      {Number.isInteger(event) && event > 0 ? (
        <AttendeeList eventId={event} />
      ) : (
        <p>
          Open the attendees of an event from <a href="/admin/analytics">Analytics</a>.
        </p>
      )}
    </AdminPage>
  )
}
