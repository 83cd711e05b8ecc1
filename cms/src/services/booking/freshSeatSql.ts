import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { slugs, tableOf } from '../../plugin/settings'

/*
 * The rush path's statements (freshSeat.ts), as named prepared statements on the pool: Postgres
 * parses and plans each once per connection, and no query builder runs per booking.
 *
 * Each books a batch of people (an array, in arrival order) for one event in one transaction:
 * the event's seat counter is a single row, its lock lasts until the commit has reached the disk,
 * and one booking per commit topped out near 350 a second however fast the rest was (pgbench).
 * People who already have a registration are left out; the others get seats in order while seats
 * remain (none if the ticket type was given a quantity of its own since it was read: the full
 * path checks that quantity). Both counters move by the number booked.
 */

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

function texts() {
  const events = quoted(tableOf(slugs.events))
  const types = quoted(`${tableOf(slugs.events)}_ticket_types`)
  const registrations = quoted(tableOf(slugs.registrations))
  const payments = quoted(tableOf(slugs.payments))
  const outbox = quoted(tableOf(slugs.emailOutbox))
  // Named columns, never `*`: a prepared statement whose result changes shape (a column added by
  // a migration while cms runs) fails with "cached plan must not change result type" on every
  // connection that prepared it. These are freshSeat.ts's RegistrationRow.
  const columns = `id, user_id, event_id, status, registered_at, hold_expires_at, payment_id,
    ticket_type, ticket_type_name, price, created_at, updated_at`
  const ofRegistration = columns
    .split(',')
    .map((column) => `registration.${column.trim()}`)
    .join(', ')
  // $1 event, $2 capacity, $3 ticket type (or null), $4 the people (integer[])
  const takeSeats = `
    wanted AS (
      SELECT w.user_id, w.ord FROM unnest($4::integer[]) WITH ORDINALITY AS w(user_id, ord)
      WHERE NOT EXISTS (
        SELECT 1 FROM ${registrations} r WHERE r.user_id = w.user_id AND r.event_id = $1::integer)
    ), counter AS (
      SELECT taken FROM event_seat_counts
      WHERE event_id = $1::integer
        AND NOT EXISTS (SELECT 1 FROM ${types} WHERE id = $3::varchar AND quantity IS NOT NULL)
      FOR UPDATE
    ), granted AS MATERIALIZED (
      SELECT w.user_id
      FROM (SELECT user_id, row_number() OVER (ORDER BY ord) AS n FROM wanted) w, counter
      WHERE w.n <= $2::integer - counter.taken
    ), seat AS (
      UPDATE event_seat_counts SET taken = taken + (SELECT count(*) FROM granted)
      WHERE event_id = $1::integer AND EXISTS (SELECT 1 FROM granted)
    ), type_ticket AS (
      INSERT INTO ticket_type_counts AS c (ticket_type_id, event_id, taken)
      SELECT $3::varchar, $1::integer, count(*) FROM granted
      WHERE $3::varchar IS NOT NULL HAVING count(*) > 0
      ON CONFLICT (ticket_type_id) DO UPDATE SET taken = c.taken + excluded.taken
    )`
  return {
    // $1 event
    facts: `
      SELECT e.id, e.title, e.slug, e.status, e.price, e.currency, e.capacity, e.start_time,
        e.duration, t.id AS type_id, t.name AS type_name, t.price AS type_price,
        t.quantity AS type_quantity, t.hidden AS type_hidden, t.sales_start, t.sales_end
      FROM ${events} e LEFT JOIN ${types} t ON t._parent_id = e.id
      WHERE e.id = $1::integer
      ORDER BY t._order`,
    // $5 registered at, $6 type name, $7 price, $8 email job id's version
    confirm: `
      WITH ${takeSeats}, registration AS (
        INSERT INTO ${registrations}
          (user_id, event_id, status, registered_at, ticket_type, ticket_type_name, price)
        SELECT user_id, $1::integer, 'confirmed', $5::timestamptz, $3::varchar, $6::varchar,
          $7::numeric
        FROM granted
        RETURNING ${columns}
      ), email AS (
        INSERT INTO ${outbox} (job, data, job_id)
        SELECT 'registration-confirmed', jsonb_build_object('registrationId', id),
          'registration-confirmed:' || id || ':' || $8::text
        FROM registration
      )
      SELECT ${columns} FROM registration`,
    // $5 amount, $6 currency, $7 hold ends, $8 type name, $9 ticket price.
    // Registration ids are drawn first, so each payment names its registration as it is inserted.
    hold: `
      WITH ${takeSeats}, ids AS MATERIALIZED (
        SELECT user_id, nextval('${tableOf(slugs.registrations)}_id_seq'::regclass) AS id
        FROM granted
      ), payment AS (
        INSERT INTO ${payments} (registration_id, user_id, event_id, amount, currency, status)
        SELECT id, user_id, $1::integer, $5::numeric, $6, 'pending' FROM ids
        RETURNING id, registration_id, amount, currency, created_at
      ), registration AS (
        INSERT INTO ${registrations}
          (id, user_id, event_id, status, registered_at, hold_expires_at, payment_id,
           ticket_type, ticket_type_name, price)
        SELECT ids.id, ids.user_id, $1::integer, 'pending', now(), $7::timestamptz, payment.id,
          $3::varchar, $8::varchar, $9::numeric
        FROM ids JOIN payment ON payment.registration_id = ids.id
        RETURNING ${columns}
      )
      SELECT ${ofRegistration}, payment.amount AS payment_amount,
        payment.currency AS payment_currency, payment.created_at AS payment_created_at
      FROM registration JOIN payment ON payment.id = registration.payment_id`,
  }
}

type Name = keyof ReturnType<typeof texts>
let prepared: ReturnType<typeof texts> | undefined

/** Runs one of the rush path's statements on the pool (each its own transaction). */
export async function runFreshStatement<Row>(
  payload: Payload,
  name: Name,
  values: unknown[],
): Promise<Row[]> {
  prepared ??= texts()
  const { pool } = payload.db as unknown as PostgresAdapter
  const result = await pool.query({
    name: `event-portal-fresh-${name}`,
    text: prepared[name],
    values,
  })
  return result.rows as Row[]
}
