import { tokenOf } from '../auth.ts'
import { CmsRequestError } from '../cms.ts'
import { ChatError, defineHandler, requireJoined, requireWithinLimit } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import { messageRefSchema } from '../schemas.ts'

/** qa:upvote: toggles the caller's single vote on a question of this event; cms counts the votes. */
export const upvote = defineHandler(messageRefSchema, async ({ eventId, messageId }, context) => {
  requireJoined(context, eventId)
  await requireWithinLimit(context, 'upvote')
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
  // Keep the room's cached questions and this person's votes current for the next join.
  await Promise.all([
    deps.rooms.stored({ ...question, upvotes: result.upvotes }),
    deps.rooms.voted(eventId, socket.data.user.id, messageId, result.hasVoted),
  ])
  io.to(eventRoom(eventId)).emit('qa:votes', { eventId, messageId, upvotes: result.upvotes })
  return result
})
