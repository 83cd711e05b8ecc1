import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

import type { AckError, ChatMessage } from '@event-portal/realtime/events'

import { watchedSession, withSessionMarkers, type ScheduledSession } from '../../lib/schedule'
import { useChat, type ConnectionState } from './useChat'

type Props = {
  realtimeUrl: string
  eventId: number
  viewer: { id: number; name: string }
  /** The program of the followed track: the chat marks where each session begins. */
  sessions?: ScheduledSession[]
}

type Tab = 'chat' | 'qa'

const connectionLabel: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Not connected',
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })

/** Chat and Q&A of one event, live across every realtime node. */
export default function ChatIsland({ realtimeUrl, eventId, viewer, sessions = [] }: Props) {
  const { state, send, call, loadOlder, upvote, announced } = useChat(realtimeUrl, eventId)
  const [tab, setTab] = useState<Tab>('chat')
  const [notice, setNotice] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const baseId = useId()
  const isModerator = state.role === 'moderator'

  // Screen readers hear a short summary every few seconds, not every message.
  useEffect(() => {
    if (state.newCount === 0) return
    const timer = setTimeout(() => {
      setAnnouncement(
        state.newCount === 1 ? '1 new chat message' : `${state.newCount} new chat messages`,
      )
      announced()
    }, 4000)
    return () => clearTimeout(timer)
  }, [state.newCount, announced])

  const report = (error: AckError | null, success?: string) => {
    setNotice(error ? error.message : (success ?? null))
  }

  const moderate = async (
    action: Parameters<typeof call>[0],
    payload: Parameters<typeof call>[1],
    success: string,
  ) => {
    const response = await call(action, payload)
    report(response.ok ? null : response.error, success)
  }

  // A plain function, not a component: the list's lines keep their identity between renders.
  const chatLine = (message: ChatMessage) => (
    <li key={message.id} className="chat-message">
      <p className="chat-meta">
        <strong>{message.author.name}</strong>{' '}
        <time dateTime={message.sentAt}>{timeOf(message.sentAt)}</time>
      </p>
      {/* Rendered as a text node: whatever was typed stays text. */}
      <p className="chat-text">{message.text}</p>
      <MessageActions
        message={message}
        isOwn={message.author.id === viewer.id}
        isModerator={isModerator}
        onReport={() =>
          moderate(
            'mod:report',
            { messageId: message.id },
            'Thanks, the organizers will look at it.',
          )
        }
        onHide={() => moderate('mod:hide', { messageId: message.id }, 'Message hidden.')}
        onMute={() =>
          moderate(
            'mod:mute',
            { userId: message.author.id, minutes: 10 },
            `${message.author.name} is muted for 10 minutes.`,
          )
        }
        onBan={() => {
          if (window.confirm(`Remove ${message.author.name} from this chat?`)) {
            void moderate(
              'mod:ban',
              { userId: message.author.id },
              `${message.author.name} was removed.`,
            )
          }
        }}
      />
    </li>
  )

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const next: Tab = tab === 'chat' ? 'qa' : 'chat'
    setTab(next)
    document.getElementById(`${baseId}-tab-${next}`)?.focus()
  }

  return (
    <section className="chat" aria-label="Live chat and questions">
      <header className="chat-header">
        <p className={`chat-status chat-status-${state.connection}`} role="status">
          {connectionLabel[state.connection]}
          {state.connection === 'online' && (
            <>
              {' · '}
              <span>
                {state.presence === 1 ? '1 person here' : `${state.presence} people here`}
              </span>
            </>
          )}
        </p>
        {state.refusal && <p className="notice error">{state.refusal.message}</p>}
      </header>

      <div role="tablist" aria-label="Chat or questions" className="chat-tabs">
        {(['chat', 'qa'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${baseId}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {name === 'chat' ? 'Chat' : `Q&A (${state.questions.length})`}
          </button>
        ))}
      </div>

      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}

      {isModerator && (
        <ModeratorBar
          slowModeSeconds={state.settings?.slowModeSeconds ?? 0}
          onSlowMode={(seconds) =>
            moderate(
              'mod:slowMode',
              { seconds },
              seconds ? `Slow mode: ${seconds} s.` : 'Slow mode off.',
            )
          }
          onClear={() => {
            if (window.confirm('Hide every message of this chat for everyone?')) {
              void moderate('mod:clear', {}, 'The chat was cleared.')
            }
          }}
        />
      )}

      <div
        role="tabpanel"
        id={`${baseId}-panel-chat`}
        aria-labelledby={`${baseId}-tab-chat`}
        hidden={tab !== 'chat'}
        className="chat-panel"
      >
        {state.hasMoreHistory && (
          <button type="button" className="link-button" onClick={() => void loadOlder()}>
            Show earlier messages
          </button>
        )}
        <ol className="chat-messages" aria-label="Chat messages">
          {withSessionMarkers(state.messages, sessions).map((item) =>
            item.kind === 'marker' ? (
              <li key={`session-${item.session.id}`} className="chat-marker">
                Session: <strong>{item.session.title}</strong>
              </li>
            ) : (
              chatLine(item.message)
            ),
          )}
        </ol>
        {state.pending
          .filter((item) => item.kind === 'chat')
          .map((item) => (
            <p key={item.clientId} className="chat-pending">
              Sending: {item.text}
            </p>
          ))}
        <Composer
          label="Message"
          submitLabel="Send"
          disabled={state.connection === 'refused' || state.isBanned}
          maxLength={state.settings?.maxLength ?? 1000}
          hint={limitHint(state.settings, state.mutedUntil, isModerator)}
          onSend={async (text) => {
            const error = await send(text, 'chat')
            report(error)
            return error === null
          }}
        />
      </div>

      <div
        role="tabpanel"
        id={`${baseId}-panel-qa`}
        aria-labelledby={`${baseId}-tab-qa`}
        hidden={tab !== 'qa'}
        className="chat-panel"
      >
        <ol className="chat-questions" aria-label="Questions, most upvoted first">
          {state.questions.map((question) => {
            const hasVoted = state.myVotes.includes(question.id)
            return (
              <li
                key={question.id}
                className={`chat-question${question.pinned ? ' is-pinned' : ''}${question.answered ? ' is-answered' : ''}`}
              >
                {question.pinned && <p className="badge">Answering now</p>}
                {question.answered && <p className="badge">Answered</p>}
                <p className="chat-text">{question.text}</p>
                <p className="chat-meta">{question.author.name}</p>
                <button
                  type="button"
                  aria-pressed={hasVoted}
                  aria-label={`Upvote “${question.text.slice(0, 60)}”, ${question.upvotes} votes`}
                  onClick={async () => {
                    const response = await upvote(question.id)
                    if (!response.ok) report(response.error)
                  }}
                >
                  ▲ {question.upvotes}
                </button>
                {isModerator && (
                  <>
                    <button
                      type="button"
                      onClick={() =>
                        moderate(
                          'qa:pin',
                          { messageId: question.id, pinned: !question.pinned },
                          question.pinned ? 'Unpinned.' : 'Pinned as answering now.',
                        )
                      }
                    >
                      {question.pinned ? 'Unpin' : 'Answering now'}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        moderate(
                          'qa:answer',
                          { messageId: question.id, answered: !question.answered },
                          question.answered ? 'Marked unanswered.' : 'Marked answered.',
                        )
                      }
                    >
                      {question.answered ? 'Mark unanswered' : 'Mark answered'}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        moderate('mod:hide', { messageId: question.id }, 'Question hidden.')
                      }
                    >
                      Hide
                    </button>
                  </>
                )}
              </li>
            )
          })}
        </ol>
        <Composer
          label="Your question"
          submitLabel="Ask"
          disabled={state.connection === 'refused' || state.isBanned}
          maxLength={state.settings?.maxLength ?? 1000}
          hint={limitHint(state.settings, state.mutedUntil, isModerator)}
          onSend={async (text) => {
            const error = await send(text, 'question', watchedSession())
            report(error, error ? undefined : 'Question sent.')
            return error === null
          }}
        />
      </div>
    </section>
  )
}

