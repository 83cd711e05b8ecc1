import type { CollectionBeforeChangeHook } from 'payload'

import type { Registration } from '../../../payload-types'
import { assertTransition } from '../../../services/booking/transitions'

/** Every status write, whoever makes it, follows the booking module's transition table. */
export const enforceTransition: CollectionBeforeChangeHook<Registration> = ({
  data,
  originalDoc,
  operation,
}) => {
  const from = operation === 'create' ? 'new' : originalDoc?.status
  const to = data.status ?? originalDoc?.status
  if (from && to && from !== to) assertTransition(from, to)
  return data
}
