import { tokenOf } from '../auth.ts'
import { ChatError, defineHandler, requireModerator } from '../handler.ts'
import { messageRefSchema } from '../schemas.ts'

/** mod:hide: soft-deletes a message for everyone; cms records who hid it. */
export const hide = defineHandler(messageRefSchema, async ({ eventId, messageId }, context) => {
  requireModerator(context, eventId)
  const { socket, deps } = context
  const current = await deps.cms.message(tokenOf(socket), messageId)
  if (!current || current.eventId !== eventId)
    throw new ChatError('NOT_FOUND', 'There is no such message.')
  await deps.cms.updateMessage(tokenOf(socket), messageId, { hidden: true })
  await deps.cms.recordModeration(tokenOf(socket), {
    event: eventId,
    action: 'hide',
    targetMessage: messageId,
    targetUser: current.author.id,
  })
  await deps.rooms.hidden(eventId, [messageId])
  await deps.feed.hidden(eventId, [messageId])
  return { messageId }
})
