import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

import { Redis } from 'ioredis'
import { io, type Socket } from 'socket.io-client'

import { localEnv } from '../../scripts/lib/localEnv.ts'
import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../src/events.ts'
import { freePortIn } from './ports.ts'

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>

const realtimeDir = path.resolve(import.meta.dirname, '..')
export const SITE_ORIGIN = 'http://localhost:4321'
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

let unique = 0
export const uniqueId = () => `${Date.now().toString(36)}${(unique++).toString(36)}`

export type RealtimeNode = {
  url: string
  port: number
  process: ChildProcess
  stop(): Promise<void>
}

/** A real realtime node (`node src/index.ts`) in its own process on a free port. */
export async function startNode(
  cmsUrl: string,
  keyPrefix: string,
  extraEnv: Record<string, string> = {},
): Promise<RealtimeNode> {
  const port = await freePortIn(3300, 3399)
  const child = spawn(process.execPath, ['src/index.ts'], {
    cwd: realtimeDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CMS_URL: cmsUrl,
      REDIS_URL,
      REALTIME_KEY_PREFIX: keyPrefix,
      ALLOWED_ORIGINS: SITE_ORIGIN,
      // The test cms signs sessions with the same secret (startTestCms reads localEnv too).
      PAYLOAD_SECRET: localEnv().PAYLOAD_SECRET!,
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`realtime node exited with ${child.exitCode}`)
    const isUp = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    )
    if (isUp) break
    if (Date.now() > deadline) throw new Error('realtime node did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

export async function api<T = any>(
  cmsUrl: string,
  method: string,
  apiPath: string,
  { token, body }: { token?: string; body?: unknown } = {},
) {
  const res = await fetch(`${cmsUrl}/api${apiPath}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as T }
}

export type Session = { id: number; name: string; token: string; registrationId?: number }

export async function login(cmsUrl: string, email: string, password: string): Promise<Session> {
  const res = await api(cmsUrl, 'POST', '/auth/login', { body: { email, password } })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`)
  return { id: res.body.user.id, name: res.body.user.name, token: res.body.token }
}

/** cms opens an event's chat 15 minutes before its start: the tests' event starts now. */
export async function startEventNow(cmsUrl: string, eventId: number): Promise<void> {
  const admin = await login(cmsUrl, 'admin@example.com', 'demo-admin-1')
  const res = await api(cmsUrl, 'PATCH', `/events/${eventId}`, {
    token: admin.token,
    body: { startTime: new Date(Date.now() - 60_000).toISOString() },
  })
  if (res.status !== 200) throw new Error(`start event: ${res.status} ${JSON.stringify(res.body)}`)
}

/** A new user account, signed up through cms and (optionally) registered for a free event. */
export async function newAttendee(
  cmsUrl: string,
  eventId?: number,
  name = `Attendee ${uniqueId()}`,
): Promise<Session> {
  const email = `rt-${uniqueId()}@test.example`
  const password = 'correct-horse-battery'
  const res = await api(cmsUrl, 'POST', '/auth/register', { body: { email, password, name } })
  if (res.status >= 300) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`)
  const session = await login(cmsUrl, email, password)
  if (eventId !== undefined) {
    const reg = await api(cmsUrl, 'POST', '/registrations', {
      token: session.token,
      body: { event: eventId },
    })
    if (reg.status !== 201 || reg.body.doc.status !== 'confirmed') {
      throw new Error(`registration: ${reg.status} ${JSON.stringify(reg.body)}`)
    }
    return { ...session, registrationId: reg.body.doc.id }
  }
  return session
}

/** Connects over WebSocket; rejects with the server's refusal (connect_error). */
export function connect(
  url: string,
  token: string | undefined,
  options: { origin?: string; reconnection?: boolean } = {},
): Promise<ChatClient> {
  const socket: ChatClient = io(url, {
    transports: ['websocket'],
    auth: token ? { token } : {},
    extraHeaders: { origin: options.origin ?? SITE_ORIGIN },
    reconnection: options.reconnection ?? false,
    forceNew: true,
  })
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (error) => {
      socket.close()
      reject(error)
    })
  })
}

/** Emits with an ack and resolves with the server's answer. */
export function request<E extends keyof ClientToServerEvents>(
  socket: ChatClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return (socket.timeout(10_000) as any).emitWithAck(event, payload)
}

export function expectOk<T>(response: Ack<T>): T {
  if (!response.ok)
    throw new Error(`expected ok, got ${response.error.code}: ${response.error.message}`)
  return response.data
}

/** Resolves with the next `event` whose payload matches. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ChatClient,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as any)
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`))
    }, timeoutMs)
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!matches(payload)) return
      clearTimeout(timer)
      socket.off(event, listener as any)
      resolve(payload)
    }
    socket.on(event, listener as any)
  })
}

/** The next chat line that `matches`, from whichever `messages` batch carries it. */
export async function nextLine(
  socket: ChatClient,
  matches: (line: ChatMessage) => boolean,
  timeoutMs = 10_000,
): Promise<ChatMessage> {
  const batch = await nextEvent(socket, 'messages', (lines) => lines.some(matches), timeoutMs)
  return batch.find(matches)!
}

/** Deletes every Redis key of a test run. */
export async function clearRedisKeys(prefix: string) {
  const redis = new Redis(REDIS_URL)
  try {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
  } finally {
    redis.disconnect()
  }
}

/**
 * A stand-in for the load balancer in front of the nodes: each new TCP
 * connection goes to the first backend that accepts it, so when a node dies
 * its clients' reconnections land on the next one.
 */
export async function startBalancer(backendPorts: number[]) {
  const port = await freePortIn(3300, 3399)
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const tryBackend = (index: number) => {
      if (index >= backendPorts.length) return client.destroy()
      const upstream = net.connect(backendPorts[index]!, '127.0.0.1')
      let isConnected = false
      upstream.on('error', () => {
        if (isConnected) client.destroy()
        else tryBackend(index + 1)
      })
      upstream.once('connect', () => {
        isConnected = true
        sockets.add(upstream)
        upstream.on('close', () => {
          sockets.delete(upstream)
          client.destroy()
        })
        client.on('close', () => upstream.destroy())
        client.pipe(upstream).pipe(client)
      })
    }
    tryBackend(0)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
