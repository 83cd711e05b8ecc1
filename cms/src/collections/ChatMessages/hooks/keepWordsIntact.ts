import type { CollectionBeforeChangeHook } from 'payload'

import { CHAT_ERROR } from '../../../contract/chat'
import { RequestError } from '../../../lib/errors'
import type { ChatMessage } from '../../../payload-types'

/** What a person said, who said it, where and when: fixed once posted, for everyone. */
const IMMUTABLE_FIELDS = [
  'event',
  'session',
  'user',
  'authorName',
  'message',
  'kind',
  'sentAt',
  'offsetSeconds',
  'clientId',
  'hiddenBy',
] as const

// Relationships may come as ids or documents, and the admin form resends sentAt in its own format.
const comparable = (field: string, value: unknown): unknown => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id
  if (field === 'sentAt' && typeof value === 'string') return Date.parse(value)
  return value ?? null
}

/**
 * Moderators change only moderation fields (hidden, answered, pinned). The
 * admin's edit form sends every field back unchanged, so only a change is refused.
 */
export const keepWordsIntact: CollectionBeforeChangeHook<ChatMessage> = ({
  data,
  operation,
  originalDoc,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  for (const field of IMMUTABLE_FIELDS) {
    if (!(field in data)) continue
    if (comparable(field, data[field]) !== comparable(field, originalDoc[field])) {
      throw new RequestError(`A chat message’s ${field} cannot be changed.`, 403, {
        code: CHAT_ERROR.immutable,
        path: field,
      })
    }
  }
  return data
}
