import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { defineHandler, requireModerator } from '../handler.ts'
import { eventRoom, moderatorsRoom, userRoom } from '../rooms.ts'
import { eventIdSchema, reasonSchema } from '../schemas.ts'

const banSchema = z.object({
  eventId: eventIdSchema,
  userId: z.number().int().positive(),
  reason: reasonSchema,
})

/** mod:ban: removes the user from the event's chat on every node; they cannot join again. */
export const ban = defineHandler(banSchema, async ({ eventId, userId, reason }, context) => {
  requireModerator(context, eventId)
  const { io, socket, deps } = context
  await deps.cms.recordModeration(tokenOf(socket), {
    event: eventId,
    action: 'ban',
    targetUser: userId,
    reason,
  })
  await deps.limits.ban(eventId, userId)
  io.to(userRoom(userId)).to(moderatorsRoom(eventId)).emit('mod:banned', { eventId, userId })
  io.in(userRoom(userId)).socketsLeave(eventRoom(eventId))
  return { userId }
})
