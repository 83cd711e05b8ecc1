import { useCallback, useEffect, useReducer, useRef } from 'react'
import { io, type Socket } from 'socket.io-client'

import type {
  Ack,
  AckError,
  ChatMessage,
  ChatSettings,
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
} from '@event-portal/realtime/events'

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'refused'

export type ChatState = {
  connection: ConnectionState
  refusal: AckError | null
  role: JoinResult['role'] | null
  messages: ChatMessage[]
  questions: ChatMessage[]
  myVotes: number[]
  presence: number
  settings: ChatSettings | null
  mutedUntil: string | null
  isBanned: boolean
  hasMoreHistory: boolean
  /** Messages typed but not yet acknowledged; resent with the same id after a reconnect. */
  /** A question keeps the session it was asked in, also when it is resent. */
  pending: { clientId: string; text: string; kind: ChatMessage['kind']; sessionId?: number }[]
  newCount: number
}

type Action =
  | { type: 'connection'; connection: ConnectionState; refusal?: AckError }
  | { type: 'joined'; result: JoinResult }
  | { type: 'older'; messages: ChatMessage[]; hasMoreHistory: boolean }
  | { type: 'messages'; messages: ChatMessage[] }
  | { type: 'question'; question: ChatMessage }
  | { type: 'votes'; messageId: number; upvotes: number; hasVoted?: boolean }
  | { type: 'hidden'; messageIds: number[] }
  | { type: 'cleared' }
  | { type: 'presence'; count: number }
  | { type: 'settings'; settings: ChatSettings }
  | { type: 'muted'; until: string }
  | { type: 'banned' }
  | { type: 'pending'; item: ChatState['pending'][number] }
  | { type: 'settled'; clientId: string }
  | { type: 'announced' }

const initialState: ChatState = {
  connection: 'connecting',
  refusal: null,
  role: null,
  messages: [],
  questions: [],
  myVotes: [],
  presence: 0,
  settings: null,
  mutedUntil: null,
  isBanned: false,
  hasMoreHistory: false,
  pending: [],
  newCount: 0,
}

const byVotesThenTime = (a: ChatMessage, b: ChatMessage) => b.upvotes - a.upvotes || a.id - b.id

function mergeById(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const map = new Map(list.map((item) => [item.id, item]))
  for (const item of incoming) map.set(item.id, item)
  return [...map.values()].sort((a, b) => a.id - b.id)
}

function reducer(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.connection, refusal: action.refusal ?? null }
    case 'joined':
      return {
        ...state,
        connection: 'online',
        refusal: null,
        role: action.result.role,
        // A rejoin after a reconnect brings what was missed; keep what was already shown.
        messages: mergeById(state.messages, action.result.messages),
        questions: [...action.result.questions].sort(byVotesThenTime),
        myVotes: action.result.myVotes,
        presence: action.result.presence,
        settings: action.result.settings,
        mutedUntil: action.result.mutedUntil,
        hasMoreHistory:
          state.messages.length > 0 ? state.hasMoreHistory : action.result.hasMoreHistory,
      }
    case 'older':
      return {
        ...state,
        messages: mergeById(state.messages, action.messages),
        hasMoreHistory: action.hasMoreHistory,
      }
    case 'messages': {
      // Your own line comes back in the room's batch after its ack: shown once.
      const shown = new Set(state.messages.map((item) => item.id))
      const fresh = action.messages.filter((item) => !shown.has(item.id))
      if (fresh.length === 0) return state
      return {
        ...state,
        messages: mergeById(state.messages, fresh),
        newCount: state.newCount + fresh.length,
      }
    }
    case 'question': {
      const others = state.questions.filter((item) => item.id !== action.question.id)
      const questions = action.question.hidden ? others : [...others, action.question]
      return { ...state, questions: questions.sort(byVotesThenTime) }
    }
    case 'votes': {
      const questions = state.questions
        .map((item) => (item.id === action.messageId ? { ...item, upvotes: action.upvotes } : item))
        .sort(byVotesThenTime)
      const myVotes =
        action.hasVoted === undefined
          ? state.myVotes
          : action.hasVoted
            ? [...state.myVotes, action.messageId]
            : state.myVotes.filter((id) => id !== action.messageId)
      return { ...state, questions, myVotes }
    }
    case 'hidden':
      return {
        ...state,
        messages: state.messages.filter((item) => !action.messageIds.includes(item.id)),
        questions: state.questions.filter((item) => !action.messageIds.includes(item.id)),
      }
    case 'cleared':
      return { ...state, messages: [], questions: [], hasMoreHistory: false }
    case 'presence':
      return { ...state, presence: action.count }
    case 'settings':
      return { ...state, settings: action.settings }
    case 'muted':
      return { ...state, mutedUntil: action.until }
    case 'banned':
      return { ...state, isBanned: true, connection: 'refused' }
    case 'pending':
      return { ...state, pending: [...state.pending, action.item] }
    case 'settled':
      return {
        ...state,
        pending: state.pending.filter((item) => item.clientId !== action.clientId),
      }
    case 'announced':
      return { ...state, newCount: 0 }
  }
}

