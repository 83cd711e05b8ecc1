import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { checkRole } from '../access/checkRole'

/** The most documents one list request returns to anyone but an admin. */
export const MAX_LIST_LIMIT = 100
/** The deepest relationship population anyone but an admin gets. */
export const MAX_DEPTH = 2

const cappedDepth = (depth: unknown): number => {
  const asked = Number(depth)
  return Number.isFinite(asked) ? Math.min(Math.max(0, asked), MAX_DEPTH) : MAX_DEPTH
}

const cappedLimit = (limit: unknown): number => {
  const asked = Number(limit)
  // 0 (or nonsense) means "everything" to Payload.
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIST_LIMIT) : MAX_LIST_LIMIT
}

/**
 * Caps what one request can make the cms read: a list returns at most
 * MAX_LIST_LIMIT documents (`limit=0` and `pagination=false`, which both mean
 * "all", become one capped page) and relationships are populated at most
 * MAX_DEPTH deep. It applies to everything a caller drives (REST, GraphQL,
 * Local API with access checks); the cms's own reads (overrideAccess) and
 * admins are not capped. Bulk updates keep their limit: they touch only what
 * the caller may change anyway (a moderator hiding a whole chat).
 */
export const limitLists: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (
    ('overrideAccess' in args && args.overrideAccess === true) ||
    checkRole(['admin'], req.user)
  ) {
    return args
  }
  const capped: Record<string, unknown> = { ...args }
  if (capped.depth !== undefined) capped.depth = cappedDepth(capped.depth)
  const isList = (operation === 'read' || operation === 'readDistinct') && 'limit' in capped
  if (isList) {
    capped.pagination = true
    if (capped.limit !== undefined) capped.limit = cappedLimit(capped.limit)
  }
  return capped as typeof args
}

export const withListLimits = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [limitLists, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
