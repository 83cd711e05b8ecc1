import { stringify } from 'csv-stringify/sync'
import { headersWithCors, type Endpoint } from 'payload'
import { z } from 'zod'

import { json } from '../../../lib/http'
import { parseQuery } from '../../../lib/query'
import { listAttendees, type AttendeeRow } from '../../../services/analytics/attendees'
import { findManagedEvent } from '../../../services/analytics/scope'
import { slugify } from '../../../fields/slug'

const querySchema = z.object({
  status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled']).optional(),
  q: z.string().trim().max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
})

const CSV_COLUMNS: [keyof AttendeeRow, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['status', 'Status'],
  ['registeredAt', 'Registered at (UTC)'],
  ['paymentStatus', 'Payment'],
  ['amount', 'Amount (minor units)'],
  ['currency', 'Currency'],
  ['attended', 'Attended'],
  ['watchMinutes', 'Watched (minutes)'],
]

/**
 * GET /api/events/:id/attendees?status&q&format=csv: the event's registrants,
 * for its organizer and admins. The CSV opens in spreadsheets (UTF-8 BOM).
 */
export const eventAttendees: Endpoint = {
  path: '/:id/attendees',
  method: 'get',
  handler: async (req) => {
    const eventId = Number(req.routeParams?.id)
    const query = parseQuery(req, querySchema)
    const event = await findManagedEvent(req, Number.isInteger(eventId) ? eventId : -1)
    const attendees = await listAttendees(req.payload, event.id, query)
    if (query.format === 'json') {
      return json(req, { event: event.id, attendees }, { headers: { 'Cache-Control': 'no-store' } })
    }
    const csv = stringify(
      attendees.map((row) =>
        CSV_COLUMNS.map(([key]) => (key === 'attended' ? (row.attended ? 'yes' : 'no') : row[key])),
      ),
      { header: true, columns: CSV_COLUMNS.map(([, label]) => label), bom: true },
    )
    const headers = headersWithCors({
      headers: new Headers({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="attendees-${slugify(event.title)}.csv"`,
        'Cache-Control': 'no-store',
      }),
      req,
    })
    return new Response(csv, { headers })
  },
}
