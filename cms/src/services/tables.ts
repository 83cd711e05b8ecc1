import { sql } from '@payloadcms/db-postgres'

import { slugs, tableOf, type SlugKey } from '../plugin/settings'

/** A collection's table in raw SQL, under the host's slug: sql`SELECT id FROM ${table('events')}`. */
export const table = (key: SlugKey) => sql.identifier(tableOf(slugs[key]))

/** Payload's table of the auth collection's login sessions. */
export const sessionsTable = () => sql.identifier(`${tableOf(slugs.users)}_sessions`)

/** Payload's tables of the event's ticket type and promo code lists (array fields). */
export const typesTable = () => sql.identifier(`${tableOf(slugs.events)}_ticket_types`)
export const codesTable = () => sql.identifier(`${tableOf(slugs.events)}_promo_codes`)
