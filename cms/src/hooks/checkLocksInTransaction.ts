import {
  Locked,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Where,
} from 'payload'

const LOCKS = 'payload-locked-documents'
const DEFAULT_LOCK_SECONDS = 300

/**
 * Payload checks the admin's edit locks before a REST/GraphQL update or
 * delete with a query that does not use the request's transaction: it takes a
 * second pool connection while the first is held. Twenty concurrent writes
 * then hold all twenty connections and wait forever for a twenty-first (the
 * "300 concurrent deletes hang the cms" outage). This hook makes the same
 * check inside the transaction, then tells Payload it was done
 * (`overrideLock`), so a write needs one connection only.
 */
export const checkLocksInTransaction: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if ((operation !== 'update' && operation !== 'delete') || args.overrideLock !== false) return args
  const lockSeconds =
    typeof collection.lockDocuments === 'object'
      ? collection.lockDocuments.duration
      : DEFAULT_LOCK_SECONDS
  if (collection.lockDocuments === false) return { ...args, overrideLock: true }
  const hasId = 'id' in args && args.id !== undefined
  const heldByOthers: Where[] = [
    { 'document.relationTo': { equals: collection.slug } },
    { updatedAt: { greater_than: new Date(Date.now() - lockSeconds * 1000).toISOString() } },
    ...(req.user ? [{ 'user.value': { not_equals: req.user.id } }] : []),
    ...(hasId ? [{ 'document.value': { equals: args.id } }] : []),
  ]
  const { docs } = await req.payload.db.find<{ document?: { value: unknown } }>({
    collection: LOCKS,
    where: { and: heldByOthers },
    pagination: false,
    req,
  })
  if (hasId && docs.length > 0) {
    throw new Locked(
      `Document with ID ${args.id} is currently locked by another user and cannot be modified.`,
    )
  }
  // A bulk write leaves out the documents someone is editing, as Payload's own check would.
  const lockedIds = docs.map((lock) => lock.document?.value).filter((id) => id !== undefined)
  const where =
    !hasId && lockedIds.length > 0
      ? { and: [...(args.where ? [args.where as Where] : []), { id: { not_in: lockedIds } }] }
      : args.where
  return { ...args, ...(hasId ? {} : { where }), overrideLock: true }
}

export const withLockCheckInTransaction = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [checkLocksInTransaction, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
