import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { ChatMessage } from '../../../payload-types'

/** Messages are always posted as the caller; a moderator hiding one is recorded. */
export const stampAuthor: CollectionBeforeChangeHook<ChatMessage> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!req.user) return data
  if (operation === 'create' && !checkRole(['admin'], req.user)) {
    data.user = req.user.id
    data.authorName = req.user.name
    data.sentAt = new Date().toISOString()
    data.upvotes = 0
    data.hidden = false
    data.answered = false
    data.pinned = false
  }
  if (operation === 'create' && !data.authorName) data.authorName = req.user.name
  if (operation === 'update' && data.hidden === true && !originalDoc?.hidden) {
    data.hiddenBy = req.user.id
  }
  return data
}
