import type { Server as HttpServer } from 'node:http'

import { createAdapter } from '@socket.io/redis-adapter'
import type { Redis } from 'ioredis'
import { Server } from 'socket.io'

import { authenticate, originGuard, tokenOf } from './auth.ts'
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
import type { AppServer, Deps, HandlerContext } from './handler.ts'
import { createChatLimits } from './limits.ts'
import { createPresence } from './presence.ts'
import { answer, pin } from './qa/answer.ts'
import { ask } from './qa/ask.ts'
import { upvote } from './qa/upvote.ts'
import { userRoom } from './rooms.ts'

export type AppOptions = {
  cms: CmsClient
  pubClient: Redis
  subClient: Redis
  allowedOrigins: string[]
  keyPrefix: string
  historyLimit: number
  ratePerSecond: number
  authRecheckMs: number
  log?: Deps['log']
}

// Generous for a 1,000-character message in JSON, far below anything abusive.
const MAX_FRAME_BYTES = 16 * 1024

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

/** Wires Socket.IO, the Redis adapter, auth and every handler onto `httpServer`. */
export function createApp(httpServer: HttpServer, options: AppOptions) {
  const log = options.log ?? ((text, error) => console.error(`[realtime] ${text}`, error ?? ''))
  const io: AppServer = new Server(httpServer, {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_FRAME_BYTES,
    allowRequest: originGuard(options.allowedOrigins),
    adapter: createAdapter(options.pubClient, options.subClient, {
      key: `${options.keyPrefix}socket.io`,
    }),
  })
  const presence = createPresence(io)
  const deps: Deps = {
    cms: options.cms,
    limits: createChatLimits(options.pubClient, options.keyPrefix, options.ratePerSecond),
    presence,
    historyLimit: options.historyLimit,
    log,
  }

  // A connection of its own: a subscribed Redis client can do nothing else.
  const moderationSubscriber = options.subClient.duplicate()
  void listenToCmsModeration(
    io,
    deps,
    moderationSubscriber,
    `${options.keyPrefix}moderation`,
  ).catch((error: unknown) => log('could not subscribe to moderation notices', error))

  io.use(authenticate(options.cms))
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user.id))
    const context: HandlerContext = { io, socket, deps }
    for (const [name, factory] of Object.entries(handlers)) {
      socket.on(name as keyof typeof handlers, factory(context))
    }
    socket.on('disconnect', () => {
      for (const eventId of Object.keys(socket.data.events)) presence.changed(Number(eventId))
    })
  })

  // A session ended in cms (logout, deleted user) ends its sockets here too.
  const recheck = setInterval(() => {
    const byToken = new Map<string, string[]>()
    for (const socket of io.of('/').sockets.values()) {
      const token = tokenOf(socket)
      const ids = byToken.get(token) ?? []
      ids.push(socket.id)
      byToken.set(token, ids)
    }
    for (const [token, socketIds] of byToken) {
      options.cms
        .me(token, { isFresh: true })
        .then((user) => {
          if (user) return
          for (const id of socketIds) io.of('/').sockets.get(id)?.disconnect(true)
        })
        .catch(() => undefined)
    }
  }, options.authRecheckMs)
  recheck.unref()

  return {
    io,
    async close() {
      clearInterval(recheck)
      presence.close()
      moderationSubscriber.disconnect()
      await new Promise<void>((resolve) => {
        io.close(() => resolve())
      })
    },
  }
}
