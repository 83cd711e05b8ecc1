// Shared plumbing for event handlers: zod input, typed ack, errors that never leak internals.
import type { Server, Socket } from 'socket.io'
import type { z } from 'zod'

import { CmsRequestError, CmsUnavailableError, type CmsClient } from './cms.ts'
import type {
  Ack,
  AckError,
  ClientToServerEvents,
  ErrorCode,
  InterServerEvents,
  JoinedEvent,
  ServerToClientEvents,
  SocketData,
} from './events.ts'
import type { RoomAccess } from './access.ts'
import type { ChatFeed } from './chatFeed.ts'
import type { ChatLimits, LimitedAction } from './limits.ts'
import type { Presence } from './presence.ts'
import type { RoomCache } from './roomCache.ts'
import { eventRoom } from './rooms.ts'

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>
export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>

export type Deps = {
  cms: CmsClient
  limits: ChatLimits
  access: RoomAccess
  rooms: RoomCache
  presence: Presence
  feed: ChatFeed
  historyLimit: number
  log: (message: string, error?: unknown) => void
}

export type HandlerContext = { io: AppServer; socket: AppSocket; deps: Deps }

/** An expected refusal, answered to the client with its code. */
export class ChatError extends Error {
  code: ErrorCode
  retryAfterMs?: number
  constructor(code: ErrorCode, message: string, retryAfterMs?: number) {
    super(message)
    this.code = code
    this.retryAfterMs = retryAfterMs
  }
}

function toAckError(error: unknown, deps: Deps): AckError {
  if (error instanceof ChatError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    }
  }
  if (error instanceof CmsRequestError && error.status === 403) {
    return { code: 'NOT_MODERATOR', message: 'You may not do this in this event.' }
  }
  if (error instanceof CmsRequestError && error.status === 404) {
    return { code: 'NOT_FOUND', message: 'Not found.' }
  }
  if (!(error instanceof CmsUnavailableError)) deps.log('handler failed', error)
  return { code: 'UNAVAILABLE', message: 'The chat is unavailable right now. Please retry.' }
}

/** Validates the payload with `schema`, runs `run`, and answers through the ack. */
export function defineHandler<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, context: HandlerContext) => Promise<T>,
) {
  return (context: HandlerContext) =>
    async (payload: unknown, ack: unknown): Promise<void> => {
      // A client that sends without an ack cannot learn the outcome; nothing is done for it.
      if (typeof ack !== 'function') return
      const reply = ack as (response: Ack<T>) => void
      const parsed = schema.safeParse(payload)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const field = issue?.path.join('.') || 'payload'
        reply({
          ok: false,
          error: { code: 'INVALID_INPUT', message: `${field}: ${issue?.message ?? 'invalid'}` },
        })
        return
      }
      try {
        reply({ ok: true, data: await run(parsed.data, context) })
      } catch (error) {
        reply({ ok: false, error: toAckError(error, context.deps) })
      }
    }
}

export function requireJoined({ socket }: HandlerContext, eventId: number): JoinedEvent {
  const joined = socket.data.events[eventId]
  if (!joined || !socket.rooms.has(eventRoom(eventId))) {
    throw new ChatError('NOT_JOINED', 'Join the event’s chat first.')
  }
  return joined
}

export function requireModerator(context: HandlerContext, eventId: number): JoinedEvent {
  const joined = requireJoined(context, eventId)
  if (joined.role !== 'moderator') {
    throw new ChatError('NOT_MODERATOR', 'Only the event’s organizer and admins moderate.')
  }
  return joined
}

/** Refuses with RATE_LIMITED when the person did `action` too often (across tabs and nodes). */
export async function requireWithinLimit({ socket, deps }: HandlerContext, action: LimitedAction) {
  const wait = await deps.limits.actionWait(socket.data.user.id, action)
  if (wait > 0) throw new ChatError('RATE_LIMITED', 'Slow down a little.', wait)
}
