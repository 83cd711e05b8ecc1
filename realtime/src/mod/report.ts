import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { ChatError, defineHandler, requireJoined, requireWithinLimit } from '../handler.ts'
import { eventIdSchema, reasonSchema } from '../schemas.ts'

const reportSchema = z.object({
  eventId: eventIdSchema,
  messageId: z.number().int().positive(),
  reason: reasonSchema,
})

/** mod:report: an attendee flags a message for the organizer and admins. */
export const report = defineHandler(
  reportSchema,
  async ({ eventId, messageId, reason }, context) => {
    requireJoined(context, eventId)
    await requireWithinLimit(context, 'report')
    const { socket, deps } = context
    const target = await deps.cms.message(tokenOf(socket), messageId)
    if (!target || target.eventId !== eventId)
      throw new ChatError('NOT_FOUND', 'There is no such message.')
    await deps.cms.recordModeration(tokenOf(socket), {
      event: eventId,
      action: 'report',
      targetMessage: messageId,
      targetUser: target.author.id,
      reason,
    })
    return { reported: true as const }
  },
)
