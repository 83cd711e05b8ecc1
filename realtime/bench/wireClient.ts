// A Socket.IO client for the load generator that speaks the wire protocol over a
// bare `ws` socket (Engine.IO 4, Socket.IO 5, websocket transport, the default
// namespace, text packets only). It costs about what the plain-ws clients cost
// per delivery: socket.io-client spends ~5× that on the same 2 cores the server
// runs on, and the bench would count it as the server's delivery latency.
// The site's island uses socket.io-client; the tests do too.
import WebSocket from 'ws'

const OPEN = '0'
const PING = '2'
const PONG = '3'
const MESSAGE = '4'
// Socket.IO packet types, carried inside an Engine.IO message.
const CONNECT = '0'
const EVENT = '2'
const ACK = '3'
const CONNECT_ERROR = '4'

export type Refusal = { code: string; retryAfterMs?: number }

export type WireSocket = {
  /** An event with an acknowledgement; rejects when the socket closes or `timeoutMs` passes. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): void
  close(): void
}

const socketIoUrl = (url: string) => {
  const parsed = new URL(url)
  parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:'
  parsed.pathname = '/socket.io/'
  parsed.search = '?EIO=4&transport=websocket'
  return parsed.toString()
}

/** Connects and authenticates: the socket, or the refusal (as socket.io-client's connect_error). */
export function connectWire(
  url: string,
  { token, origin, timeoutMs }: { token: string; origin: string; timeoutMs: number },
): Promise<WireSocket | Refusal> {
  const ws = new WebSocket(socketIoUrl(url), { perMessageDeflate: false, headers: { origin } })
  const listeners = new Map<string, (payload: unknown) => void>()
  const acks = new Map<number, (payload: unknown) => void>()
  let nextAckId = 0

  const socket: WireSocket = {
    emitWithAck(event, payload, ackTimeoutMs) {
      return new Promise((resolve, reject) => {
        const id = nextAckId++
        const timer = setTimeout(() => {
          acks.delete(id)
          reject(new Error('ack timeout'))
        }, ackTimeoutMs)
        acks.set(id, (answer) => {
          clearTimeout(timer)
          resolve(answer)
        })
        ws.send(`${MESSAGE}${EVENT}${id}${JSON.stringify([event, payload])}`)
      })
    },
    on: (event, listener) => listeners.set(event, listener),
    close: () => ws.close(),
  }

  return new Promise((resolve) => {
    const timer = setTimeout(() => settle({ code: 'CONNECT_TIMEOUT' }), timeoutMs)
    let isSettled = false
    function settle(outcome: WireSocket | Refusal) {
      if (isSettled) return
      isSettled = true
      clearTimeout(timer)
      if (outcome !== socket) ws.terminate()
      resolve(outcome)
    }
    ws.on('error', () => settle({ code: 'CONNECT_ERROR' }))
    ws.on('close', () => {
      settle({ code: 'CLOSED' })
      for (const answer of acks.values()) answer({ ok: false, error: { code: 'CLOSED' } })
      acks.clear()
    })
    ws.on('message', (data) => {
      const text = String(data)
      const kind = text[0]
      if (kind === PING) return ws.send(PONG)
      if (kind === OPEN) return ws.send(`${MESSAGE}${CONNECT}${JSON.stringify({ token })}`)
      if (kind !== MESSAGE) return
      const type = text[1]
      if (type === EVENT) {
        const [event, payload] = JSON.parse(text.slice(2)) as [string, unknown]
        listeners.get(event)?.(payload)
      } else if (type === ACK) {
        const start = text.indexOf('[')
        const id = Number(text.slice(2, start))
        const [answer] = JSON.parse(text.slice(start)) as [unknown]
        acks.get(id)?.(answer)
        acks.delete(id)
      } else if (type === CONNECT) {
        settle(socket)
      } else if (type === CONNECT_ERROR) {
        const { message, data: details } = JSON.parse(text.slice(2)) as {
          message: string
          data?: { retryAfterMs?: number }
        }
        settle({ code: message, retryAfterMs: details?.retryAfterMs })
      }
    })
  })
}
