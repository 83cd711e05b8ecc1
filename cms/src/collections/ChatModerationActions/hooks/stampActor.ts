import type { CollectionBeforeValidateHook } from 'payload'

import type { ChatModerationAction } from '../../../payload-types'

/** The audit log records who acted from the session, never from the body. */
export const stampActor: CollectionBeforeValidateHook<ChatModerationAction> = ({
  data,
  operation,
  req,
}) => {
  if (operation === 'create' && req.user && data) data.actor = req.user.id
  return data
}
