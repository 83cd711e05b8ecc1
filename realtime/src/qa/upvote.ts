import { tokenOf } from '../auth.ts'
import { CmsRequestError } from '../cms.ts'
import { ChatError, defineHandler, requireJoined } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import { messageRefSchema } from '../schemas.ts'

/** qa:upvote: toggles the caller's single vote on a question of this event; cms counts the votes. */
export const upvote = defineHandler(messageRefSchema, async ({ eventId, messageId }, context) => {
  requireJoined(context, eventId)
  const { io, socket, deps } = context
  const token = tokenOf(socket)
  const question = await deps.cms.message(token, messageId)
  if (!question || question.eventId !== eventId || question.kind !== 'question') {
    throw new ChatError('NOT_FOUND', 'There is no such question.')
  }
  let result
  try {
    result = await deps.cms.toggleVote(token, messageId)
  } catch (error) {
    if (error instanceof CmsRequestError && error.status === 403) {
      const isOwn = JSON.stringify(error.body).includes('CHAT_OWN_QUESTION_VOTE')
      throw isOwn
        ? new ChatError('OWN_QUESTION', 'You cannot upvote your own question.')
        : new ChatError('NOT_FOUND', 'There is no such question.')
    }
    throw error
  }
  io.to(eventRoom(eventId)).emit('qa:votes', { eventId, messageId, upvotes: result.upvotes })
  return result
})
