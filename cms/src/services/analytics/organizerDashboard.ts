import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { rows, scopedEvents, type EventScope } from './query'
import { codesTable, table } from '../tables'

export type DateRange = { from: string; to: string }

export type EventFigures = {
  id: number
  title: string
  startTime: string
  capacity: number
  confirmed: number
  pending: number
  waitlisted: number
  cancelled: number
  attended: number
  /** Confirmed plus held seats over capacity, 0–1. */
  fill: number
}

export type OrganizerDashboard = {
  range: DateRange
  events: EventFigures[]
  registrationsByDay: { day: string; registrations: number; cancellations: number }[]
  revenue: { currency: string; gross: number; refunded: number; net: number; payments: number }[]
  checkouts: { started: number; paid: number; conversion: number | null }
  attendance: { registered: number; attended: number; averageWatchSeconds: number }
  chat: { messages: number; questions: number; hidden: number }
  /** Usage per promo code of the events in scope (totals as of now). */
  promoCodes: PromoCodeUsage[]
}

export type PromoCodeUsage = {
  eventId: number
  eventTitle: string
  code: string
  maxUses: number | null
  /** Orders placed with it that were paid (or free and confirmed), cancelled later or not. */
  usedOrders: number
  /** Orders holding a use while their checkout is open. */
  heldOrders: number
  tickets: number
  /** Money taken off the paid orders, per currency. */
  discountTotal: number
  currency: string
}

const toNumber = (value: unknown) => Number(value ?? 0)

/** Every day from `from` to `to`, so the chart shows quiet days as zero. */
function eachDay({ from, to }: DateRange): string[] {
  const days: string[] = []
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`);) {
    days.push(day.toISOString().slice(0, 10))
    day = new Date(day.getTime() + 86_400_000)
  }
  return days
}

/**
 * The organizer dashboard's figures, each one SQL aggregate over the events in
 * scope. Registrations per day, revenue and checkouts count within the range
 * (UTC days); seats, attendance and chat are totals as of now.
 */
export async function organizerDashboard(
  payload: Payload,
  scope: EventScope,
  range: DateRange,
): Promise<OrganizerDashboard> {
  const scoped = scopedEvents(scope)
  const start = `${range.from}T00:00:00Z`
  const end = new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000).toISOString()

  const [events, byDay, revenue, checkouts, attendance, chat, promo] = await Promise.all([
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT e.id, e.title, e.capacity, e.start_time,
        count(r.id) FILTER (WHERE r.status = 'confirmed') AS confirmed,
        count(r.id) FILTER (WHERE r.status = 'pending' AND r.hold_expires_at > now()) AS pending,
        count(r.id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
        count(r.id) FILTER (WHERE r.status = 'cancelled') AS cancelled,
        (SELECT count(*) FROM ${table('attendance')} a WHERE a.event_id = e.id) AS attended
      FROM scoped e LEFT JOIN ${table('registrations')} r ON r.event_id = e.id
      GROUP BY e.id, e.title, e.capacity, e.start_time
      ORDER BY e.start_time DESC`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT to_char(r.registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        count(*) AS registrations,
        count(*) FILTER (WHERE r.status = 'cancelled') AS cancellations
      FROM ${table('registrations')} r JOIN scoped e ON e.id = r.event_id
      WHERE r.registered_at >= ${start}::timestamptz AND r.registered_at < ${end}::timestamptz
      GROUP BY 1 ORDER BY 1`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT p.currency::text AS currency,
        coalesce(sum(p.amount), 0) AS gross,
        -- A payment refunded one ticket at a time counts what went back so far.
        coalesce(sum(CASE WHEN p.status = 'refunded' THEN p.amount
          ELSE coalesce(p.refunded_amount, 0) END), 0) AS refunded,
        count(*) AS payments
      FROM ${table('payments')} p JOIN scoped e ON e.id = p.event_id
      WHERE p.status IN ('succeeded', 'refunded')
        AND p.paid_at >= ${start}::timestamptz AND p.paid_at < ${end}::timestamptz
      GROUP BY 1 ORDER BY 1`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT count(*) AS started,
        count(*) FILTER (WHERE p.status IN ('succeeded', 'refunded')) AS paid
      FROM ${table('payments')} p JOIN scoped e ON e.id = p.event_id
      WHERE p.created_at >= ${start}::timestamptz AND p.created_at < ${end}::timestamptz`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT count(*) AS attended, coalesce(avg(a.watch_seconds), 0) AS average
      FROM ${table('attendance')} a JOIN scoped e ON e.id = a.event_id`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`${scoped}
      SELECT count(*) FILTER (WHERE c.kind = 'chat') AS messages,
        count(*) FILTER (WHERE c.kind = 'question') AS questions,
        count(*) FILTER (WHERE c.hidden) AS hidden
      FROM ${table('chatMessages')} c JOIN scoped e ON e.id = c.event_id`,
    ),
    promoCodeUsage(payload, scope),
  ])

  const eventFigures = events.map((row) => {
    const capacity = toNumber(row.capacity)
    const confirmed = toNumber(row.confirmed)
    const pending = toNumber(row.pending)
    return {
      id: toNumber(row.id),
      title: String(row.title),
      startTime: new Date(String(row.start_time)).toISOString(),
      capacity,
      confirmed,
      pending,
      waitlisted: toNumber(row.waitlisted),
      cancelled: toNumber(row.cancelled),
      attended: toNumber(row.attended),
      fill: capacity > 0 ? Math.min(1, (confirmed + pending) / capacity) : 0,
    }
  })
  const countsByDay = new Map(byDay.map((row) => [String(row.day), row]))
  const started = toNumber(checkouts[0]?.started)
  const paid = toNumber(checkouts[0]?.paid)
  return {
    range,
    events: eventFigures,
    registrationsByDay: eachDay(range).map((day) => ({
      day,
      registrations: toNumber(countsByDay.get(day)?.registrations),
      cancellations: toNumber(countsByDay.get(day)?.cancellations),
    })),
    revenue: revenue.map((row) => {
      const gross = toNumber(row.gross)
      const refunded = toNumber(row.refunded)
      return {
        currency: String(row.currency),
        gross,
        refunded,
        net: gross - refunded,
        payments: toNumber(row.payments),
      }
    }),
    checkouts: { started, paid, conversion: started > 0 ? paid / started : null },
    attendance: {
      registered: eventFigures.reduce((sum, event) => sum + event.confirmed, 0),
      attended: toNumber(attendance[0]?.attended),
      averageWatchSeconds: Math.round(toNumber(attendance[0]?.average)),
    },
    chat: {
      messages: toNumber(chat[0]?.messages),
      questions: toNumber(chat[0]?.questions),
      hidden: toNumber(chat[0]?.hidden),
    },
    promoCodes: promo,
  }
}

