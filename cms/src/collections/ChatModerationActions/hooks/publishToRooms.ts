import type { CollectionAfterChangeHook } from 'payload'

import { publishModeration } from '../../../lib/moderationBus'
import type { ChatModerationAction } from '../../../payload-types'

const idOf = (value: unknown): number | undefined =>
  typeof value === 'object' && value !== null
    ? (value as { id: number }).id
    : typeof value === 'number'
      ? value
      : undefined

/** Every decision, wherever it was made (the chat itself or the admin), reaches the live rooms. */
export const publishToRooms: CollectionAfterChangeHook<ChatModerationAction> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || doc.action === 'report') return doc
  const notice = {
    eventId: idOf(doc.event)!,
    action: doc.action,
    userId: idOf(doc.targetUser),
    messageId: idOf(doc.targetMessage),
    until: doc.until ?? undefined,
  }
  if (!(await publishModeration(notice))) {
    req.payload.logger.warn({ msg: 'moderation not published: Redis unavailable', notice })
  }
  return doc
}
