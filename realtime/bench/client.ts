// A benchmark client process: holds many connections (Socket.IO or plain ws),
// sends when told to, and measures delivery latency. Driven by bench/chat.ts over IPC.
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
}
type Command =
  | { type: 'connect'; config: Config }
  | { type: 'send'; senders: number; perSecond: number; seconds: number; tag: string }
  | { type: 'report'; ackedIds: number[] }
  | { type: 'close' }

type Connection = {
  send(text: string, clientId: string): Promise<number | null>
  close(): void
  received: Set<number>
}

const latencies: number[] = []
/** From the moment the message was stored (cms sentAt) to its delivery: the fan-out alone. */
const fanout: number[] = []
const connections: Connection[] = []
let seq = 0
let hasReportedFailure = false

function onDelivery(connection: Connection, id: number, text: string, storedAt?: string) {
  const match = /^bench (\S+) (\d+) /.exec(text)
  if (!match) return
  latencies.push(Date.now() - Number(match[2]))
  if (storedAt) fanout.push(Date.now() - Date.parse(storedAt))
  connection.received.add(id)
}

async function connectSocketIo(config: Config, index: number): Promise<Connection> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(
    config.urls[index % config.urls.length]!,
    {
      transports: ['websocket'],
      auth: { token: config.tokens[index % config.tokens.length] },
      extraHeaders: { origin: config.origin },
      forceNew: true,
      reconnection: false,
    },
  )
  const connection: Connection = {
    received: new Set(),
    async send(text, clientId) {
      const response: Ack<ChatMessage> = await socket
        .timeout(10_000)
        .emitWithAck('message', { eventId: config.eventId, text, clientId })
        .catch(() => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'timeout' } }) as const)
      if (!response.ok && !hasReportedFailure) {
        hasReportedFailure = true
        console.error(`bench client: a send was refused: ${response.error.code}`)
      }
      return response.ok ? response.data.id : null
    },
    close: () => socket.close(),
  }
  socket.on('message', (message) =>
    onDelivery(connection, message.id, message.text, message.sentAt),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  const joined = await socket.timeout(60_000).emitWithAck('join', { eventId: config.eventId })
  if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`)
  return connection
}

async function connectWs(config: Config, index: number): Promise<Connection> {
  const ws = new WebSocket(config.urls[index % config.urls.length]!)
  const pending = new Map<string, (id: number) => void>()
  const connection: Connection = {
    received: new Set(),
    send(text, clientId) {
      return new Promise((resolve) => {
        pending.set(clientId, resolve)
        ws.send(JSON.stringify({ text, clientId }))
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
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return connection
}

async function connectAll(config: Config) {
  const connect = config.mode === 'ws' ? connectWs : connectSocketIo
  const concurrency = 10
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < config.count) {
        const index = next++
        connections[index] = await connect(config, index)
      }
    }),
  )
}

async function sendFor(senders: number, perSecond: number, seconds: number, tag: string) {
  const acked: number[] = []
  let failed = 0
  const started = Date.now()
  const intervalMs = (1000 * senders) / perSecond
  await Promise.all(
    Array.from({ length: senders }, async (_, senderIndex) => {
      const connection = connections[senderIndex]!
      await new Promise((resolve) => setTimeout(resolve, (intervalMs / senders) * senderIndex))
      const inFlight: Promise<void>[] = []
      for (let tick = 0; Date.now() - started < seconds * 1000; tick++) {
        const clientId = `${tag}-${process.pid}-${senderIndex}-${seq++}`
        inFlight.push(
          connection.send(`bench ${clientId} ${Date.now()} hello`, clientId).then((id) => {
            if (id === null) failed++
            else acked.push(id)
          }),
        )
        // A sender that fell behind (a busy machine) skips slots instead of bursting to catch up.
        const offset = (intervalMs / senders) * senderIndex
        tick = Math.max(tick, Math.floor((Date.now() - started - offset) / intervalMs))
        const nextAt = started + offset + (tick + 1) * intervalMs
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextAt - Date.now())))
      }
      await Promise.all(inFlight)
    }),
  )
  return { acked, failed }
}

process.on('message', async (command: Command) => {
  try {
    if (command.type === 'connect') {
      await connectAll(command.config)
      process.send!({ type: 'connected', count: connections.length })
    } else if (command.type === 'send') {
      latencies.length = 0
      fanout.length = 0
      const result = await sendFor(command.senders, command.perSecond, command.seconds, command.tag)
      process.send!({ type: 'sent', ...result })
    } else if (command.type === 'report') {
      let missing = 0
      for (const connection of connections) {
        for (const id of command.ackedIds) if (!connection.received.has(id)) missing++
      }
      process.send!({ type: 'report', latencies, fanout, deliveries: latencies.length, missing })
    } else {
      for (const connection of connections) connection.close()
      process.exit(0)
    }
  } catch (error) {
    process.send!({ type: 'error', message: (error as Error).message })
  }
})
