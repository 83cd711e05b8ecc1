// `npm run bench:chat`: 1,000 Socket.IO clients in one event room over 2
// realtime nodes (Redis adapter, real cms), 10 messages/s for 30 s, then the
// same fan-out over a plain `ws` server as the reference. 127.0.0.1 only.
import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { startTestCms } from '../../scripts/lib/testCms.ts'
import { clearRedisKeys, newAttendee, startNode } from '../tests/helpers.ts'
import { freePortIn } from '../tests/ports.ts'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000)
const PROCESSES = 2
const RATE = Number(process.env.BENCH_RATE ?? 10)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const SENDERS_PER_PROCESS = Math.max(1, Math.round(RATE / PROCESSES))
const USERS = 50
const ORIGIN = 'http://localhost:4321'

type Reply = { type: string; [key: string]: unknown }

function ask(child: ChildProcess, command: object, expected: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const listener = (reply: Reply) => {
      if (reply.type === 'error') reject(new Error(String(reply.message)))
      else if (reply.type === expected) resolve(reply)
      else return
      child.off('message', listener)
    }
    child.on('message', listener)
    child.send(command)
  })
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function runRound(
  label: string,
  config: { mode: 'socketio' | 'ws'; urls: string[]; tokens: string[]; eventId: number },
) {
  const clients = Array.from({ length: PROCESSES }, () =>
    fork(path.join(import.meta.dirname, 'client.ts'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const connectStarted = Date.now()
  await Promise.all(
    clients.map((child, index) =>
      ask(
        child,
        {
          type: 'connect',
          config: {
            ...config,
            // Each process starts at other users, so no two senders share a user's rate limit.
            tokens: [
              ...config.tokens.slice((index * USERS) / PROCESSES),
              ...config.tokens.slice(0, (index * USERS) / PROCESSES),
            ],
            count: CLIENTS / PROCESSES,
            origin: ORIGIN,
          },
        },
        'connected',
      ),
    ),
  )
  const connectSeconds = (Date.now() - connectStarted) / 1000
  const tag = `${label.replace(/[^a-z]/g, '')}${Date.now()}`
  const sendStarted = Date.now()
  const sent = await Promise.all(
    clients.map((child) =>
      ask(
        child,
        {
          type: 'send',
          senders: SENDERS_PER_PROCESS,
          perSecond: RATE / PROCESSES,
          seconds: SECONDS,
          tag,
        },
        'sent',
      ),
    ),
  )
  // Let the last deliveries land before counting.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const elapsed = (Date.now() - sendStarted - 2000) / 1000
  const ackedIds = sent.flatMap((reply) => reply.acked as number[])
  const failed = sent.reduce((sum, reply) => sum + (reply.failed as number), 0)
  const reports = await Promise.all(
    clients.map((child) => ask(child, { type: 'report', ackedIds }, 'report')),
  )
  for (const child of clients) child.send({ type: 'close' })
  const latencies = reports.flatMap((reply) => reply.latencies as number[]).sort((a, b) => a - b)
  const fanout = reports.flatMap((reply) => reply.fanout as number[]).sort((a, b) => a - b)
  const deliveries = reports.reduce((sum, reply) => sum + (reply.deliveries as number), 0)
  const missing = reports.reduce((sum, reply) => sum + (reply.missing as number), 0)
  return {
    label,
    connectSeconds,
    acked: ackedIds.length,
    ackedIds,
    failedSends: failed,
    deliveriesPerSecond: deliveries / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    fanoutP50: percentile(fanout, 50),
    fanoutP99: percentile(fanout, 99),
    lostAcknowledged: missing,
  }
}

const started = Date.now()
const runId = `${process.pid}_${Date.now()}`
const keyPrefix = `bench:rt:${runId}:`
console.log(
  `bench:chat — ${CLIENTS} clients, ${RATE} msg/s for ${SECONDS} s, 2 realtime nodes + plain ws reference`,
)
const cms = await startTestCms({
  port: await freePortIn(3250, 3299),
  database: `event_portal_bench_${runId}`,
  extraEnv: {
    RATE_LIMIT_LOGIN: '100000/60',
    RATE_LIMIT_REGISTER: '100000/60',
    RATE_LIMIT_REGISTRATIONS: '100000/60',
  },
})
const children: ChildProcess[] = []
try {
  const events = (await (
    await fetch(
      `${cms.url}/api/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0`,
    )
  ).json()) as { docs: { id: number; capacity: number }[] }
  const event = events.docs.sort((a, b) => b.capacity - a.capacity)[0]!
  if (event.capacity < USERS) throw new Error('no free upcoming event with enough seats')
  const users = []
  for (let n = 0; n < USERS; n++) users.push(await newAttendee(cms.url, event.id, `Bench ${n}`))
  const tokens = users.map((user) => user.token)

  const nodeA = await startNode(cms.url, keyPrefix, { ALLOWED_ORIGINS: ORIGIN })
  const nodeB = await startNode(cms.url, keyPrefix, { ALLOWED_ORIGINS: ORIGIN })
  children.push(nodeA.process, nodeB.process)
  const rssBefore = rssMb(nodeA.process.pid!) + rssMb(nodeB.process.pid!)
  const socketio = await runRound('socket.io', {
    mode: 'socketio',
    urls: [nodeA.url, nodeB.url],
    tokens,
    eventId: event.id,
  })
  const rssAfter = rssMb(nodeA.process.pid!) + rssMb(nodeB.process.pid!)
  // Durable means in cms: every acknowledged id must be stored.
  const stored = new Set<number>()
  for (let page = 1; ; page++) {
    const res = (await (
      await fetch(
        `${cms.url}/api/chat-messages?where[event][equals]=${event.id}&limit=500&page=${page}&depth=0&select[id]=true`,
        { headers: { Authorization: `JWT ${tokens[0]}` } },
      )
    ).json()) as { docs: { id: number }[]; hasNextPage: boolean }
    for (const doc of res.docs) stored.add(doc.id)
    if (!res.hasNextPage) break
  }
  const notStored = socketio.ackedIds.filter((id) => !stored.has(id)).length
  await Promise.all([nodeA.stop(), nodeB.stop()])

  const wsPort = await freePortIn(3300, 3399)
  const wsServer = fork(path.join(import.meta.dirname, 'wsServer.ts'), [], {
    env: { ...process.env, PORT: String(wsPort) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.push(wsServer)
  await new Promise((resolve) => wsServer.once('message', resolve))
  const ws = await runRound('plain ws', {
    mode: 'ws',
    urls: [`ws://127.0.0.1:${wsPort}`],
    tokens,
    eventId: event.id,
  })

  const row = (r: typeof socketio) =>
    `${r.label.padEnd(10)} ${r.deliveriesPerSecond.toFixed(0).padStart(9)} ${r.p50.toFixed(0).padStart(6)} ms ${r.p99.toFixed(0).padStart(6)} ms ${String(r.acked).padStart(6)} ${String(r.lostAcknowledged).padStart(6)} ${r.connectSeconds.toFixed(1).padStart(8)} s`
  console.log(`
                deliv/s    p50       p99    acked   lost  connect
${row(socketio)}
${row(ws)}
socket.io fan-out alone (stored → delivered): p50 ${socketio.fanoutP50.toFixed(0)} ms, p99 ${socketio.fanoutP99.toFixed(0)} ms
socket.io vs plain ws: ${(socketio.deliveriesPerSecond / ws.deliveriesPerSecond).toFixed(2)} × deliveries/s
acknowledged but not in the database: ${notStored}; sends refused or timed out: ${socketio.failedSends}
server RSS (2 realtime nodes): ${rssBefore.toFixed(0)} MB idle → ${rssAfter.toFixed(0)} MB with ${CLIENTS} connections (${(((rssAfter - rssBefore) * 1000) / CLIENTS).toFixed(0)} MB per 1,000 connections)
total ${Math.round((Date.now() - started) / 1000)} s`)
  const isOk =
    socketio.lostAcknowledged === 0 &&
    notStored === 0 &&
    socketio.p99 < 200 &&
    socketio.deliveriesPerSecond >= 0.5 * ws.deliveriesPerSecond
  process.exitCode = isOk ? 0 : 1
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  await clearRedisKeys(keyPrefix)
  await cms.stop()
}
