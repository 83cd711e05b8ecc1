import type { CollectionBeforeChangeHook } from 'payload'

import type { ChatMessage } from '../../../payload-types'
import { assertMayPost } from '../../../services/chatRules'
import { idOf } from '../../../services/bookableEvent'

/** Bans, mutes, slow mode, the burst limit and the opening time hold wherever a message is stored. */
export const enforceChatRules: CollectionBeforeChangeHook<ChatMessage> = async ({
  data,
  operation,
  req,
}) => {
  const eventId = idOf(data.event as ChatMessage['event'] | undefined)
  if (operation === 'create' && eventId !== undefined) await assertMayPost(req, eventId)
  return data
}
