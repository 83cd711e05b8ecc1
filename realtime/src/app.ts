import type { Server as HttpServer } from 'node:http'

import { createAdapter } from '@socket.io/redis-adapter'
import type { Redis } from 'ioredis'
import { Server } from 'socket.io'

import { createRoomAccess } from './access.ts'
import { authenticate, originGuard, sessionOf } from './auth.ts'
import { createChatFeed } from './chatFeed.ts'
import { clear } from './mod/clear.ts'
import { ban } from './mod/ban.ts'
import { listenToCmsModeration } from './mod/fromCms.ts'
import { hide } from './mod/hide.ts'
import { mute } from './mod/mute.ts'
import { report } from './mod/report.ts'
import { slowMode } from './mod/slowMode.ts'
import { history } from './chat/history.ts'
import { join } from './chat/join.ts'
import { leave } from './chat/leave.ts'
import { message } from './chat/message.ts'
import type { CmsClient } from './cms.ts'
import type { AppServer, AppSocket, Deps, HandlerContext } from './handler.ts'
import { createChatLimits } from './limits.ts'
import { createOverloadGuard } from './overload.ts'
import { createPresence } from './presence.ts'
import { answer, pin } from './qa/answer.ts'
import { ask } from './qa/ask.ts'
import { upvote } from './qa/upvote.ts'
import { listenToCmsRevocations } from './revocations.ts'
import { createRoomCache } from './roomCache.ts'
import { userRoom } from './rooms.ts'
import { createSessionVerifier } from './session.ts'

export type AppOptions = {
  cms: CmsClient
  pubClient: Redis
  subClient: Redis
  allowedOrigins: string[]
  keyPrefix: string
  historyLimit: number
  ratePerSecond: number
  joinLimitPer10s: number
  payloadSecret: string
  cacheTtlMs: number
  maxConnections: number
  overloadLagMs: number
  /** How long a room's chat lines are gathered into one frame once a line has gone out. */
  chatBatchMs: number
  log?: Deps['log']
}

// Generous for a 1,000-character message in JSON, far below anything abusive.
const MAX_FRAME_BYTES = 16 * 1024
// How often sockets whose session has expired are let go.
const EXPIRY_SWEEP_MS = 30_000

const handlers = {
  join,
  leave,
  message,
  'chat:history': history,
  'qa:ask': ask,
  'qa:upvote': upvote,
  'qa:answer': answer,
  'qa:pin': pin,
  'mod:hide': hide,
  'mod:mute': mute,
  'mod:ban': ban,
  'mod:slowMode': slowMode,
  'mod:clear': clear,
  'mod:report': report,
} as const

/**
 * Once authenticated, a socket needs nothing of its HTTP upgrade request; engine.io would keep
 * it (headers, raw headers, parser state) for the life of the connection. Socket.IO's memory
 * guide: https://socket.io/docs/v4/memory-usage/
 */
function forgetHandshakeRequest(socket: AppSocket) {
  ;(socket.conn as unknown as { request: unknown }).request = null
  Object.assign(socket.handshake, { headers: {}, auth: {}, query: {} })
}

/** Wires Socket.IO, the Redis adapter, auth and every handler onto `httpServer`. */
export function createApp(httpServer: HttpServer, options: AppOptions) {
  const log = options.log ?? ((text, error) => console.error(`[realtime] ${text}`, error ?? ''))
  const io: AppServer = new Server(httpServer, {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // Explicitly off (the default): a deflate context per socket costs far more than a
    // chat frame saves.
    perMessageDeflate: false,
    httpCompression: false,
    allowRequest: originGuard(options.allowedOrigins),
    adapter: createAdapter(options.pubClient, options.subClient, {
      key: `${options.keyPrefix}socket.io`,
    }),
  })
  const { pubClient: redis, keyPrefix: prefix, cms } = options
  // A connection of its own: a subscribed Redis client can do nothing else.
  const subscriber = options.subClient.duplicate()
  const feed = createChatFeed({
    io,
    redis,
    subscriber,
    channel: `${prefix}chat-feed`,
    windowMs: options.chatBatchMs,
    log,
  })
  const presence = createPresence(io, redis, prefix)
  const limits = createChatLimits(redis, prefix, options.ratePerSecond, options.joinLimitPer10s)
  const deps: Deps = {
    cms,
    limits,
    access: createRoomAccess({ redis, prefix, cms, limits, ttlMs: options.cacheTtlMs }),
    rooms: createRoomCache({
      redis,
      prefix,
      cms,
      historyLimit: options.historyLimit,
      ttlMs: options.cacheTtlMs,
    }),
    presence,
    feed,
    historyLimit: options.historyLimit,
    log,
  }
  const sessions = createSessionVerifier({ payloadSecret: options.payloadSecret, redis, prefix })

  void Promise.all([
    feed.subscribed,
    listenToCmsModeration(io, deps, subscriber, `${prefix}moderation`),
    listenToCmsRevocations(io, deps, subscriber, {
      sessions: sessions.keys.channel,
      access: deps.access.keys.channel,
    }),
  ]).catch((error: unknown) => log('could not subscribe to cms notices', error))

  const overload = createOverloadGuard(io, {
    maxConnections: options.maxConnections,
    maxLagMs: options.overloadLagMs,
  })
  io.use(overload.middleware)
  io.use(authenticate(sessions))
  io.on('connection', (socket) => {
    forgetHandshakeRequest(socket)
    void socket.join(userRoom(socket.data.user.id))
    const context: HandlerContext = { io, socket, deps }
    for (const [name, factory] of Object.entries(handlers)) {
      socket.on(name as keyof typeof handlers, factory(context))
    }
  })

  // A session that has run out ends its sockets too (a logout is heard at once, see revocations.ts).
  const expirySweep = setInterval(() => {
    const now = Date.now() / 1000
    for (const socket of io.of('/').sockets.values()) {
      if (sessionOf(socket).expiresAt <= now) socket.disconnect(true)
    }
  }, EXPIRY_SWEEP_MS)
  expirySweep.unref()

  return {
    io,
    async close() {
      clearInterval(expirySweep)
      overload.close()
      feed.close()
      await presence.close()
      subscriber.disconnect()
      await new Promise<void>((resolve) => {
        io.close(() => resolve())
      })
    },
  }
}
