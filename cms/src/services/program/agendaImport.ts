import { ValidationError, type PayloadRequest } from 'payload'

import { PROGRAM_ERROR } from '../../contract/program'
import { slugify } from '../../fields/slug'
import { isTimeZone } from '../../fields/timezone'
import { fromWallTime } from '../../fields/zonedTime'
import { parseCsv } from '../../lib/csvParse'
import { RequestError } from '../../lib/errors'
import type { Event } from '../../payload-types'
import { paragraphs } from '../../seed/lexical'
import { inTransaction } from '../transaction'
import { DEFAULT_TRACK, SESSION_KINDS, type SessionKind } from './agenda'

export type RowProblem = { row: number; field: string; message: string }

const COLUMNS = ['title', 'start', 'end', 'track', 'kind', 'speakers', 'description'] as const
const MAX_ROWS = 500

type ImportRow = {
  row: number
  title: string
  startTime: string
  endTime: string
  track: string
  kind: SessionKind
  speakers: string[]
  description: string
}

/** "2027-10-31 09:00" or "2027-10-31T09:00" in the event's zone, or an instant with an offset. */
function readTime(value: string, zone: string): Date | null {
  const trimmed = value.trim().replace(' ', 'T')
  const wall = fromWallTime(trimmed, zone)
  if (wall) return wall
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed)) return null
  const instant = new Date(trimmed)
  return Number.isNaN(instant.getTime()) ? null : instant
}

function readRows(csv: string, event: Event): { rows: ImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const [header = [], ...lines] = parseCsv(csv)
  const columns = header.map((name) => name.trim().toLowerCase())
  for (const required of ['title', 'start', 'end']) {
    if (!columns.includes(required)) {
      problems.push({ row: 1, field: required, message: `The header has no "${required}" column.` })
    }
  }
  const unknown = columns.filter((name) => !(COLUMNS as readonly string[]).includes(name))
  for (const name of unknown) {
    problems.push({ row: 1, field: name, message: `Unknown column "${name}".` })
  }
  if (lines.length === 0) problems.push({ row: 1, field: 'title', message: 'No sessions.' })
  if (lines.length > MAX_ROWS) {
    problems.push({ row: 1, field: 'title', message: `At most ${MAX_ROWS} sessions at once.` })
  }
  if (problems.length > 0) return { rows: [], problems }
  const zone = isTimeZone(event.timezone) ? event.timezone : 'UTC'
  const rows: ImportRow[] = []
  lines.forEach((cells, index) => {
    const row = index + 2
    const cell = (name: (typeof COLUMNS)[number]) => cells[columns.indexOf(name)]?.trim() ?? ''
    const problem = (field: string, message: string) => problems.push({ row, field, message })
    const title = cell('title')
    if (!title) problem('title', 'A session needs a title.')
    if (title.length > 200) problem('title', 'At most 200 characters.')
    const start = readTime(cell('start'), zone)
    const end = readTime(cell('end'), zone)
    if (!start) problem('start', `Not a time: "${cell('start')}" (use 2027-10-31 09:00).`)
    if (!end) problem('end', `Not a time: "${cell('end')}" (use 2027-10-31 10:00).`)
    const kind = (cell('kind') || 'talk').toLowerCase()
    if (!(SESSION_KINDS as readonly string[]).includes(kind)) {
      problem('kind', `Unknown kind "${kind}": use ${SESSION_KINDS.join(', ')}.`)
    }
    const eventStart = Date.parse(event.startTime)
    const eventEnd = eventStart + event.duration * 60_000
    if (start && end) {
      if (end <= start) problem('end', 'The session must end after it starts.')
      else if (start.getTime() < eventStart || start.getTime() >= eventEnd) {
        problem('start', 'The session must start within the event.')
      } else if (end.getTime() > eventEnd)
        problem('end', 'The session must end by the event’s end.')
    }
    const track = cell('track') || DEFAULT_TRACK
    if (track.length > 100) problem('track', 'At most 100 characters.')
    rows.push({
      row,
      title,
      startTime: start?.toISOString() ?? '',
      endTime: end?.toISOString() ?? '',
      track,
      kind: kind as SessionKind,
      speakers: cell('speakers')
        .split(';')
        .map((name) => name.trim())
        .filter(Boolean),
      description: cell('description'),
    })
  })
  return { rows, problems }
}

/** The speaker named `name`: an existing profile with its slug, else a new one. */
async function speakerId(req: PayloadRequest, name: string): Promise<number> {
  const slug = slugify(name)
  const { docs } = await req.payload.find({
    collection: 'speakers',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (docs[0]) return docs[0].id
  const created = await req.payload.create({
    collection: 'speakers',
    data: { name, slug },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return created.id
}

/**
 * Imports an agenda from CSV into `event`: every row or none. Each row's problems are listed
 * (row number as the spreadsheet shows it, the column, the reason) in one 400.
 */
export async function importAgenda(
  req: PayloadRequest,
  event: Event,
  csv: string,
): Promise<number[]> {
  const { rows, problems } = readRows(csv, event)
  if (problems.length > 0) {
    throw new RequestError(
      `The agenda has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
      400,
      { code: PROGRAM_ERROR.csvInvalid, rows: problems },
    )
  }
  return inTransaction(req, async () => {
    const ids: number[] = []
    for (const row of rows) {
      const speakers: number[] = []
      for (const name of row.speakers) speakers.push(await speakerId(req, name))
      try {
        const session = await req.payload.create({
          collection: 'sessions',
          data: {
            event: event.id,
            title: row.title,
            startTime: row.startTime,
            endTime: row.endTime,
            track: row.track,
            kind: row.kind,
            speakers,
            ...(row.description ? { description: paragraphs(row.description) } : {}),
          },
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
        })
        ids.push(session.id)
      } catch (error) {
        // A rule only the collection knows (a field's validation): name the row it broke on.
        if (error instanceof ValidationError) {
          const rowsWithProblems = error.data.errors.map((issue) => ({
            row: row.row,
            field: issue.path,
            message: issue.message,
          }))
          throw new RequestError(`Row ${row.row} is invalid; nothing was imported.`, 400, {
            code: PROGRAM_ERROR.csvInvalid,
            rows: rowsWithProblems,
          })
        }
        throw error
      }
    }
    return ids
  })
}
