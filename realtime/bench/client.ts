// A benchmark client process: opens many connections at once (Socket.IO or
// plain ws), sends when told to, and measures delivery latency. Driven by
// bench/chat.ts over IPC; several run side by side to reach 10,000 clients.
import { io, type Socket } from 'socket.io-client'
import WebSocket from 'ws'

import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../src/events.ts'

type Config = {
  mode: 'socketio' | 'ws'
  urls: string[]
  tokens: string[]
  count: number
  eventId: number
  origin: string
  /** Give up on a connection that has not joined by then (ms since the storm began). */
  deadlineMs: number
}
type Command =
  | { type: 'connect'; config: Config }
  | { type: 'send'; senders: number; perSecond: number; seconds: number; tag: string }
  | { type: 'report'; ackedIds: number[] }
  | { type: 'close' }

type Connection = {
  /** The stored message's id, or the refusal's code. */
  send(text: string, clientId: string): Promise<number | string>
  close(): void
  received: Set<number>
}

const latencies: number[] = []
const connections: Connection[] = []
let seq = 0
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function onDelivery(connection: Connection, id: number, text: string) {
  const match = /^bench (\S+) (\d+) /.exec(text)
  if (!match) return
  latencies.push(Date.now() - Number(match[2]))
  connection.received.add(id)
}

/** One socket as the site's island opens it: refused with a retry-after, it comes back later. */
async function connectSocketIo(
  config: Config,
  index: number,
  started: number,
  tally: { refusals: Map<string, number> },
): Promise<Connection | null> {
  const refused = (code: string) => tally.refusals.set(code, (tally.refusals.get(code) ?? 0) + 1)
  for (;;) {
    if (Date.now() - started > config.deadlineMs) return null
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(
      config.urls[index % config.urls.length]!,
      {
        transports: ['websocket'],
        auth: { token: config.tokens[index % config.tokens.length] },
        extraHeaders: { origin: config.origin },
        forceNew: true,
        reconnection: false,
        timeout: 30_000,
      },
    )
    const outcome = await new Promise<{ code: string; retryAfterMs?: number } | null>((resolve) => {
      // Neither connected nor refused in time (the transport closed on the way): try again.
      const timer = setTimeout(() => resolve({ code: 'CONNECT_TIMEOUT' }), 30_000)
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(null)
      })
      socket.once('connect_error', (error: Error & { data?: { retryAfterMs?: number } }) => {
        clearTimeout(timer)
        resolve({ code: error.message, retryAfterMs: error.data?.retryAfterMs })
      })
    })
    let retryAfterMs = outcome?.retryAfterMs
    if (!outcome) {
      const joined = await socket
        .timeout(30_000)
        .emitWithAck('join', { eventId: config.eventId })
        .catch(() => null)
      if (joined?.ok) return wrapSocketIo(socket, config)
      refused(joined ? joined.error.code : 'JOIN_TIMEOUT')
      retryAfterMs = joined && !joined.ok ? joined.error.retryAfterMs : undefined
    } else {
      refused(outcome.code)
    }
    socket.close()
    // Jittered backoff, as the island does: the named delay, or 1–5 s.
    await sleep((retryAfterMs ?? 3000) * (0.5 + Math.random()))
  }
}

function wrapSocketIo(
  socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  config: Config,
): Connection {
  const connection: Connection = {
    received: new Set(),
    async send(text, clientId) {
      const response: Ack<ChatMessage> = await socket
        .timeout(10_000)
        .emitWithAck('message', { eventId: config.eventId, text, clientId })
        .catch(() => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'timeout' } }) as const)
      return response.ok ? response.data.id : response.error.code
    },
    close: () => socket.close(),
  }
  socket.on('message', (message) => onDelivery(connection, message.id, message.text))
  return connection
}

async function connectWs(config: Config, index: number): Promise<Connection | null> {
  const ws = new WebSocket(config.urls[index % config.urls.length]!, { perMessageDeflate: false })
  const pending = new Map<string, (id: number | string) => void>()
  const connection: Connection = {
    received: new Set(),
    send(text, clientId) {
      return new Promise((resolve) => {
        pending.set(clientId, resolve)
        ws.send(JSON.stringify({ text, clientId }))
        setTimeout(() => {
          if (pending.delete(clientId)) resolve('TIMEOUT')
        }, 10_000).unref()
      })
    },
    close: () => ws.close(),
  }
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id: number; text: string; clientId: string }
    pending.get(message.clientId)?.(message.id)
    pending.delete(message.clientId)
    onDelivery(connection, message.id, message.text)
  })
  const isOpen = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true))
    ws.once('error', () => resolve(false))
  })
  return isOpen ? connection : null
}

/** Every connection at once, like a crowd opening the watch page in the same minute. */
async function storm(config: Config) {
  const started = Date.now()
  const tally = { refusals: new Map<string, number>() }
  const joinedAt: number[] = []
  let failed = 0
  await Promise.all(
    Array.from({ length: config.count }, async (_, index) => {
      const connection =
        config.mode === 'ws'
          ? await connectWs(config, index)
          : await connectSocketIo(config, index, started, tally)
      if (!connection) {
        failed++
        return
      }
      connections.push(connection)
      joinedAt.push(Date.now() - started)
    }),
  )
  return {
    joined: joinedAt.length,
    lastJoinedMs: Math.max(0, ...joinedAt),
    failed,
    refusals: Object.fromEntries(tally.refusals),
  }
}

async function sendFor(senders: number, perSecond: number, seconds: number, tag: string) {
  const acked: number[] = []
  const refused: Record<string, number> = {}
  const started = Date.now()
  const intervalMs = (1000 * senders) / perSecond
  await Promise.all(
    Array.from({ length: senders }, async (_, senderIndex) => {
      const connection = connections[senderIndex]!
      const offset = (intervalMs / senders) * senderIndex
      await sleep(offset)
      const inFlight: Promise<void>[] = []
      for (let tick = 0; Date.now() - started < seconds * 1000; tick++) {
        const clientId = `${tag}-${process.pid}-${senderIndex}-${seq++}`
        inFlight.push(
          connection.send(`bench ${clientId} ${Date.now()} hello`, clientId).then((id) => {
            if (typeof id === 'number') acked.push(id)
            else refused[id] = (refused[id] ?? 0) + 1
          }),
        )
        // A sender that fell behind (a busy machine) skips slots instead of bursting to catch up.
        tick = Math.max(tick, Math.floor((Date.now() - started - offset) / intervalMs))
        const nextAt = started + offset + (tick + 1) * intervalMs
        await sleep(Math.max(0, nextAt - Date.now()))
      }
      await Promise.all(inFlight)
    }),
  )
  return { acked, refused }
}

process.on('message', async (command: Command) => {
  try {
    if (command.type === 'connect') {
      process.send!({ type: 'connected', ...(await storm(command.config)) })
    } else if (command.type === 'send') {
      latencies.length = 0
      const result = await sendFor(command.senders, command.perSecond, command.seconds, command.tag)
      process.send!({ type: 'sent', ...result })
    } else if (command.type === 'report') {
      let missing = 0
      const acked = new Set(command.ackedIds)
      for (const connection of connections) {
        for (const id of acked) if (!connection.received.has(id)) missing++
      }
      process.send!({ type: 'report', latencies, missing })
    } else {
      for (const connection of connections) connection.close()
      process.exit(0)
    }
  } catch (error) {
    process.send!({ type: 'error', message: (error as Error).message })
  }
})
