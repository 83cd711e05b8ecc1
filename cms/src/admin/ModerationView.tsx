import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'
import { loadManagedEvents, liveOrNextEvent } from './managedEvents'
import { ModerationPanel } from './ModerationPanel'

/** /admin/moderation?event=ID: the chat of the caller's events, opening on the one live now. */
export async function ModerationView(props: AdminViewServerProps) {
  const events = await loadManagedEvents(props.initPageResult.req)
  const asked = Number(props.searchParams?.event)
  const initial = events.find((event) => event.id === asked) ?? liveOrNextEvent(events)
  return (
    <AdminPage props={props} roles={['organizer', 'admin']} title="Chat moderation">
      <ModerationPanel
        events={events.map(({ id, title }) => ({ id, title }))}
        initialEventId={initial?.id ?? null}
      />
    </AdminPage>
  )
}