/** Each code of the events in scope with the orders that used it (a ticket's code names it). */
export async function promoCodeUsage(
  payload: Payload,
  scope: EventScope,
): Promise<PromoCodeUsage[]> {
  const found = await rows<Record<string, unknown>>(
    payload,
    sql`${scopedEvents(scope)}
    SELECT e.id AS event_id, e.title, e.currency::text AS currency, c.code, c.max_uses,
      count(DISTINCT r.order_id) FILTER (WHERE r.status IN ('confirmed', 'cancelled')) AS used,
      count(DISTINCT r.order_id) FILTER (WHERE r.status = 'pending') AS held,
      count(r.id) FILTER (WHERE r.status IN ('confirmed', 'cancelled')) AS tickets,
      (SELECT coalesce(sum(p.discount), 0) FROM ${table('payments')} p
        WHERE p.event_id = e.id AND lower(p.promo_code) = lower(c.code)
          AND p.status IN ('succeeded', 'refunded')) AS discount_total
    FROM scoped e
    JOIN ${codesTable()} c ON c._parent_id = e.id
    LEFT JOIN ${table('registrations')} r ON r.event_id = e.id AND lower(r.promo_code) = lower(c.code)
    GROUP BY e.id, e.title, e.currency, e.start_time, c.id, c.code, c.max_uses, c._order
    ORDER BY e.start_time DESC, c._order`,
  )
  return found.map((row) => ({
    eventId: toNumber(row.event_id),
    eventTitle: String(row.title),
    code: String(row.code),
    maxUses: row.max_uses === null ? null : toNumber(row.max_uses),
    usedOrders: toNumber(row.used),
    heldOrders: toNumber(row.held),
    tickets: toNumber(row.tickets),
    discountTotal: toNumber(row.discount_total),
    currency: String(row.currency),
  }))
}