function limitHint(
  settings: { slowModeSeconds: number; rateLimitPerSecond: number; maxLength: number } | null,
  mutedUntil: string | null,
  isModerator: boolean,
): string {
  if (mutedUntil && Date.parse(mutedUntil) > Date.now())
    return `You are muted until ${timeOf(mutedUntil)}.`
  if (!settings) return ''
  const parts = [`Up to ${settings.maxLength} characters.`]
  if (settings.slowModeSeconds > 0 && !isModerator) {
    parts.push(`Slow mode: one message every ${settings.slowModeSeconds} s.`)
  } else {
    parts.push(`At most ${settings.rateLimitPerSecond} messages per second.`)
  }
  return parts.join(' ')
}

function MessageActions(props: {
  message: ChatMessage
  isOwn: boolean
  isModerator: boolean
  onReport: () => void
  onHide: () => void
  onMute: () => void
  onBan: () => void
}) {
  const who = props.message.author.name
  if (props.isModerator) {
    return (
      <div className="chat-actions">
        <button type="button" onClick={props.onHide} aria-label={`Hide message from ${who}`}>
          Hide
        </button>
        {!props.isOwn && (
          <>
            <button type="button" onClick={props.onMute} aria-label={`Mute ${who} for 10 minutes`}>
              Mute
            </button>
            <button type="button" onClick={props.onBan} aria-label={`Remove ${who} from the chat`}>
              Ban
            </button>
          </>
        )}
      </div>
    )
  }
  if (props.isOwn) return null
  return (
    <div className="chat-actions">
      <button type="button" onClick={props.onReport} aria-label={`Report message from ${who}`}>
        Report
      </button>
    </div>
  )
}

