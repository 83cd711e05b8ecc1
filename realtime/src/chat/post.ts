import { CHAT_ERROR } from '@event-portal/cms/contract'
import { z } from 'zod'

import { tokenOf } from '../auth.ts'
import { CmsRequestError } from '../cms.ts'
import type { ChatMessage, ErrorCode } from '../events.ts'
import { ChatError, type HandlerContext, requireJoined } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import type { AskInput } from '../schemas.ts'

// cms's refusal codes (its contract) and the ack codes they become.
const REFUSALS: Record<string, ErrorCode> = {
  [CHAT_ERROR.banned]: 'BANNED',
  [CHAT_ERROR.muted]: 'MUTED',
  [CHAT_ERROR.rateLimited]: 'RATE_LIMITED',
  [CHAT_ERROR.slowMode]: 'SLOW_MODE',
  [CHAT_ERROR.notOpen]: 'NOT_OPEN',
  [CHAT_ERROR.sessionNotInEvent]: 'INVALID_INPUT',
}

const refusalSchema = z.object({
  errors: z.tuple(
    [
      z.object({
        message: z.string(),
        data: z.object({ code: z.string(), retryAfterMs: z.number().optional() }),
      }),
    ],
    z.unknown(),
  ),
})

/** The ack error for a chat rule cms enforced, or null for any other refusal. */
function chatRefusal(error: CmsRequestError): ChatError | null {
  const parsed = refusalSchema.safeParse(error.body)
  if (!parsed.success) return null
  const [{ message, data }] = parsed.data.errors
  const code = REFUSALS[data.code]
  return code ? new ChatError(code, message, data.retryAfterMs) : null
}

/**
 * Posts a chat message or a question: cms stores it only if its rules allow
 * (bans, mutes, the opening time, the rate limit, slow mode: one place,
 * cms/src/services/chatRules.ts); only then is it acknowledged and broadcast.
 */
export async function postMessage(
  context: HandlerContext,
  { eventId, text, clientId, sessionId }: AskInput,
  kind: ChatMessage['kind'],
): Promise<ChatMessage> {
  const { io, socket, deps } = context
  const { user } = socket.data
  const token = tokenOf(socket)
  requireJoined(context, eventId)

  let message: ChatMessage
  try {
    message = await deps.cms.createMessage(token, {
      event: eventId,
      message: text,
      kind,
      clientId,
      ...(sessionId === undefined ? {} : { session: sessionId }),
    })
  } catch (error) {
    if (!(error instanceof CmsRequestError)) throw error
    // A retry of a message already stored (same client id): acknowledge the stored one.
    const existing = clientId ? await deps.cms.messageByClientId(token, user.id, clientId) : null
    if (!existing) throw chatRefusal(error) ?? error
    message = existing
  }
  // The ring that joins read from: a stored message is in it before anyone is told.
  await deps.rooms.stored(message).catch((error: unknown) => deps.log('room cache', error))
  if (kind === 'question') io.to(eventRoom(eventId)).emit('qa:question', message)
  else await deps.feed.line(message)
  return message
}
