import { type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { RequestError } from '../lib/errors'

/** Ids are positive integers; anything else is a clear 400 instead of a failed SQL query. */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id: unknown = 'id' in args ? args.id : undefined
  if (id !== undefined && id !== null && !/^[1-9]\d{0,15}$/.test(String(id))) {
    // REST has already turned "abc" into NaN; the route parameter still holds what was sent.
    const sent = String(req.routeParams?.id ?? id).slice(0, 40)
    throw new RequestError(`"${sent}" is not a valid id: ids are positive whole numbers.`, 400)
  }
  return args
}

export const withIdCheck = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedId, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
