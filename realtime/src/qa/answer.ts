import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { ChatError, defineHandler, requireModerator } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import { eventIdSchema } from '../schemas.ts'

const answerSchema = z.object({
  eventId: eventIdSchema,
  messageId: z.number().int().positive(),
  answered: z.boolean(),
})
const pinSchema = z.object({
  eventId: eventIdSchema,
  messageId: z.number().int().positive(),
  pinned: z.boolean(),
})

async function updateQuestion(
  context: Parameters<ReturnType<typeof defineHandler>>[0],
  eventId: number,
  messageId: number,
  data: { answered?: boolean; pinned?: boolean },
  action: 'answer' | 'pin',
) {
  requireModerator(context, eventId)
  const { io, socket, deps } = context
  const current = await deps.cms.message(tokenOf(socket), messageId)
  if (!current || current.eventId !== eventId || current.kind !== 'question') {
    throw new ChatError('NOT_FOUND', 'There is no such question.')
  }
  const question = await deps.cms.updateMessage(tokenOf(socket), messageId, data)
  await deps.cms.recordModeration(tokenOf(socket), {
    event: eventId,
    action,
    targetMessage: messageId,
    targetUser: question.author.id,
  })
  await deps.rooms.stored(question)
  io.to(eventRoom(eventId)).emit('qa:updated', question)
  return question
}

/** qa:answer: the organizer marks a question answered (or not). */
export const answer = defineHandler(answerSchema, ({ eventId, messageId, answered }, context) =>
  updateQuestion(context, eventId, messageId, { answered }, 'answer'),
)

/** qa:pin: the organizer shows which question is being answered now. */
export const pin = defineHandler(pinSchema, ({ eventId, messageId, pinned }, context) =>
  updateQuestion(context, eventId, messageId, { pinned }, 'pin'),
)
