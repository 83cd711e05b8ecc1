import type { CollectionBeforeChangeHook } from 'payload'

import { CHAT_ERROR } from '../../../contract/chat'
import { RequestError } from '../../../lib/errors'
import type { ChatMessage } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'

/** A message's session, when it names one, is a session of the message's own event. */
export const sessionOfSameEvent: CollectionBeforeChangeHook<ChatMessage> = async ({
  data,
  operation,
  req,
}) => {
  const sessionId = idOf(data.session as ChatMessage['session'])
  if (operation !== 'create' || sessionId === undefined) return data
  const session = await req.payload
    .findByID({ collection: 'sessions', id: sessionId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!session || idOf(session.event) !== idOf(data.event as ChatMessage['event'])) {
    throw new RequestError('That session is not part of this event.', 400, {
      code: CHAT_ERROR.sessionNotInEvent,
      path: 'session',
    })
  }
  return data
}
