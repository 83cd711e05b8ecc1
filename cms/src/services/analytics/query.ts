import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { table } from '../tables'

/** Runs one read-only SQL statement on Payload's pool and returns its rows. */
type SqlQuery = ReturnType<typeof sql>

export async function rows<Row>(payload: Payload, query: SqlQuery): Promise<Row[]> {
  const adapter = payload.db as unknown as PostgresAdapter
  const result = (await adapter.drizzle.execute(query)) as unknown as { rows: Row[] }
  return result.rows
}

/** Which events a figure counts: one organizer's (or everyone's for admins), optionally one event. */
export type EventScope = { organizerId: number | null; eventId: number | null }

/** `WITH scoped AS (…)`: the events in scope, for the statements that join on them. */
export const scopedEvents = ({ organizerId, eventId }: EventScope) => sql`
  WITH scoped AS (
    SELECT id, title, capacity, start_time, price, currency FROM ${table('events')}
    WHERE (${organizerId}::int IS NULL OR organizer_id = ${organizerId}::int)
      AND (${eventId}::int IS NULL OR id = ${eventId}::int)
  )`
