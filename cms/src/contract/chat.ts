/**
 * Codes in `errors[0].data.code` when cms refuses a chat write. Realtime maps
 * the posting ones onto its own ack codes; clients decide by code, never by message.
 */
export const CHAT_ERROR = {
  /** The chat of an event opens 15 minutes before its start. */
  notOpen: 'CHAT_NOT_OPEN',
  banned: 'CHAT_BANNED',
  muted: 'CHAT_MUTED',
  slowMode: 'CHAT_SLOW_MODE',
  rateLimited: 'CHAT_RATE_LIMITED',
  /** What a person said (and who, where, when) never changes after it is posted. */
  immutable: 'CHAT_MESSAGE_IMMUTABLE',
  ownQuestion: 'CHAT_OWN_QUESTION_VOTE',
  /** A moderation entry or report names a message posted in another event. */
  messageNotInEvent: 'CHAT_MESSAGE_NOT_IN_EVENT',
  /** A question names a session of another event (400, path `session`). */
  sessionNotInEvent: 'CHAT_SESSION_NOT_IN_EVENT',
} as const

export type ChatErrorCode = (typeof CHAT_ERROR)[keyof typeof CHAT_ERROR]

/**
 * Posts in one POST /api/chat-messages/batch: what one realtime node received while its last
 * request was in cms. Far more is not a chat; cms refuses the batch, realtime never sends one.
 */
export const CHAT_BATCH_MAX_POSTS = 50
