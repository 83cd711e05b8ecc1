import type { CollectionBeforeValidateHook } from 'payload'

import type { ChatVote } from '../../../payload-types'

/** A vote is always cast by the caller, whatever the body says. */
export const stampVoter: CollectionBeforeValidateHook<ChatVote> = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && data) data.user = req.user.id
  return data
}
