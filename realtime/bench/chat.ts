// `npm run bench:chat`: a crowd on the live stage, beside a plain `ws` server
// measured in the same run (127.0.0.1 only, a real cms and Redis):
//   1. connect storm: 1,000 and 10,000 authenticated clients (4 tabs or 10 per
//      person) open at once over 2 realtime nodes — time until all joined, refusals;
//   2. server memory per connection after each storm, read at the last join and again once
//      the crowd has sat in the room for BENCH_SETTLE_SECONDS (15; the target is read then);
//   3. the knee: 1,000 clients in one room, the message rate raised every step (from
//      10 msg/s by a quarter to a half, so the knees' ratio is not rounded to a power of 2)
//      until delivery p99 passes 200 ms — deliveries/s at the knee, both servers
//      (after an unmeasured warm-up, so the first step does not time the JIT).
// Knobs: BENCH_STORMS (1000,10000), BENCH_PROCESSES (4), BENCH_STEP_SECONDS (5),
// BENCH_KNEE_CLIENTS (1000), BENCH_SETTLE_SECONDS (15), BENCH_SKIP_WS=1 (socket.io only), BENCH_SKIP_KNEE=1,
// BENCH_CLIENT=library (socket.io-client instead of the wire-level client, bench/wireClient.ts).
import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'

import { startTestCms } from '../../scripts/lib/testCms.ts'
import { api, clearRedisKeys, startEventNow, startNode, uniqueId } from '../tests/helpers.ts'
import { freePortIn } from '../tests/ports.ts'

const STORMS = (process.env.BENCH_STORMS ?? '1000,10000').split(',').map(Number)
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 4)
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5)
const KNEE_CLIENTS = Number(process.env.BENCH_KNEE_CLIENTS ?? 1000)
const SKIP_WS = process.env.BENCH_SKIP_WS === '1'
const SKIP_KNEE = process.env.BENCH_SKIP_KNEE === '1'
// V8 flags of the realtime nodes, as `npm start` and the image run them (realtime/package.json).
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-semi-space-size=8'
const KNEE_RATES = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 160, 240, 320]
const KNEE_P99_MS = 200
const WARM_UP_SECONDS = 3
/**
 * Per person: 4 tabs in storms up to 1,000 clients; larger crowds reuse the same
 * 250 people (signing up takes about a second each on a busy 2-core machine),
 * so the nodes allow that many joins per person (JOIN_LIMIT_PER_10S).
 */