function ModeratorBar(props: {
  slowModeSeconds: number
  onSlowMode: (seconds: number) => void
  onClear: () => void
}) {
  const id = useId()
  return (
    <div className="chat-moderation" aria-label="Moderation">
      <label htmlFor={id}>Slow mode</label>
      <select
        id={id}
        value={props.slowModeSeconds}
        onChange={(event) => props.onSlowMode(Number(event.target.value))}
      >
        <option value={0}>Off</option>
        <option value={5}>5 s</option>
        <option value={30}>30 s</option>
        <option value={60}>1 min</option>
      </select>
      <button type="button" onClick={props.onClear}>
        Clear chat
      </button>
    </div>
  )
}

function Composer(props: {
  label: string
  submitLabel: string
  disabled: boolean
  maxLength: number
  hint: string
  onSend: (text: string) => Promise<boolean>
}) {
  const [text, setText] = useState('')
  const [isSending, setIsSending] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const inputRef = useRef<HTMLTextAreaElement>(null)

  const submit = async () => {
    const trimmed = text.trim()
    if (!trimmed || isSending) return
    setIsSending(true)
    const isSent = await props.onSend(trimmed)
    setIsSending(false)
    if (isSent) setText('')
    inputRef.current?.focus()
  }

  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={inputId}>{props.label}</label>
      <textarea
        id={inputId}
        ref={inputRef}
        value={text}
        maxLength={props.maxLength}
        rows={2}
        aria-describedby={hintId}
        disabled={props.disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter sends, Shift+Enter starts a new line.
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault()
            void submit()
          }
        }}
      />
      <p id={hintId} className="chat-hint">
        {text.length}/{props.maxLength} · {props.hint}
      </p>
      <button type="submit" disabled={props.disabled || isSending || text.trim().length === 0}>
        {props.submitLabel}
      </button>
    </form>
  )
}
