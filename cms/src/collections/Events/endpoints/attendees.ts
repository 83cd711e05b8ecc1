import { headersWithCors, type Endpoint } from 'payload'
import { z } from 'zod'

import { csvLines } from '../../../lib/csv'
import { json } from '../../../lib/http'
import { parseQuery } from '../../../lib/query'
import {
  ATTENDEE_PAGE_SIZE,
  listAttendees,
  type AttendeeCursor,
  type AttendeeFilter,
  type AttendeeRow,
} from '../../../services/analytics/attendees'
import { findManagedEvent } from '../../../services/analytics/scope'
import { slugify } from '../../../fields/slug'

/** `<registeredAt ISO>_<registrationId>`: where the next page starts. */
const cursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d{1,15}$/, 'must be the nextCursor of the previous page')
  .transform((value): AttendeeCursor => {
    const [registeredAt, id] = value.split('_') as [string, string]
    return { registeredAt, registrationId: Number(id) }
  })

const querySchema = z.object({
  status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled']).optional(),
  q: z.string().trim().max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(ATTENDEE_PAGE_SIZE).default(ATTENDEE_PAGE_SIZE),
  after: cursorSchema.optional(),
})

const cursorAfter = (row: AttendeeRow): string => `${row.registeredAt}_${row.registrationId}`

type CsvColumn = Exclude<keyof AttendeeRow, 'answers'>

const CSV_COLUMNS: [CsvColumn, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['status', 'Status'],
  ['registeredAt', 'Registered at (UTC)'],
  ['paymentStatus', 'Payment'],
  ['amount', 'Amount (minor units)'],
  ['currency', 'Currency'],
  ['attended', 'Attended'],
  ['watchMinutes', 'Watched (minutes)'],
  ['ticketType', 'Ticket type'],
  ['promoCode', 'Promo code'],
]

type Question = { id?: string | null; label: string }

/** An answer as a cell: choices joined, a ticked box "yes". */
const answerCell = (answer: unknown): unknown =>
  Array.isArray(answer)
    ? answer.join('; ')
    : answer === true
      ? 'yes'
      : answer === false
        ? 'no'
        : answer

/** The fixed columns, then one per registration question. */
const csvRow = (row: AttendeeRow, questions: Question[]) => [
  ...CSV_COLUMNS.map(([key]) => (key === 'attended' ? (row.attended ? 'yes' : 'no') : row[key])),
  ...questions.map((question) => answerCell(row.answers[question.id ?? ''] ?? '')),
]

/**
 * The whole list as CSV, read a page at a time while it is sent: a big event
 * never sits in memory at once. Names are neutralised so a spreadsheet shows
 * `=HYPERLINK(…)` as text instead of running it.
 */
function attendeeCsvStream(
  payload: Parameters<typeof listAttendees>[0],
  eventId: number,
  filter: AttendeeFilter,
  questions: Question[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after: AttendeeCursor | undefined
  let isFirstPage = true
  return new ReadableStream({
    async pull(controller) {
      const rows = await listAttendees(payload, eventId, filter, { after })
      const header = isFirstPage
        ? [...CSV_COLUMNS.map(([, label]) => label), ...questions.map((question) => question.label)]
        : undefined
      const lines = rows.map((row) => csvRow(row, questions))
      if (rows.length > 0 || header) controller.enqueue(encoder.encode(csvLines(lines, { header })))
      isFirstPage = false
      const last = rows.at(-1)
      if (!last || rows.length < ATTENDEE_PAGE_SIZE) controller.close()
      else after = { registeredAt: last.registeredAt, registrationId: last.registrationId }
    },
  })
}

/**
 * GET /api/events/:id/attendees?status&q&limit&after&format=csv: the event's
 * registrants, for its organizer and admins. JSON comes a page at a time
 * (`nextCursor` → `?after=`); the CSV holds everyone and opens in
 * spreadsheets (UTF-8 BOM).
 */
export const eventAttendees: Endpoint = {
  path: '/:id/attendees',
  method: 'get',
  handler: async (req) => {
    const eventId = Number(req.routeParams?.id)
    const query = parseQuery(req, querySchema)
    const event = await findManagedEvent(req, Number.isInteger(eventId) ? eventId : -1)
    const filter = { status: query.status, q: query.q }
    if (query.format === 'json') {
      // One row more than asked tells whether another page follows.
      const rows = await listAttendees(req.payload, event.id, filter, {
        after: query.after,
        limit: query.limit + 1,
      })
      const attendees = rows.slice(0, query.limit)
      const nextCursor = rows.length > query.limit ? cursorAfter(attendees.at(-1)!) : null
      return json(
        req,
        {
          event: event.id,
          attendees,
          nextCursor,
          // Labels for the answers' question ids.
          questions: (event.questions ?? []).map(({ id, label }) => ({ id, label })),
        },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    }
    const headers = headersWithCors({
      headers: new Headers({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="attendees-${slugify(event.title)}.csv"`,
        'Cache-Control': 'no-store',
      }),
      req,
    })
    const stream = attendeeCsvStream(req.payload, event.id, filter, event.questions ?? [])
    return new Response(stream, { headers })
  },
}