const tabsPerPerson = (count: number) => Math.max(4, Math.ceil(count / 250))
const USERS = Math.max(...STORMS.map((count) => Math.ceil(count / tabsPerPerson(count))))
const ORIGIN = 'http://localhost:4321'
const STORM_DEADLINE_MS = 120_000
/** The crowd sits in the room this long before memory per connection is read. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? 15) * 1000

type Reply = { type: string; [key: string]: unknown }
type Mode = 'socketio' | 'ws'

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

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')

/** A crowd of client processes; `tokens` are spread so each process starts at other people. */
async function openCrowd(
  mode: Mode,
  urls: string[],
  tokens: string[],
  count: number,
  eventId: number,
) {
  const clients = Array.from({ length: PROCESSES }, () =>
    fork(path.join(import.meta.dirname, 'client.ts'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const perProcess = Math.ceil(count / PROCESSES)
  const replies = await Promise.all(
    clients.map((child, index) => {
      // Each process starts at other people, so senders (the first connections) are distinct people.
      const offset = index * Math.floor(tokens.length / PROCESSES)
      return ask(
        child,
        {
          type: 'connect',
          config: {
            mode,
            urls,
            tokens: [...tokens.slice(offset), ...tokens.slice(0, offset)],
            count: perProcess,
            eventId,
            origin: ORIGIN,
            deadlineMs: STORM_DEADLINE_MS,
          },
        },
        'connected',
      )
    }),
  )
  const refusals: Record<string, number> = {}
  for (const reply of replies) {
    for (const [code, n] of Object.entries(reply.refusals as Record<string, number>)) {
      refusals[code] = (refusals[code] ?? 0) + n
    }
  }
  return {
    clients,
    joined: replies.reduce((sum, reply) => sum + (reply.joined as number), 0),
    failed: replies.reduce((sum, reply) => sum + (reply.failed as number), 0),
    seconds: Math.max(...replies.map((reply) => reply.lastJoinedMs as number)) / 1000,
    refusals,
    close: () => clients.forEach((child) => child.send({ type: 'close' })),
  }
}

/** Raises the message rate until delivery p99 passes the bound; the last rate within it is the knee. */
async function findKnee(crowd: Awaited<ReturnType<typeof openCrowd>>, label: string) {
  const sendAt = (rate: number, seconds: number) => {
    const perProcess = rate / PROCESSES
    // Senders are distinct people sending at most 2 a second (the chat allows 3).
    const senders = Math.max(1, Math.ceil(perProcess / 2))
    const tag = `${label.replace(/\W/g, '')}${rate}x${uniqueId()}`
    return Promise.all(
      crowd.clients.map((child, index) =>
        ask(
          child,
          { type: 'send', senders, perSecond: perProcess, seconds, tag, phase: index / PROCESSES },
          'sent',
        ),
      ),
    )
  }
  // Unmeasured: the crowd's joins settle and every process's code is compiled before the first
  // step, which would otherwise time the JIT (a few messages at 1 msg/s decide the first p99).
  await new Promise((resolve) => setTimeout(resolve, 2000))
  await sendAt(KNEE_RATES[0]! * 4, WARM_UP_SECONDS)
  await new Promise((resolve) => setTimeout(resolve, 1500))

  let knee = { rate: 0, deliveriesPerSecond: 0, p99: NaN, firstP99: NaN }
  for (const rate of KNEE_RATES) {
    const sent = await sendAt(rate, STEP_SECONDS)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const ackedIds = sent.flatMap((reply) => reply.acked as number[])
    const ackMs = sent.flatMap((reply) => reply.ackMs as number[]).sort((a, b) => a - b)
    const refused: Record<string, number> = {}
    for (const reply of sent) {
      for (const [code, n] of Object.entries(reply.refused as Record<string, number>)) {
        refused[code] = (refused[code] ?? 0) + n
      }
    }
    const failedSends = Object.values(refused).reduce((sum, n) => sum + n, 0)
    const reports = await Promise.all(
      crowd.clients.map((child) => ask(child, { type: 'report', ackedIds }, 'report')),
    )
    const latencies = reports.flatMap((reply) => reply.latencies as number[]).sort((a, b) => a - b)
    const missing = reports.reduce((sum, reply) => sum + (reply.missing as number), 0)
    const p99 = percentile(latencies, 99)
    const deliveriesPerSecond = latencies.length / STEP_SECONDS
    console.log(
      `  ${label.padEnd(9)} ${String(rate).padStart(4)} msg/s → ${deliveriesPerSecond.toFixed(0).padStart(7)} deliveries/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (ack p50 ${percentile(ackMs, 50).toFixed(0)}, p99 ${percentile(ackMs, 99).toFixed(0)} ms), refused sends ${JSON.stringify(refused)}, lost ${missing} (load ${load()})`,
    )
    if (rate === KNEE_RATES[0]) knee.firstP99 = p99
    if (p99 > KNEE_P99_MS || failedSends > ackedIds.length / 100 || missing > 0) break
    knee = { ...knee, rate, deliveriesPerSecond, p99 }
  }
  return knee
}

const kneeLine = (label: string, knee: Awaited<ReturnType<typeof findKnee>>) =>
  knee.rate === 0
    ? `${label} knee: below ${KNEE_RATES[0]} msg/s (p99 ${knee.firstP99.toFixed(0)} ms already at ${KNEE_RATES[0]} msg/s)`
    : `${label} knee: ${knee.rate} msg/s = ${knee.deliveriesPerSecond.toFixed(0)} deliveries/s (p99 ${knee.p99.toFixed(0)} ms)`

async function createAttendees(cmsUrl: string, eventId: number, count: number) {
  const tokens: string[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const n = next++
        const email = `bench-${n}-${uniqueId()}@bench.example`
        const signUp = await api(cmsUrl, 'POST', '/auth/register', {
          body: { email, password: 'correct-horse-battery', name: `Bench ${n}` },
        })
        if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status}`)
        const seat = await api(cmsUrl, 'POST', '/registrations', {
          token: signUp.body.token,
          body: { event: eventId },
        })
        if (seat.status !== 201) throw new Error(`registration: ${seat.status}`)
        tokens.push(signUp.body.token)
      }
    }),
  )
  return tokens
}

const started = Date.now()
const runId = `${process.pid}_${Date.now()}`
const keyPrefix = `bench:rt:${runId}:`
console.log(
  `bench:chat — storms of ${STORMS.join(' and ')} clients over 2 realtime nodes, knee with ${KNEE_CLIENTS}; plain ws beside; Socket.IO clients: ${process.env.BENCH_CLIENT === 'library' ? 'socket.io-client' : 'wire-level (bench/wireClient.ts)'} (load ${load()})`,
)
const cms = await startTestCms({
  port: await freePortIn(3250, 3299),
  database: `event_portal_bench_${runId}`,
  extraEnv: {
    RATE_LIMIT_LOGIN: '100000/60',
    RATE_LIMIT_LOGIN_FAILURES: '100000/60',
    RATE_LIMIT_REGISTER: '100000/60',
    RATE_LIMIT_REGISTRATIONS: '100000/60',
    REALTIME_KEY_PREFIX: keyPrefix,
  },
})
const children: ChildProcess[] = []
const results: string[] = []
let isOk = true
try {
  const events = (await (
    await fetch(
      `${cms.url}/api/events?price=free&from=${new Date().toISOString()}&limit=50&depth=0`,
    )
  ).json()) as { docs: { id: number; capacity: number }[] }
  const event = events.docs.sort((a, b) => b.capacity - a.capacity)[0]!
  // Seats for the whole crowd: the organizer raises the capacity of the event.
  const organizer = await api(cms.url, 'POST', '/auth/login', {
    body: { email: 'admin@example.com', password: 'demo-admin-1' },
  })
  await api(cms.url, 'PATCH', `/events/${event.id}`, {
    token: organizer.body.token,
    body: { capacity: USERS + 1000 },
  })
  const usersStarted = Date.now()
  const tokens = await createAttendees(cms.url, event.id, USERS)
  console.log(
    `${USERS} attendees signed up and registered in ${Math.round((Date.now() - usersStarted) / 1000)} s`,
  )

  // The chat opens 15 minutes before the start: the crowd arrives as the event goes live.
  await startEventNow(cms.url, event.id)

  const nodeEnv = {
    ALLOWED_ORIGINS: ORIGIN,
    NODE_OPTIONS: NODE_OPTIONS,
    JOIN_LIMIT_PER_10S: String(2 * Math.max(...STORMS.map(tabsPerPerson))),
  }
  const startNodes = async () => {
    await clearRedisKeys(keyPrefix)
    const nodes = await Promise.all([
      startNode(cms.url, keyPrefix, nodeEnv),
      startNode(cms.url, keyPrefix, nodeEnv),
    ])
    children.push(...nodes.map((node) => node.process))
    return nodes
  }
  const startWs = async () => {
    const port = await freePortIn(3300, 3399)
    const server = fork(path.join(import.meta.dirname, 'wsServer.ts'), [], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    children.push(server)
    await new Promise((resolve) => server.once('message', resolve))
    return { url: `ws://127.0.0.1:${port}`, server }
  }

  // 1 + 2. Storms (cold: fresh nodes, empty Redis), and what each connection costs the servers.
  for (const count of STORMS) {
    const people = tokens.slice(0, Math.ceil(count / tabsPerPerson(count)))
    const nodes = await startNodes()
    const idle = nodes.reduce((sum, node) => sum + rssMb(node.process.pid!), 0)
    const crowd = await openCrowd(
      'socketio',
      nodes.map((node) => node.url),
      people,
      count,
      event.id,
    )
    const nodesRss = () => nodes.reduce((sum, node) => sum + rssMb(node.process.pid!), 0)
    const rss = nodesRss()
    // What the nodes keep once the crowd sits in the room, not only at the storm's peak (on these
    // machines it has not been lower yet: Node gives V8 no idle time to collect the storm's garbage).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const settledRss = nodesRss()
    crowd.close()
    await Promise.all(nodes.map((node) => node.stop()))
    const perConnection = ((settledRss - idle) * 1024) / crowd.joined
    results.push(
      `socket.io storm ${count} (${people.length} people × ${tabsPerPerson(count)} tabs, 2 nodes): ${crowd.joined} joined in ${crowd.seconds.toFixed(1)} s, ${crowd.failed} never joined, refusals ${JSON.stringify(crowd.refusals)}; RSS ${idle.toFixed(0)} → ${rss.toFixed(0)} MB at the last join (${(((rss - idle) * 1024) / crowd.joined).toFixed(1)} KB per connection) → ${settledRss.toFixed(0)} MB ${SETTLE_MS / 1000} s later = ${perConnection.toFixed(1)} KB per connection`,
    )
    console.log(results.at(-1))
    const target = count <= 1000 ? 5 : 30
    isOk &&= crowd.joined === count && crowd.seconds <= target && perConnection <= 50
    if (count <= 1000) isOk &&= Object.keys(crowd.refusals).length === 0

    if (SKIP_WS) continue
    const ws = await startWs()
    const wsIdle = rssMb(ws.server.pid!)
    const wsCrowd = await openCrowd('ws', [ws.url], people, count, event.id)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const wsRss = rssMb(ws.server.pid!)
    wsCrowd.close()
    ws.server.kill('SIGTERM')
    results.push(
      `plain ws  storm ${count} (1 server): ${wsCrowd.joined} open in ${wsCrowd.seconds.toFixed(1)} s, ${wsCrowd.failed} failed; RSS ${wsIdle.toFixed(0)} → ${wsRss.toFixed(0)} MB = ${(((wsRss - wsIdle) * 1024) / Math.max(1, wsCrowd.joined)).toFixed(1)} KB per connection`,
    )
    console.log(results.at(-1))
  }

  // 3. The knee, both servers; senders are distinct people (client.ts spreads them).
  if (!SKIP_KNEE) {
    console.log(`knee: ${KNEE_CLIENTS} clients in one room, ${STEP_SECONDS} s per rate`)
    const nodes = await startNodes()
    const urls = nodes.map((node) => node.url)
    const crowd = await openCrowd('socketio', urls, tokens, KNEE_CLIENTS, event.id)
    const socketioKnee = await findKnee(crowd, 'socket.io')
    crowd.close()
    await Promise.all(nodes.map((node) => node.stop()))
    results.push(kneeLine('socket.io', socketioKnee))
    isOk &&= socketioKnee.deliveriesPerSecond >= 10_000
    if (!SKIP_WS) {
      const ws = await startWs()
      const wsCrowd = await openCrowd('ws', [ws.url], tokens, KNEE_CLIENTS, event.id)
      const wsKnee = await findKnee(wsCrowd, 'plain ws')
      wsCrowd.close()
      ws.server.kill('SIGTERM')
      const ratio = socketioKnee.deliveriesPerSecond / Math.max(1, wsKnee.deliveriesPerSecond)
      results.push(
        kneeLine('plain ws ', wsKnee),
        `knee ratio socket.io / plain ws: ${ratio.toFixed(2)}`,
      )
      isOk &&= ratio >= 0.5
    }
  }
  console.log(
    `\n${results.join('\n')}\nload average ${load()}; total ${Math.round((Date.now() - started) / 1000)} s`,
  )
  process.exitCode = isOk ? 0 : 1
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  await clearRedisKeys(keyPrefix)
  await cms.stop()
}
