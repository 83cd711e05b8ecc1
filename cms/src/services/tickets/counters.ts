import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { executeInTransaction, readRows } from '../transaction'
import { codesTable, typesTable } from '../tables'

/*
 * Ticket types and promo codes are hard limits like the event's seats, kept the same way: an
 * atomic counter row per type (`ticket_type_counts`) and per code (`promo_code_uses`), moved by
 * one conditional upsert in the transaction that takes the ticket or the use. Lock order is
 * always event seats → ticket types (by id) → promo code, so two orders never deadlock: every
 * order of an event queues at its seat counter first.
 */

/** Takes one ticket of a type; false when its quantity is used up (null quantity: no limit). */
export async function takeTypeTicket(
  req: PayloadRequest,
  { typeId, eventId }: { typeId: string; eventId: number },
): Promise<boolean> {
  const rows = await executeInTransaction(
    req,
    sql`INSERT INTO ticket_type_counts AS c (ticket_type_id, event_id, taken)
        VALUES (${typeId}, ${eventId}, 1)
        ON CONFLICT (ticket_type_id) DO UPDATE SET taken = c.taken + 1
        WHERE c.taken < coalesce(
          (SELECT quantity FROM ${typesTable()} WHERE id = ${typeId}), 2147483647)
        RETURNING taken`,
  )
  return rows.length > 0
}

export async function releaseTypeTicket(req: PayloadRequest, typeId: string): Promise<void> {
  await executeInTransaction(
    req,
    sql`UPDATE ticket_type_counts SET taken = taken - 1
        WHERE ticket_type_id = ${typeId} AND taken > 0`,
  )
}

/** Tickets taken or held per type of the event. */
export async function typeCounts(
  req: PayloadRequest,
  eventId: number,
): Promise<Record<string, number>> {
  const rows = await readRows<{ ticket_type_id: string; taken: number }>(
    req,
    sql`SELECT ticket_type_id, taken FROM ticket_type_counts WHERE event_id = ${eventId}`,
  )
  return Object.fromEntries(rows.map((row) => [row.ticket_type_id, Number(row.taken)]))
}

/** Takes one use of a code for an order; false when its uses are all taken or held. */
export async function takePromoUse(
  req: PayloadRequest,
  { promoId, eventId, maxUses }: { promoId: string; eventId: number; maxUses: number | null },
): Promise<boolean> {
  const rows = await executeInTransaction(
    req,
    sql`INSERT INTO promo_code_uses AS u (promo_code_id, event_id, used)
        VALUES (${promoId}, ${eventId}, 1)
        ON CONFLICT (promo_code_id) DO UPDATE SET used = u.used + 1
        WHERE ${maxUses}::int IS NULL OR u.used < ${maxUses}::int
        RETURNING used`,
  )
  return rows.length > 0
}

/** Gives a use back (its order's hold lapsed or its checkout failed). */
export async function releasePromoUse(
  req: PayloadRequest,
  { eventId, code }: { eventId: number; code: string },
): Promise<void> {
  await executeInTransaction(
    req,
    sql`UPDATE promo_code_uses SET used = used - 1
        WHERE used > 0 AND promo_code_id IN (
          SELECT id FROM ${codesTable()}
          WHERE _parent_id = ${eventId} AND lower(code) = lower(${code}))`,
  )
}

/** Uses taken or held per code id of the event. */
export async function promoUses(
  req: PayloadRequest,
  eventId: number,
): Promise<Record<string, number>> {
  const rows = await readRows<{ promo_code_id: string; used: number }>(
    req,
    sql`SELECT promo_code_id, used FROM promo_code_uses WHERE event_id = ${eventId}`,
  )
  return Object.fromEntries(rows.map((row) => [row.promo_code_id, Number(row.used)]))
}