const newClientId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`

type PendingItem = ChatState['pending'][number]

/**
 * UNAVAILABLE on a post leaves its outcome unknown: cms may have stored it and failed only to
 * answer (a busy database, a timeout). So the line stays pending and is resent with the same
 * client id, which cms never stores twice (realtime then answers with the stored line), instead
 * of being dropped for the person to send again as a second copy.
 */
const isOutcomeUnknown = (response: Ack<unknown>) =>
  !response.ok && response.error.code === 'UNAVAILABLE'

/** 1 s, doubling to 15 s, each ±50 %: a crowd's resends do not all come back at once. */
const resendDelay = (attempt: number) =>
  Math.min(15_000, 1000 * 2 ** attempt) * (0.5 + Math.random())

/**
 * A chat line or question as realtime takes it; a question asked during a session of the
 * program names it (`sessionId`, docs/program.md), so it belongs to that session's Q&A.
 */
function postPayload(eventId: number, text: string, clientId: string, sessionId?: number) {
  return sessionId === undefined
    ? { eventId, text, clientId }
    : { eventId, text, clientId, sessionId }
}

/** Owns the socket of one event's chat: join, live updates, reconnect with backoff, resend. */
export function useChat(realtimeUrl: string, eventId: number) {
  const [state, dispatch] = useReducer(reducer, initialState)
  const socketRef = useRef<ChatSocket | null>(null)
  const pendingRef = useRef(state.pending)
  pendingRef.current = state.pending
  const resendLaterRef = useRef<((item: PendingItem) => void) | null>(null)

  useEffect(() => {
    const socket: ChatSocket = io(realtimeUrl, {
      transports: ['websocket'],
      withCredentials: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 15_000,
      randomizationFactor: 0.5,
    })
    socketRef.current = socket
    let retry: ReturnType<typeof setTimeout> | undefined

    const join = async () => {
      const response = await socket
        .timeout(15_000)
        .emitWithAck('join', { eventId })
        .catch(() => null)
      if (!response) return
      if (!response.ok) {
        if (response.error.code === 'BANNED') dispatch({ type: 'banned' })
        dispatch({ type: 'connection', connection: 'refused', refusal: response.error })
        return
      }
      dispatch({ type: 'joined', result: response.data })
      for (const item of pendingRef.current) void resend(item)
    }
    const resendTimers = new Set<ReturnType<typeof setTimeout>>()
    const resendLater = (item: PendingItem, attempt: number) => {
      const timer = setTimeout(() => {
        resendTimers.delete(timer)
        // Settled meanwhile (a rejoin resends what is pending too).
        if (pendingRef.current.some((pending) => pending.clientId === item.clientId)) {
          void resend(item, attempt + 1)
        }
      }, resendDelay(attempt))
      resendTimers.add(timer)
    }
    resendLaterRef.current = (item) => resendLater(item, 0)
    const resend = async (item: PendingItem, attempt = 0) => {
      const event = item.kind === 'question' ? 'qa:ask' : 'message'
      const response = await socket
        .timeout(15_000)
        .emitWithAck(event, postPayload(eventId, item.text, item.clientId, item.sessionId))
        .catch(() => null)
      if (response && isOutcomeUnknown(response)) return resendLater(item, attempt)
      if (response) dispatch({ type: 'settled', clientId: item.clientId })
      if (response?.ok) {
        dispatch(
          item.kind === 'question'
            ? { type: 'question', question: response.data }
            : { type: 'messages', messages: [response.data] },
        )
      }
    }

    socket.on('connect', () => void join())
    socket.on('disconnect', (reason) => {
      // The server ended the session (logout, ban): socket.io does not reconnect by itself then.
      if (reason === 'io server disconnect') {
        dispatch({
          type: 'connection',
          connection: 'refused',
          refusal: { code: 'UNAUTHENTICATED', message: 'Your session ended.' },
        })
      } else {
        dispatch({ type: 'connection', connection: 'reconnecting' })
      }
    })
    socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED') {
        socket.disconnect()
        dispatch({
          type: 'connection',
          connection: 'refused',
          refusal: { code: 'UNAUTHENTICATED', message: 'Log in again to chat.' },
        })
      } else {
        dispatch({ type: 'connection', connection: 'reconnecting' })
        // A busy node (OVERLOADED) names a delay and does not retry by itself; the jitter spreads
        // a crowd's returns so they do not all arrive in the same instant.
        const retryAfterMs = (error as Error & { data?: { retryAfterMs?: number } }).data
          ?.retryAfterMs
        if (retryAfterMs !== undefined && !socket.active) {
          clearTimeout(retry)
          retry = setTimeout(() => socket.connect(), retryAfterMs * (0.5 + Math.random()))
        }
      }
    })
    socket.on('chat:left', (event) => {
      if (event.eventId !== eventId) return
      dispatch({
        type: 'connection',
        connection: 'refused',
        refusal: { code: event.code, message: 'Your registration was cancelled.' },
      })
    })
    socket.on('messages', (lines) => {
      const messages = lines.filter((line) => line.eventId === eventId)
      if (messages.length > 0) dispatch({ type: 'messages', messages })
    })
    socket.on(
      'qa:question',
      (question) => question.eventId === eventId && dispatch({ type: 'question', question }),
    )
    socket.on(
      'qa:updated',
      (question) => question.eventId === eventId && dispatch({ type: 'question', question }),
    )
    socket.on(
      'qa:votes',
      (votes) =>
        votes.eventId === eventId &&
        dispatch({ type: 'votes', messageId: votes.messageId, upvotes: votes.upvotes }),
    )
    socket.on(
      'mod:hidden',
      (event) =>
        event.eventId === eventId && dispatch({ type: 'hidden', messageIds: event.messageIds }),
    )
    socket.on('mod:cleared', (event) => event.eventId === eventId && dispatch({ type: 'cleared' }))
    socket.on(
      'presence',
      (event) => event.eventId === eventId && dispatch({ type: 'presence', count: event.count }),
    )
    socket.on(
      'chat:settings',
      (event) =>
        event.eventId === eventId && dispatch({ type: 'settings', settings: event.settings }),
    )
    socket.on(
      'mod:muted',
      (event) => event.eventId === eventId && dispatch({ type: 'muted', until: event.until }),
    )
    socket.on('mod:banned', (event) => event.eventId === eventId && dispatch({ type: 'banned' }))

    return () => {
      clearTimeout(retry)
      for (const timer of resendTimers) clearTimeout(timer)
      resendLaterRef.current = null
      socket.close()
      socketRef.current = null
    }
  }, [realtimeUrl, eventId])

  /** Sends a chat line or a question; resolves with the refusal, if any. */
  const send = useCallback(
    async (
      text: string,
      kind: ChatMessage['kind'],
      sessionId?: number | null,
    ): Promise<AckError | null> => {
      const socket = socketRef.current
      if (!socket) return { code: 'UNAVAILABLE', message: 'Not connected.' }
      const clientId = newClientId()
      const session = kind === 'question' ? (sessionId ?? undefined) : undefined
      const item: PendingItem = { clientId, text, kind, sessionId: session }
      dispatch({ type: 'pending', item })
      const event = kind === 'question' ? 'qa:ask' : 'message'
      let response: Ack<ChatMessage>
      try {
        response = await socket
          .timeout(15_000)
          .emitWithAck(event, postPayload(eventId, text, clientId, session))
      } catch {
        // Not acknowledged: it stays pending and is resent once the chat is back.
        return null
      }
      if (isOutcomeUnknown(response)) {
        // Shown as pending until it is stored; the composer is free for the next line.
        resendLaterRef.current?.(item)
        return null
      }
      dispatch({ type: 'settled', clientId })
      if (!response.ok) return response.error
      dispatch(
        kind === 'question'
          ? { type: 'question', question: response.data }
          : { type: 'messages', messages: [response.data] },
      )
      return null
    },
    [eventId],
  )

  const call = useCallback(
    async <E extends Exclude<keyof ClientToServerEvents, 'join' | 'message' | 'qa:ask'>>(
      event: E,
      payload: Omit<Parameters<ClientToServerEvents[E]>[0], 'eventId'>,
    ): Promise<Ack<unknown>> => {
      const socket = socketRef.current
      if (!socket) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected.' } }
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event names and payloads are checked by the signature above
        return await (socket.timeout(15_000) as any).emitWithAck(event, { ...payload, eventId })
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'No answer; try again.' } }
      }
    },
    [eventId],
  )

  const loadOlder = useCallback(async () => {
    const oldest = state.messages[0]
    if (!oldest) return
    const response = await call('chat:history', { before: oldest.id })
    if (response.ok) {
      const page = response.data as { messages: ChatMessage[]; hasMoreHistory: boolean }
      dispatch({ type: 'older', messages: page.messages, hasMoreHistory: page.hasMoreHistory })
    }
  }, [call, state.messages])

  const upvote = useCallback(
    async (messageId: number) => {
      const response = await call('qa:upvote', { messageId })
      if (response.ok) {
        const votes = response.data as { upvotes: number; hasVoted: boolean }
        dispatch({ type: 'votes', messageId, upvotes: votes.upvotes, hasVoted: votes.hasVoted })
      }
      return response
    },
    [call],
  )

  const announced = useCallback(() => dispatch({ type: 'announced' }), [])

  return { state, send, call, loadOlder, upvote, announced }
}
