import { z } from 'zod'

export const SORTS = {
  date: { label: 'Date (soonest first)', cms: 'startTime' },
  'price-asc': { label: 'Price (lowest first)', cms: 'price' },
  'price-desc': { label: 'Price (highest first)', cms: '-price' },
  newest: { label: 'Newly added', cms: '-createdAt' },
} as const
export type Sort = keyof typeof SORTS

export const DATE_RANGES = {
  upcoming: 'Any upcoming date',
  today: 'Today',
  week: 'This week',
  month: 'This month',
  custom: 'Custom dates',
} as const
export type DateRange = keyof typeof DATE_RANGES

/** Which part of an event's life the list shows; past events with a recording are on demand. */
export const SHOWS = {
  upcoming: 'Upcoming',
  live: 'Live now',
  past: 'Past and on demand',
} as const
export type Show = keyof typeof SHOWS

export const PAGE_SIZE = 12

const isoDate = z.iso.date()

/** Each parameter is validated on its own: a malformed one is dropped, never an error. */
const discoveryParamSchemas = {
  show: z.enum(Object.keys(SHOWS) as [Show, ...Show[]]),
  q: z.string().trim().min(1).max(100),
  category: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,100}$/),
  when: z.enum(Object.keys(DATE_RANGES) as [DateRange, ...DateRange[]]),
  from: isoDate,
  to: isoDate,
  price: z.enum(['free', 'paid']),
  maxPrice: z.coerce.number().min(0).max(1_000_000),
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]),
  page: z.coerce.number().int().min(1).max(1000),
}

export type DiscoveryFilters = {
  show: Show
  q?: string
  category?: string
  when: DateRange
  from?: string
  to?: string
  price?: 'free' | 'paid'
  /** In major units, as typed by the visitor (e.g. 20 for 20.00). */
  maxPrice?: number
  sort: Sort
  page: number
}

function pick<K extends keyof typeof discoveryParamSchemas>(
  params: URLSearchParams,
  key: K,
): z.infer<(typeof discoveryParamSchemas)[K]> | undefined {
  const raw = params.get(key)
  if (raw === null || raw === '') return undefined
  const parsed = discoveryParamSchemas[key].safeParse(raw)
  return parsed.success ? (parsed.data as z.infer<(typeof discoveryParamSchemas)[K]>) : undefined
}

export function parseDiscoveryParams(params: URLSearchParams): DiscoveryFilters {
  const from = pick(params, 'from')
  const to = pick(params, 'to')
  // Dates typed into the custom fields win over the default range.
  let when = pick(params, 'when') ?? 'upcoming'
  if (when === 'upcoming' && (from || to)) when = 'custom'
  if (when === 'custom' && !from && !to) when = 'upcoming'
  return {
    show: pick(params, 'show') ?? 'upcoming',
    q: pick(params, 'q'),
    category: pick(params, 'category'),
    when,
    from: when === 'custom' ? from : undefined,
    to: when === 'custom' ? to : undefined,
    price: pick(params, 'price'),
    maxPrice: pick(params, 'maxPrice'),
    sort: pick(params, 'sort') ?? 'date',
    page: pick(params, 'page') ?? 1,
  }
}

const MINUTE = 60_000

/**
 * The UTC window a date range covers. "Now" is rounded down to the minute so
 * that equal requests within a minute share one cache entry.
 */
export function dateWindow(
  filters: Pick<DiscoveryFilters, 'when' | 'from' | 'to'>,
  now: Date,
): { from: string; to?: string } {
  const minute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE)
  const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const day = 24 * 60 * MINUTE
  const endOf = (ms: number) => new Date(ms - 1).toISOString()
  switch (filters.when) {
    case 'today':
      return { from: minute.toISOString(), to: endOf(startOfDay + day) }
    case 'week': {
      // Weeks end on Sunday night (ISO weeks start on Monday).
      const daysToMonday = (8 - now.getUTCDay()) % 7 || 7
      return { from: minute.toISOString(), to: endOf(startOfDay + daysToMonday * day) }
    }
    case 'month':
      return {
        from: minute.toISOString(),
        to: endOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
      }
    case 'custom': {
      const earliest = filters.from ? `${filters.from}T00:00:00.000Z` : minute.toISOString()
      // Past dates are allowed in a custom range, but the list stays "upcoming".
      const from = earliest < minute.toISOString() ? minute.toISOString() : earliest
      return { from, to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined }
    }
    default:
      return { from: minute.toISOString() }
  }
}

/** The query string for GET /api/events that lists what the filters describe. */
export function cmsEventQuery(
  filters: DiscoveryFilters,
  now: Date,
  { limit = PAGE_SIZE, onDemandOnly = false }: { limit?: number; onDemandOnly?: boolean } = {},
): Record<string, string> {
  const minute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE).toISOString()
  const query: Record<string, string> = {
    limit: String(limit),
    page: String(filters.page),
    sort: SORTS[filters.sort].cms,
    depth: '1',
  }
  if (filters.show === 'live') {
    // Started and not yet over; the date ranges describe what is to come, so they do not apply.
    query.to = minute
    query.endsAfter = minute
  } else if (filters.show === 'past') {
    query.endsBefore = minute
    // The most recent first; custom dates (the only range that can lie in the past) still apply.
    if (filters.sort === 'date') query.sort = '-startTime'
    if (filters.when === 'custom' && filters.from) query.from = `${filters.from}T00:00:00.000Z`
    if (filters.when === 'custom' && filters.to) query.to = `${filters.to}T23:59:59.999Z`
    if (onDemandOnly) query.recording = 'true'
  } else {
    const window = dateWindow(filters, now)
    query.from = window.from
    if (window.to) query.to = window.to
  }
  if (filters.q) query.q = filters.q
  if (filters.category) query.category = filters.category
  if (filters.price) query.price = filters.price
  if (filters.maxPrice !== undefined) query.maxPrice = String(Math.round(filters.maxPrice * 100))
  return query
}

/** The canonical URL query for the filters (defaults left out), for links and pagination. */
export function discoverySearch(
  filters: DiscoveryFilters,
  overrides: Partial<DiscoveryFilters> = {},
) {
  const merged = { ...filters, ...overrides }
  const params = new URLSearchParams()
  if (merged.show !== 'upcoming') params.set('show', merged.show)
  if (merged.q) params.set('q', merged.q)
  if (merged.category) params.set('category', merged.category)
  if (merged.when !== 'upcoming') params.set('when', merged.when)
  if (merged.when === 'custom' && merged.from) params.set('from', merged.from)
  if (merged.when === 'custom' && merged.to) params.set('to', merged.to)
  if (merged.price) params.set('price', merged.price)
  if (merged.maxPrice !== undefined) params.set('maxPrice', String(merged.maxPrice))
  if (merged.sort !== 'date') params.set('sort', merged.sort)
  if (merged.page > 1) params.set('page', String(merged.page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function hasFilters(filters: DiscoveryFilters): boolean {
  return Boolean(
    filters.q ||
    filters.category ||
    filters.when !== 'upcoming' ||
    filters.price ||
    filters.maxPrice !== undefined,
  )
}
