import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { defineHandler, requireJoined, requireWithinLimit } from '../handler.ts'
import { eventIdSchema } from '../schemas.ts'

const historySchema = z.object({ eventId: eventIdSchema, before: z.number().int().positive() })

/** chat:history: the page of chat messages older than `before`, oldest first. */
export const history = defineHandler(historySchema, async ({ eventId, before }, context) => {
  requireJoined(context, eventId)
  await requireWithinLimit(context, 'history')
  const token = tokenOf(context.socket)
  const page = await context.deps.cms.messages(token, eventId, {
    kind: 'chat',
    before,
    limit: context.deps.historyLimit,
  })
  return { messages: page.messages.reverse(), hasMoreHistory: page.hasNextPage }
})
