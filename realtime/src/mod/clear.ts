import { tokenOf } from '../auth.ts'
import { defineHandler, requireModerator } from '../handler.ts'
import { eventRefSchema } from '../schemas.ts'

/** mod:clear: hides every message of the event (kept in the database, recorded). */
export const clear = defineHandler(eventRefSchema, async ({ eventId }, context) => {
  requireModerator(context, eventId)
  const { socket, deps } = context
  const hiddenIds = await deps.cms.hideAll(tokenOf(socket), eventId)
  await deps.cms.recordModeration(tokenOf(socket), { event: eventId, action: 'clear' })
  await deps.rooms.forget(eventId)
  await deps.feed.cleared(eventId)
  return { hidden: hiddenIds.length }
})
