import { z } from 'zod'

const day = z.iso.date('Use a date like 2026-11-24.')
const DEFAULT_DAYS = 30
const DAY_MS = 86_400_000

/** `?from&to` as UTC days: the last 30 days by default, at most a year, never backwards. */
export const dateRangeQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .transform(({ from, to }) => {
    const end = to ?? new Date().toISOString().slice(0, 10)
    const start =
      from ?? new Date(Date.parse(end) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
    return { from: start, to: end }
  })
  .refine((range) => range.from <= range.to, { message: 'Must not be after "to".', path: ['from'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 366 * DAY_MS, {
    message: 'A range is at most a year.',
    path: ['from'],
  })
