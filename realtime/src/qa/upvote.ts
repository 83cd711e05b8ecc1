import { tokenOf } from '../auth.ts'
import { CmsRequestError } from '../cms.ts'
import { ChatError, defineHandler, requireJoined, requireWithinLimit } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import { messageRefSchema } from '../schemas.ts'

/** qa:upvote: toggles the caller's single vote on a question; cms counts the votes. */
export const upvote = defineHandler(messageRefSchema, async ({ eventId, messageId }, context) => {
  requireJoined(context, eventId)
  await requireWithinLimit(context, 'upvote')
  const { io, socket, deps } = context
  const { user } = socket.data
  const token = tokenOf(socket)
  const existing = (await deps.cms.myVotes(token, user.id, eventId)).find(
    (vote) => vote.messageId === messageId,
  )
  if (existing) {
    await deps.cms.unvote(token, existing.id)
  } else {
    try {
      await deps.cms.vote(token, messageId)
    } catch (error) {
      // 403: not a visible question of an event the caller may read.
      if (error instanceof CmsRequestError && error.status === 403) {
        throw new ChatError('NOT_FOUND', 'There is no such question.')
      }
      // 400: a concurrent click already stored the vote (one per user).
      if (!(error instanceof CmsRequestError && error.status === 400)) throw error
    }
  }
  const question = await deps.cms.message(token, messageId)
  if (!question || question.eventId !== eventId)
    throw new ChatError('NOT_FOUND', 'There is no such question.')
  await Promise.all([
    deps.rooms.stored(question),
    deps.rooms.voted(eventId, user.id, messageId, !existing),
  ])
  io.to(eventRoom(eventId)).emit('qa:votes', { eventId, messageId, upvotes: question.upvotes })
  return { messageId, upvotes: question.upvotes, hasVoted: !existing }
})
