// The typed Socket.IO contract between the realtime gateway and its clients
// (the site's chat island, tests, the benchmark).

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN_ORIGIN'
  | 'INVALID_INPUT'
  | 'NOT_REGISTERED'
  | 'NOT_FOUND'
  | 'NOT_JOINED'
  | 'NOT_MODERATOR'
  | 'BANNED'
  | 'MUTED'
  | 'RATE_LIMITED'
  | 'SLOW_MODE'
  | 'NOT_OPEN'
  | 'OWN_QUESTION'
  | 'UNAVAILABLE'
  | 'OVERLOADED'

export type AckError = { code: ErrorCode; message: string; retryAfterMs?: number }
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError }
export type AckCallback<T> = (response: Ack<T>) => void

export type ChatUser = { id: number; name: string; role: 'user' | 'organizer' | 'admin' }

export type ChatMessage = {
  id: number
  eventId: number
  /** The session a question was asked in, if any. */
  sessionId: number | null
  kind: 'chat' | 'question'
  text: string
  author: { id: number; name: string }
  sentAt: string
  offsetSeconds: number | null
  upvotes: number
  answered: boolean
  pinned: boolean
  hidden: boolean
  clientId: string | null
}

export type ChatSettings = {
  slowModeSeconds: number
  rateLimitPerSecond: number
  maxLength: number
}

export type JoinResult = {
  eventId: number
  role: 'attendee' | 'moderator'
  messages: ChatMessage[]
  hasMoreHistory: boolean
  questions: ChatMessage[]
  myVotes: number[]
  presence: number
  settings: ChatSettings
  mutedUntil: string | null
}

export type HistoryPage = { messages: ChatMessage[]; hasMoreHistory: boolean }

export type ClientToServerEvents = {
  join: (payload: { eventId: number }, ack: AckCallback<JoinResult>) => void
  leave: (payload: { eventId: number }, ack: AckCallback<{ eventId: number }>) => void
  message: (
    payload: { eventId: number; text: string; clientId?: string },
    ack: AckCallback<ChatMessage>,
  ) => void
  'chat:history': (
    payload: { eventId: number; before: number },
    ack: AckCallback<HistoryPage>,
  ) => void
  'qa:ask': (
    payload: { eventId: number; text: string; clientId?: string; sessionId?: number },
    ack: AckCallback<ChatMessage>,
  ) => void
  'qa:upvote': (
    payload: { eventId: number; messageId: number },
    ack: AckCallback<{ messageId: number; upvotes: number; hasVoted: boolean }>,
  ) => void
  'qa:answer': (
    payload: { eventId: number; messageId: number; answered: boolean },
    ack: AckCallback<ChatMessage>,
  ) => void
  'qa:pin': (
    payload: { eventId: number; messageId: number; pinned: boolean },
    ack: AckCallback<ChatMessage>,
  ) => void
  'mod:hide': (
    payload: { eventId: number; messageId: number },
    ack: AckCallback<{ messageId: number }>,
  ) => void
  'mod:mute': (
    payload: { eventId: number; userId: number; minutes: number; reason?: string },
    ack: AckCallback<{ userId: number; until: string }>,
  ) => void
  'mod:ban': (
    payload: { eventId: number; userId: number; reason?: string },
    ack: AckCallback<{ userId: number }>,
  ) => void
  'mod:slowMode': (
    payload: { eventId: number; seconds: number },
    ack: AckCallback<{ slowModeSeconds: number }>,
  ) => void
  'mod:clear': (payload: { eventId: number }, ack: AckCallback<{ hidden: number }>) => void
  'mod:report': (
    payload: { eventId: number; messageId: number; reason?: string },
    ack: AckCallback<{ reported: true }>,
  ) => void
}

export type ServerToClientEvents = {
  /** Chat lines stored since the last frame, oldest first (see chatFeed.ts). */
  messages: (messages: ChatMessage[]) => void
  'qa:question': (question: ChatMessage) => void
  'qa:updated': (question: ChatMessage) => void
  'qa:votes': (payload: { eventId: number; messageId: number; upvotes: number }) => void
  'mod:hidden': (payload: { eventId: number; messageIds: number[] }) => void
  'mod:cleared': (payload: { eventId: number }) => void
  'mod:muted': (payload: { eventId: number; userId: number; until: string }) => void
  'mod:banned': (payload: { eventId: number; userId: number }) => void
  'chat:settings': (payload: { eventId: number; settings: ChatSettings }) => void
  presence: (payload: { eventId: number; count: number }) => void
  /** The person no longer may be in the room (their registration was cancelled). */
  'chat:left': (payload: { eventId: number; code: ErrorCode }) => void
}

export type InterServerEvents = Record<string, never>

export type JoinedEvent = { role: 'attendee' | 'moderator'; startTime: string }

export type SocketData = {
  user: ChatUser
  events: Record<number, JoinedEvent>
}
