import type { IncomingMessage } from 'node:http'

import type { Socket } from 'socket.io'

import { CmsUnavailableError, type CmsClient } from './cms.ts'
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from './events.ts'

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

const SESSION_COOKIE = 'payload-token'

// Kept beside the socket, not in socket.data: fetchSockets() sends socket.data to other nodes.
const sessionTokens = new WeakMap<object, string>()

/** The cms session token the socket authenticated with. */
export function tokenOf(socket: object): string {
  const token = sessionTokens.get(socket)
  if (!token) throw new Error('socket without a session')
  return token
}

export function sessionTokenOf(socket: Pick<AppSocket, 'handshake'>): string | null {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth
  const cookies = socket.handshake.headers.cookie ?? ''
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === SESSION_COOKIE && value.length > 0) return decodeURIComponent(value.join('='))
  }
  return null
}

/**
 * Browsers always send Origin on a WebSocket handshake: a page from a foreign
 * origin must not ride on the user's cookie. Clients without an Origin (no
 * browser, so no ambient cookie) still have to present a token.
 */
export const originGuard =
  (allowedOrigins: string[]) =>
  (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin
    if (origin === undefined || allowedOrigins.includes(origin)) callback(null, true)
    else callback('FORBIDDEN_ORIGIN', false)
  }

/** The one io.use middleware: the session must be accepted by cms. */
export const authenticate =
  (cms: CmsClient) => async (socket: AppSocket, next: (err?: Error) => void) => {
    const token = sessionTokenOf(socket)
    if (!token)
      return next(
        Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }),
      )
    try {
      const user = await cms.me(token)
      if (!user) {
        return next(
          Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }),
        )
      }
      socket.data.user = user
      sessionTokens.set(socket, token)
      socket.data.events = {}
      next()
    } catch (error) {
      const code = error instanceof CmsUnavailableError ? 'UNAVAILABLE' : 'UNAUTHENTICATED'
      next(Object.assign(new Error(code), { data: { code } }))
    }
  }
