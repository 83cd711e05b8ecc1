import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeQueue, getJobsQueue } from '../../src/jobs/queue'
import { closePayload } from '../closePayload'
import { api, createEvent, createUser, testPayload } from '../helpers'
import {
  dropQueueKeys,
  eventually,
  startMailbox,
  uniquePrefix,
  type Mailbox,
} from '../jobs/mailbox'

const SMTP_PORT = 2520
const cmsDir = path.resolve(import.meta.dirname, '../..')
const payloadBin = [
  path.join(cmsDir, 'node_modules/payload/bin.js'),
  path.join(cmsDir, '../node_modules/payload/bin.js'),
].find((file) => existsSync(file))!

let payload: Payload
let mailbox: Mailbox
let isHolding = true
let dataStarted = 0
const workers: ChildProcess[] = []

/** The real worker process: what `npm run worker` runs (`payload run src/jobs/worker.ts`). */
async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [payloadBin, 'run', 'src/jobs/worker.ts'], {
    cwd: cmsDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WORKER_LOCK_DURATION_MS: '2000', WORKER_CONCURRENCY: '2' },
  })
  workers.push(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await eventually(() => output.includes('Email worker ready'), 60_000, `worker start:\n${output}`)
  return child
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(name)
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)))

beforeAll(async () => {
  process.env.JOBS_PREFIX = uniquePrefix('worker')
  mailbox = await startMailbox(SMTP_PORT, {
    onDataStart: () => dataStarted++,
    // The first delivery hangs before the server's "250 OK", so the test can kill the sender mid-send.
    acceptDelayMs: () => (isHolding ? 4_000 : 0),
  })
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`
  payload = await testPayload()
})

afterAll(async () => {
  for (const child of workers) {
    signal(child, 'SIGKILL')
  }
  await getJobsQueue().obliterate({ force: true })
  await closeQueue()
  await mailbox.close()
  await dropQueueKeys(process.env.JOBS_PREFIX!)
  delete process.env.JOBS_PREFIX
  delete process.env.SMTP_URL
  await closePayload(payload)
})

describe('the worker process', () => {
  it(
    'killed mid-send and restarted, sends the confirmation exactly once; SIGTERM closes it cleanly',
    { timeout: 240_000 },
    async () => {
      const organizer = await createUser(payload, 'organizer')
      const attendee = await createUser(payload, 'user')
      const event = await createEvent(payload, organizer.user, { title: 'Crash Course' })
      const first = await startWorkerProcess()

      const response = await api('POST', '/registrations', {
        token: attendee.token,
        body: { event: event.id },
      })
      expect(response.status).toBe(201)
      await eventually(() => dataStarted > 0, 20_000, 'the worker to start sending')
      signal(first, 'SIGKILL')
      await exited(first)
      isHolding = false
      await new Promise((resolve) => setTimeout(resolve, 4_500))
      expect(mailbox.to(attendee.user.email)).toHaveLength(0)

      const second = await startWorkerProcess()
      await mailbox.waitFor(() => mailbox.to(attendee.user.email).length === 1, 30_000)
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      const received = mailbox.to(attendee.user.email)
      expect(received).toHaveLength(1)
      expect(received[0]!.parsed.subject).toBe("You're registered: Crash Course")
      const { docs } = await payload.find({
        collection: 'email-deliveries',
        where: { to: { equals: attendee.user.email } },
      })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ status: 'sent' })

      signal(second, 'SIGTERM')
      expect(await exited(second)).toBe(0)
    },
  )
})
