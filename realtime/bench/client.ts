// A benchmark client process: opens many connections at once (Socket.IO or
// plain ws), sends when told to, and measures delivery latency. Socket.IO
// connections speak the wire protocol (wireClient.ts) unless BENCH_CLIENT=library. Driven by
// bench/chat.ts over IPC; several run side by side to reach 10,000 clients.
import { io, type Socket } from 'socket.io-client'
import WebSocket from 'ws'

import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../src/events.ts'
import { connectWire } from './wireClient.ts'

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
  | {
      type: 'send'
      senders: number
      perSecond: number
      seconds: number
      tag: string
      /** This process's share of the sending interval to wait first (0–1), so processes interleave. */
      phase: number
    }
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
/**
 * Connections by their place in the storm, which names their person (tokens are rotated per
 * process so that the first few are people no other process starts with): senders are taken
 * from the front. Taken in the order they joined, two processes' senders could be one person,
 * whom the chat's per-person limit then refuses.
 */
const byIndex: Connection[] = []
let seq = 0
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function onDelivery(connection: Connection, id: number, text: string) {
  const match = /^bench (\S+) (\d+) /.exec(text)
  if (!match) return
  latencies.push(Date.now() - Number(match[2]))
  connection.received.add(id)
}

/** Which Socket.IO client the bench runs: `wire` (default, see wireClient.ts) or `library`. */
const SOCKET_IO_CLIENT = process.env.BENCH_CLIENT === 'library' ? 'library' : 'wire'

/** One attempt: a joined socket's `send` and delivery hook, or why it was refused. */
type Attempt =
  | {
      socket: {
        emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown>
        onMessage(listener: (message: ChatMessage) => void): void
        close(): void
      }
    }
  | { code: string; retryAfterMs?: number }

async function attemptWithLibrary(config: Config, url: string, token: string): Promise<Attempt> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    auth: { token },
    extraHeaders: { origin: config.origin },
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
  })
  const refusal = await new Promise<{ code: string; retryAfterMs?: number } | null>((resolve) => {
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
  if (refusal) {
    socket.close()
    return refusal
  }
  return {
    socket: {
      emitWithAck: (event, payload, timeoutMs) =>
        socket
          .timeout(timeoutMs)
          .emitWithAck(event as 'join', payload as { eventId: number }) as Promise<unknown>,
      onMessage: (listener) => socket.on('messages', (lines) => lines.forEach(listener)),
      close: () => socket.close(),
    },
  }
}

async function attemptOnWire(config: Config, url: string, token: string): Promise<Attempt> {
  const outcome = await connectWire(url, { token, origin: config.origin, timeoutMs: 30_000 })
  if ('code' in outcome) return outcome
  return {
    socket: {
      emitWithAck: (event, payload, timeoutMs) => outcome.emitWithAck(event, payload, timeoutMs),
      onMessage: (listener) =>
        outcome.on('messages', (lines) => (lines as ChatMessage[]).forEach(listener)),
      close: () => outcome.close(),
    },
  }
}

/** One socket as the site's island opens it: refused with a retry-after, it comes back later. */
async function connectSocketIo(
  config: Config,
  index: number,
  started: number,
  tally: { refusals: Map<string, number> },
): Promise<Connection | null> {
  const refused = (code: string) => tally.refusals.set(code, (tally.refusals.get(code) ?? 0) + 1)
  const attempt = SOCKET_IO_CLIENT === 'library' ? attemptWithLibrary : attemptOnWire
  for (;;) {
    if (Date.now() - started > config.deadlineMs) return null
    const outcome = await attempt(
      config,
      config.urls[index % config.urls.length]!,
      config.tokens[index % config.tokens.length]!,
    )
    let retryAfterMs: number | undefined
    if ('socket' in outcome) {
      const { socket } = outcome
      const joined = (await socket
        .emitWithAck('join', { eventId: config.eventId }, 30_000)
        .catch(() => null)) as Ack<unknown> | null
      if (joined?.ok) return wrapSocketIo(socket, config)
      refused(joined ? joined.error.code : 'JOIN_TIMEOUT')
      retryAfterMs = joined && !joined.ok ? joined.error.retryAfterMs : undefined
      socket.close()
    } else {
      refused(outcome.code)
      retryAfterMs = outcome.retryAfterMs
    }
    // Jittered backoff, as the island does: the named delay, or 1–5 s.
    await sleep((retryAfterMs ?? 3000) * (0.5 + Math.random()))
  }
}

function wrapSocketIo(
  socket: Extract<Attempt, { socket: unknown }>['socket'],
  config: Config,
): Connection {
  const connection: Connection = {
    received: new Set(),
    async send(text, clientId) {
      const response = (await socket
        .emitWithAck('message', { eventId: config.eventId, text, clientId }, 10_000)
        .catch(() => ({
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'timeout' },
        }))) as Ack<ChatMessage>
      return response.ok ? response.data.id : response.error.code
    },
    close: () => socket.close(),
  }
  socket.onMessage((message) => onDelivery(connection, message.id, message.text))
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
      byIndex[index] = connection
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

async function sendFor(
  senders: number,
  perSecond: number,
  seconds: number,
  tag: string,
  phase: number,
) {
  const acked: number[] = []
  /** Milliseconds from send to the sender's ack: the store path's share of a delivery. */
  const ackMs: number[] = []
  const refused: Record<string, number> = {}
  const started = Date.now()
  const intervalMs = (1000 * senders) / perSecond
  await Promise.all(
    Array.from({ length: senders }, async (_, senderIndex) => {
      const connection = byIndex[senderIndex] ?? connections[senderIndex]!
      // Evenly spread over the interval, across processes too: a crowd does not send in lockstep.
      const offset = (intervalMs / senders) * (senderIndex + phase)
      await sleep(offset)
      const inFlight: Promise<void>[] = []
      for (let tick = 0; Date.now() - started < seconds * 1000; tick++) {
        const clientId = `${tag}-${process.pid}-${senderIndex}-${seq++}`
        const sentAt = Date.now()
        inFlight.push(
          connection.send(`bench ${clientId} ${sentAt} hello`, clientId).then((id) => {
            ackMs.push(Date.now() - sentAt)
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
  return { acked, ackMs, refused }
}

process.on('message', async (command: Command) => {
  try {
    if (command.type === 'connect') {
      process.send!({ type: 'connected', ...(await storm(command.config)) })
    } else if (command.type === 'send') {
      latencies.length = 0
      const { senders, perSecond, seconds, tag, phase } = command
      const result = await sendFor(senders, perSecond, seconds, tag, phase)
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
