import type { AdminViewServerProps } from 'payload'

import { slugs } from '../plugin/settings'
import { AdminPage } from './AdminPage'
import { AttendeeList } from './AttendeeList'
import { EventPicker } from './EventPicker'
import { loadManagedEvents, liveOrNextEvent } from './managedEvents'

/** /admin/attendees?event=ID: one event's registrants, filtered, searched and exported. */
export async function AttendeesView(props: AdminViewServerProps) {
  const events = await loadManagedEvents(props.initPageResult.req)
  const asked = Number(props.searchParams?.event)
  const event = events.find((candidate) => candidate.id === asked) ?? liveOrNextEvent(events)
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Attendees">
      {event ? (
        <>
          <EventPicker events={events} selected={event.id} />
          <h2 style={{ marginTop: 0 }}>{event.title}</h2>
          <AttendeeList key={event.id} eventId={event.id} />
        </>
      ) : (
        <p>
          You have no events yet.{' '}
          <a href={`/admin/collections/${slugs.events}/create`}>Create one</a>.
        </p>
      )}
    </AdminPage>
  )
}
