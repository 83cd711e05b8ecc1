import { tokenOf } from '../auth.ts'
import { CmsRequestError } from '../cms.ts'
import type { ChatMessage } from '../events.ts'
import { ChatError, type HandlerContext, requireJoined } from '../handler.ts'
import { eventRoom } from '../rooms.ts'
import type { PostInput } from '../schemas.ts'

/**
 * Posts a chat message or a question: checks bans, mutes, the rate limit and
 * slow mode, stores it in cms, and only then acknowledges and broadcasts it.
 */
export async function postMessage(
  context: HandlerContext,
  { eventId, text, clientId }: PostInput,
  kind: ChatMessage['kind'],
): Promise<ChatMessage> {
  const { io, socket, deps } = context
  const { user } = socket.data
  const token = tokenOf(socket)
  const joined = requireJoined(context, eventId)
  if (joined.role === 'attendee') {
    if (await deps.limits.isBanned(eventId, user.id)) {
      throw new ChatError('BANNED', 'You were removed from this event’s chat.')
    }
    const mutedUntil = await deps.limits.mutedUntil(eventId, user.id)
    if (mutedUntil) {
      throw new ChatError(
        'MUTED',
        `You are muted until ${mutedUntil}.`,
        Date.parse(mutedUntil) - Date.now(),
      )
    }
  }
  const rateWait = await deps.limits.rateLimitWait(user.id)
  if (rateWait > 0) throw new ChatError('RATE_LIMITED', 'Slow down a little.', rateWait)
  if (joined.role === 'attendee') {
    const slowSeconds = await deps.limits.slowModeSeconds(eventId)
    if (slowSeconds > 0) {
      const wait = await deps.limits.slowModeWait(eventId, user.id, slowSeconds)
      if (wait > 0)
        throw new ChatError('SLOW_MODE', `Slow mode: one message every ${slowSeconds} s.`, wait)
    }
  }

  let message: ChatMessage
  try {
    message = await deps.cms.createMessage(token, {
      event: eventId,
      user: user.id,
      message: text,
      kind,
      clientId,
    })
  } catch (error) {
    // A retry of a message already stored (same client id): acknowledge the stored one.
    const existing =
      error instanceof CmsRequestError && error.status === 400 && clientId
        ? await deps.cms.messageByClientId(token, user.id, clientId)
        : null
    if (!existing) throw error
    message = existing
  }
  // The ring that joins read from: a stored message is in it before anyone is told.
  await deps.rooms.stored(message).catch((error: unknown) => deps.log('room cache', error))
  io.to(eventRoom(eventId)).emit(kind === 'question' ? 'qa:question' : 'message', message)
  return message
}
