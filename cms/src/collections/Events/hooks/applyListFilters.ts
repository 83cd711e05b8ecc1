import { ValidationError, type CollectionBeforeOperationHook, type Where } from 'payload'
import { z } from 'zod'
import { slugs } from '../../../plugin/settings'

const dateOrDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()])

export const eventListQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  from: dateOrDateTime.optional(),
  to: dateOrDateTime.optional(),
  price: z.enum(['free', 'paid']).optional(),
  maxPrice: z.coerce.number().int().min(0).optional(),
  // Live now is "started (to=now) and endsAfter=now"; past is "endsBefore=now".
  endsAfter: z.iso.datetime({ offset: true }).optional(),
  endsBefore: z.iso.datetime({ offset: true }).optional(),
  recording: z.enum(['true', 'false']).optional(),
})

export type EventListQuery = z.infer<typeof eventListQuerySchema>

export function buildEventFilters(query: EventListQuery): Where[] {
  const filters: Where[] = []
  if (query.q) {
    filters.push({
      or: [{ title: { like: query.q } }, { descriptionText: { like: query.q } }],
    })
  }
  if (query.category) {
    filters.push(
      /^\d+$/.test(query.category)
        ? { category: { equals: Number(query.category) } }
        : { 'category.slug': { equals: query.category } },
    )
  }
  if (query.from) filters.push({ startTime: { greater_than_equal: query.from } })
  if (query.to) {
    // A bare date means "through the end of that day".
    const to = query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to
    filters.push({ startTime: { less_than_equal: to } })
  }
  if (query.price === 'free') filters.push({ price: { equals: 0 } })
  if (query.price === 'paid') filters.push({ price: { greater_than: 0 } })
  if (query.maxPrice !== undefined) filters.push({ price: { less_than_equal: query.maxPrice } })
  if (query.endsAfter) filters.push({ endTime: { greater_than: query.endsAfter } })
  if (query.endsBefore) filters.push({ endTime: { less_than_equal: query.endsBefore } })
  if (query.recording) filters.push({ hasRecording: { equals: query.recording === 'true' } })
  return filters
}

/**
 * Adds the site's friendly list filters (?q, ?category, ?from, ?to, ?price,
 * ?maxPrice, ?endsAfter, ?endsBefore, ?recording) to GET /api/events, on top of
 * Payload's own ?where.
 */
export const applyListFilters: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'REST' || 'id' in args) return args
  const query = req.query ?? {}
  const known = Object.fromEntries(
    Object.keys(eventListQuerySchema.shape)
      .filter((key) => query[key] !== undefined)
      .map((key) => [key, query[key]]),
  )
  const parsed = eventListQuerySchema.safeParse(known)
  if (!parsed.success) {
    throw new ValidationError({
      collection: slugs.events,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    })
  }
  const filters = buildEventFilters(parsed.data)
  if (filters.length === 0) return args
  const where = args.where ? [args.where as Where, ...filters] : filters
  return { ...args, where: { and: where } }
}
