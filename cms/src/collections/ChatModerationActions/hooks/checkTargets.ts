import type { CollectionBeforeChangeHook } from 'payload'

import { CHAT_ERROR } from '../../../contract/chat'
import { RequestError } from '../../../lib/errors'
import type { ChatModerationAction } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { assertNotBanned } from '../../../services/chatRules'
import { slugs } from '../../../plugin/settings'

/**
 * An entry is about its own event: the message it names was posted there (or
 * the log, the live rooms and the reports view would point at another event's
 * chat), and a person banned from the chat files no reports in it.
 */
export const checkTargets: CollectionBeforeChangeHook<ChatModerationAction> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const eventId = idOf(data.event as ChatModerationAction['event'] | undefined)
  if (eventId === undefined) return data
  if (data.action === 'report') await assertNotBanned(req, eventId)
  const messageId = idOf(data.targetMessage as ChatModerationAction['targetMessage'] | undefined)
  if (messageId === undefined) return data
  const message = await req.payload
    .findByID({
      collection: slugs.chatMessages,
      id: messageId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  if (!message || idOf(message.event) !== eventId) {
    throw new RequestError('That message was not posted in this event.', 400, {
      code: CHAT_ERROR.messageNotInEvent,
      path: 'targetMessage',
    })
  }
  return data
}
