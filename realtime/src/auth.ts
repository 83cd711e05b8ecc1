import type { IncomingMessage } from 'node:http'

import type { Socket } from 'socket.io'

import type {
  ClientToServerEvents,
  ErrorCode,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from './events.ts'
import type { Session, SessionVerifier } from './session.ts'

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

const SESSION_COOKIE = 'payload-token'

// Kept beside the socket, not in socket.data: fetchSockets() sends socket.data to other nodes.
const sessions = new WeakMap<object, Session & { token: string }>()

/** The cms session the socket authenticated with. */
export function sessionOf(socket: object): Session & { token: string } {
  const session = sessions.get(socket)
  if (!session) throw new Error('socket without a session')
  return session
}

/** The cms session token the socket authenticated with (cms calls carry the user's own token). */
export const tokenOf = (socket: object): string => sessionOf(socket).token

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

/** The one io.use middleware: a valid, unrevoked Payload session, checked here without cms. */
export const authenticate =
  (verifier: SessionVerifier) => async (socket: AppSocket, next: (err?: Error) => void) => {
    const token = sessionTokenOf(socket)
    if (!token) return next(refusal('UNAUTHENTICATED'))
    let session
    try {
      session = await verifier.verify(token)
    } catch {
      // Redis (the revocation list) is away: we cannot tell, so the client retries later.
      return next(refusal('UNAVAILABLE', retryAfterMs()))
    }
    if (typeof session === 'string') return next(refusal('UNAUTHENTICATED'))
    socket.data.user = session.user
    sessions.set(socket, { token, ...session })
    socket.data.events = {}
    next()
  }

/** A refused handshake: the client reads `data.code` (and `data.retryAfterMs`) on connect_error. */
export function refusal(code: ErrorCode, retryAfterMs?: number): Error {
  return Object.assign(new Error(code), {
    data: { code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  })
}

/** 1–5 s, spread so that refused clients do not all come back in the same instant. */
export const retryAfterMs = () => 1000 + Math.floor(Math.random() * 4000)
