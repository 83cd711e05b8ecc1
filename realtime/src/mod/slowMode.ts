import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { defineHandler, requireModerator } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import { MAX_MESSAGE_LENGTH, eventIdSchema } from '../schemas.ts'

const slowModeSchema = z.object({
  eventId: eventIdSchema,
  seconds: z.number().int().min(0).max(3600),
})

/** mod:slowMode: attendees may post once every `seconds` (0 turns it off). */
export const slowMode = defineHandler(slowModeSchema, async ({ eventId, seconds }, context) => {
  requireModerator(context, eventId)
  const { io, socket, deps } = context
  await deps.cms.recordModeration(tokenOf(socket), {
    event: eventId,
    action: 'slow_mode',
    slowModeSeconds: seconds,
  })
  await deps.limits.setSlowMode(eventId, seconds)
  io.to(eventRoom(eventId)).emit('chat:settings', {
    eventId,
    settings: {
      slowModeSeconds: seconds,
      rateLimitPerSecond: deps.limits.ratePerSecond,
      maxLength: MAX_MESSAGE_LENGTH,
    },
  })
  return { slowModeSeconds: seconds }
})
