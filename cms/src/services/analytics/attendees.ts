import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { rows } from './query'
import { table } from '../tables'

export type AttendeeRow = {
  registrationId: number
  name: string
  email: string
  status: string
  registeredAt: string
  paymentStatus: string | null
  amount: number | null
  currency: string | null
  attended: boolean
  watchMinutes: number
  ticketType: string | null
  promoCode: string | null
  /** Per question id, as the attendee answered (docs/tickets.md). */
  answers: Record<string, unknown>
}

export type AttendeeFilter = { status?: string; q?: string }

/** Where a page of attendees starts: after this row in (registeredAt, registrationId) order. */
export type AttendeeCursor = { registeredAt: string; registrationId: number }

/** The most rows one page of the list holds, and one read of the CSV export. */
export const ATTENDEE_PAGE_SIZE = 500

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`

/**
 * One page of an event's registrants with their payment and attendance,
 * filtered by status and a name/email search, in registration order. Pages
 * continue after a cursor (keyset), so a big event is read in bounded pieces.
 */
export async function listAttendees(
  payload: Payload,
  eventId: number,
  { status, q }: AttendeeFilter,
  { after, limit = ATTENDEE_PAGE_SIZE }: { after?: AttendeeCursor; limit?: number } = {},
): Promise<AttendeeRow[]> {
  const pattern = q ? likePattern(q) : null
  const afterTime = after?.registeredAt ?? null
  const afterId = after?.registrationId ?? null
  const found = await rows<Record<string, unknown>>(
    payload,
    sql`
    SELECT r.id, coalesce(r.attendee_name, u.name) AS name,
      coalesce(r.attendee_email, u.email) AS email, r.status::text AS status, r.registered_at,
      p.status::text AS payment_status, coalesce(r.price, p.amount) AS amount,
      p.currency::text AS currency,
      a.id IS NOT NULL AS attended, coalesce(a.watch_seconds, 0) AS watch_seconds,
      r.ticket_type_name, r.promo_code, r.answers
    FROM ${table('registrations')} r
    LEFT JOIN ${table('users')} u ON u.id = r.user_id
    LEFT JOIN ${table('payments')} p ON p.id = r.payment_id
    LEFT JOIN ${table('attendance')} a ON a.event_id = r.event_id AND a.user_id = r.user_id
    WHERE r.event_id = ${eventId}
      AND (${status ?? null}::text IS NULL OR r.status::text = ${status ?? null}::text)
      AND (${pattern}::text IS NULL OR coalesce(r.attendee_name, u.name) ILIKE ${pattern}::text
        OR coalesce(r.attendee_email, u.email) ILIKE ${pattern}::text)
      AND (${afterTime}::timestamptz IS NULL
        OR (r.registered_at, r.id) > (${afterTime}::timestamptz, ${afterId}::int))
    ORDER BY r.registered_at, r.id
    LIMIT ${limit}`,
  )
  return found.map((row) => ({
    registrationId: Number(row.id),
    name: String(row.name),
    email: String(row.email),
    status: String(row.status),
    registeredAt: new Date(String(row.registered_at)).toISOString(),
    paymentStatus: row.payment_status === null ? null : String(row.payment_status),
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency === null ? null : String(row.currency),
    attended: Boolean(row.attended),
    watchMinutes: Math.round(Number(row.watch_seconds) / 60),
    ticketType: row.ticket_type_name === null ? null : String(row.ticket_type_name),
    promoCode: row.promo_code === null ? null : String(row.promo_code),
    answers: (row.answers as Record<string, unknown> | null) ?? {},
  }))
}
