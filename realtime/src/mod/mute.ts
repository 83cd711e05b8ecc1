import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { defineHandler, requireModerator } from '../handler.ts'
import { moderatorsRoom, userRoom } from '../rooms.ts'
import { eventIdSchema, reasonSchema } from '../schemas.ts'

const muteSchema = z.object({
  eventId: eventIdSchema,
  userId: z.number().int().positive(),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  reason: reasonSchema,
})

/** mod:mute: the user may read but not post in this event until the time is up. */
export const mute = defineHandler(
  muteSchema,
  async ({ eventId, userId, minutes, reason }, context) => {
    requireModerator(context, eventId)
    const { io, socket, deps } = context
    const until = new Date(Date.now() + minutes * 60_000)
    await deps.cms.recordModeration(tokenOf(socket), {
      event: eventId,
      action: 'mute',
      targetUser: userId,
      until: until.toISOString(),
      reason,
    })
    await deps.limits.mute(eventId, userId, until)
    const notice = { eventId, userId, until: until.toISOString() }
    io.to(userRoom(userId)).to(moderatorsRoom(eventId)).emit('mod:muted', notice)
    return { userId, until: notice.until }
  },
)
