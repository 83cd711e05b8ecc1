import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { table } from '../services/tables'

type Drizzle = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

/**
 * The booking module's counters (seats per event, tickets per type, uses per code) live outside Payload's schema, so
 * no generated migration creates it. A host on migrations calls this from one of its own (see
 * docs/plugin.md); a host that lets Payload push its schema in development gets it at start-up.
 */
export async function createSeatCounter(payload: Payload, db?: Drizzle): Promise<void> {
  const adapter = payload.db as unknown as { push?: boolean; drizzle: Drizzle }
  if (!db && (adapter.push === false || process.env.NODE_ENV === 'production')) return
  await (db ?? adapter.drizzle).execute(sql`
    CREATE TABLE IF NOT EXISTS "event_seat_counts" (
      "event_id" integer PRIMARY KEY NOT NULL REFERENCES ${table('events')}("id") ON DELETE cascade,
      "taken" integer DEFAULT 0 NOT NULL CHECK ("taken" >= 0)
    )`)
  // Tickets taken per ticket type and uses per promo code (services/tickets/counters.ts).
  await (db ?? adapter.drizzle).execute(sql`
    CREATE TABLE IF NOT EXISTS "ticket_type_counts" (
      "ticket_type_id" varchar PRIMARY KEY NOT NULL,
      "event_id" integer NOT NULL REFERENCES ${table('events')}("id") ON DELETE cascade,
      "taken" integer DEFAULT 0 NOT NULL CHECK ("taken" >= 0)
    )`)
  await (db ?? adapter.drizzle).execute(sql`
    CREATE TABLE IF NOT EXISTS "promo_code_uses" (
      "promo_code_id" varchar PRIMARY KEY NOT NULL,
      "event_id" integer NOT NULL REFERENCES ${table('events')}("id") ON DELETE cascade,
      "used" integer DEFAULT 0 NOT NULL CHECK ("used" >= 0)
    )`)
}
