import type { Payload, PayloadRequest } from 'payload'

import { runFreshStatement } from './freshSeatSql'
import { PG_ERROR, pgErrorCode } from '../transaction'
import { startSeatCounter } from './seats'

/*
 * The rush path's bookings go to the database in batches: while one batch of an event is being
 * booked, the people who ask meanwhile wait together and become the next batch. A lone booking
 * is a batch of one and waits for nothing; a rush of a thousand commits a few dozen times instead
 * of a thousand, each commit holding the event's seat counter (freshSeatSql.ts says why that
 * mattered).
 */

type Statement = 'confirm' | 'hold'
type Row = { user_id: number }
type Member = {
  userId: number
  resolve: (row: Row | null) => void
  reject: (error: unknown) => void
}
type Seats = { eventId: number; capacity: number; typeId: string | null }

type Queue = { members: Member[]; isRunning: boolean }

/** The queues per Payload instance (a process may run two, each with its database) and batch key. */
const queues = new Map<Payload, Map<string, Queue>>()

/**
 * Books `userId` with the next batch of `statement` for the same seats and `shared` facts; the
 * person's row, or null when they got no seat (the event is full, or they already have a
 * registration). `values` gives the statement's other parameters when a batch runs.
 */
export function bookInBatch<R extends Row>(
  req: PayloadRequest,
  statement: Statement,
  seats: Seats,
  userId: number,
  shared: unknown[],
  values: () => unknown[],
): Promise<R | null> {
  let byKey = queues.get(req.payload)
  if (!byKey) queues.set(req.payload, (byKey = new Map()))
  const key = JSON.stringify([statement, seats, shared])
  let queue = byKey.get(key)
  if (!queue) byKey.set(key, (queue = { members: [], isRunning: false }))
  // The same person twice in a batch (a double click): the second answers as the full path says.
  if (queue.members.some((member) => member.userId === userId)) return Promise.resolve(null)
  const booked = new Promise<Row | null>((resolve, reject) => {
    queue.members.push({ userId, resolve, reject })
  })
  if (!queue.isRunning) void runBatches(req, byKey, key, queue, statement, seats, values)
  return booked as Promise<R | null>
}

async function runBatches(
  req: PayloadRequest,
  byKey: Map<string, Queue>,
  key: string,
  queue: Queue,
  statement: Statement,
  seats: Seats,
  values: () => unknown[],
) {
  queue.isRunning = true
  try {
    while (queue.members.length > 0) {
      const batch = queue.members.splice(0)
      try {
        const userIds = batch.map((member) => member.userId)
        const rows = await bookTogether(req, statement, seats, userIds, values)
        const byUser = new Map(rows.map((row) => [row.user_id, row]))
        for (const member of batch) member.resolve(byUser.get(member.userId) ?? null)
      } catch (error) {
        for (const member of batch) member.reject(error)
      }
    }
  } finally {
    queue.isRunning = false
    if (queue.members.length === 0) byKey.delete(key)
  }
}

async function bookTogether(
  req: PayloadRequest,
  statement: Statement,
  seats: Seats,
  userIds: number[],
  values: () => unknown[],
): Promise<Row[]> {
  const run = () =>
    runFreshStatement<Row>(req.payload, statement, [
      seats.eventId,
      seats.capacity,
      seats.typeId,
      userIds,
      ...values(),
    ])
  try {
    const rows = await run()
    // The event's first bookings: no counter yet. Start it, then book again.
    if (rows.length === 0 && (await startSeatCounter(req, seats.eventId))) return await run()
    return rows
  } catch (error) {
    const code = pgErrorCode(error)
    if (code !== PG_ERROR.uniqueViolation && code !== PG_ERROR.deadlockDetected) throw error
    // Someone in the batch registered meanwhile by another way (another batch, the full path):
    // book them one by one, and that person gets nothing here (the full path answers them).
    // A deadlock is the same race caught midway: the full path had inserted that person's row and
    // waited for the counter this statement held, while this statement waited for that row;
    // Postgres ended this statement, so the full path goes on and the others are booked again.
    if (userIds.length === 1) return []
    const rows: Row[] = []
    for (const userId of userIds) {
      rows.push(...(await bookTogether(req, statement, seats, [userId], values)))
    }
    return rows
  }
}
