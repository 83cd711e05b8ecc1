import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import type { DateRange } from './organizerDashboard'
import { rows } from './query'
import { table, sessionsTable } from '../tables'

export type MoneyRow = { currency: string; gross: number; refunded: number; net: number }

export type AdminOverview = {
  range: DateRange
  usersByRole: { role: string; count: number }[]
  activeUsers: number
  eventsByStatus: { status: string; count: number }[]
  registrationsPerDay: { day: string; registrations: number }[]
  revenueByOrganizer: ({ organizerId: number; organizer: string } & MoneyRow)[]
  revenueByMonth: ({ month: string } & MoneyRow)[]
}

const money = (row: Record<string, unknown>): MoneyRow => {
  const gross = Number(row.gross)
  const refunded = Number(row.refunded)
  return { currency: String(row.currency), gross, refunded, net: gross - refunded }
}

/** Site-wide figures for admins: people, events by state, registrations, and revenue by organizer and by month. */
export async function adminOverview(payload: Payload, range: DateRange): Promise<AdminOverview> {
  const start = `${range.from}T00:00:00Z`
  const end = new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000).toISOString()
  const paidInRange = sql`p.status IN ('succeeded', 'refunded')
    AND p.paid_at >= ${start}::timestamptz AND p.paid_at < ${end}::timestamptz`
  const [roles, active, statuses, perDay, byOrganizer, byMonth] = await Promise.all([
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT role::text AS role, count(*) AS count FROM ${table('users')} GROUP BY 1 ORDER BY 1`,
    ),
    // Active: signed in (a session was opened) within the range.
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT count(DISTINCT _parent_id) AS count FROM ${sessionsTable()}
        WHERE created_at >= ${start}::timestamptz AND created_at < ${end}::timestamptz`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT status::text AS status, count(*) AS count FROM ${table('events')} GROUP BY 1 ORDER BY 1`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count
        FROM ${table('registrations')}
        WHERE registered_at >= ${start}::timestamptz AND registered_at < ${end}::timestamptz
        GROUP BY 1 ORDER BY 1`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT u.id AS organizer_id, u.name AS organizer, p.currency::text AS currency,
          sum(p.amount) AS gross,
          coalesce(sum(p.amount) FILTER (WHERE p.status = 'refunded'), 0) AS refunded
        FROM ${table('payments')} p JOIN ${table('events')} e ON e.id = p.event_id JOIN ${table('users')} u ON u.id = e.organizer_id
        WHERE ${paidInRange}
        GROUP BY u.id, u.name, p.currency ORDER BY gross DESC, u.name`,
    ),
    rows<Record<string, unknown>>(
      payload,
      sql`SELECT to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.currency::text AS currency,
          sum(p.amount) AS gross,
          coalesce(sum(p.amount) FILTER (WHERE p.status = 'refunded'), 0) AS refunded
        FROM ${table('payments')} p WHERE ${paidInRange}
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  ])
  const countsByDay = new Map(perDay.map((row) => [String(row.day), Number(row.count)]))
  const days: string[] = []
  for (let t = Date.parse(start); t < Date.parse(end); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return {
    range,
    usersByRole: roles.map((row) => ({ role: String(row.role), count: Number(row.count) })),
    activeUsers: Number(active[0]?.count ?? 0),
    eventsByStatus: statuses.map((row) => ({
      status: String(row.status),
      count: Number(row.count),
    })),
    registrationsPerDay: days.map((day) => ({ day, registrations: countsByDay.get(day) ?? 0 })),
    revenueByOrganizer: byOrganizer.map((row) => ({
      organizerId: Number(row.organizer_id),
      organizer: String(row.organizer),
      ...money(row),
    })),
    revenueByMonth: byMonth.map((row) => ({ month: String(row.month), ...money(row) })),
  }
}
