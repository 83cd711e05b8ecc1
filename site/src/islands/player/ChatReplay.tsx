import { useEffect, useMemo, useState } from 'react'

import type { ReplayMessage } from '../../lib/schemas'

type Props = {
  eventId: number
  token: string
  currentTime: number
  /** Where the messages come from: the event's replay unless a session names its own. */
  replayPath?: string
}

const clock = (seconds: number) => {
  const whole = Math.max(0, Math.floor(seconds))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** The live chat and questions, appearing as the recording reaches the moment they were sent. */
export default function ChatReplay({ eventId, token, currentTime, replayPath }: Props) {
  const [messages, setMessages] = useState<ReplayMessage[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    const path = replayPath ?? `/api/site/events/${eventId}/replay`
    fetch(`${path}?token=${encodeURIComponent(token)}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((body: { messages: ReplayMessage[] }) => setMessages(body.messages))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true)
      })
    return () => controller.abort()
  }, [eventId, token, replayPath])

  // Messages come sorted by offset: the visible ones are a prefix.
  const shown = useMemo(() => {
    if (!messages) return []
    const count = messages.findIndex((message) => message.offsetSeconds > currentTime)
    return count === -1 ? messages : messages.slice(0, count)
  }, [messages, currentTime])

  return (
    <section className="chat chat-replay" aria-labelledby="chat-replay-heading">
      <h2 id="chat-replay-heading">Chat replay</h2>
      {failed && <p className="notice error">The chat replay could not be loaded.</p>}
      {messages && messages.length === 0 && <p>Nobody chatted during the live session.</p>}
      {messages && messages.length > 0 && shown.length === 0 && (
        <p>Messages appear here as the recording reaches them.</p>
      )}
      <ol className="chat-messages" aria-live="off">
        {shown.map((message) => (
          <li key={message.id} data-offset={message.offsetSeconds}>
            <span className="chat-time">{clock(message.offsetSeconds)}</span>{' '}
            <strong>{message.authorName ?? 'Someone'}</strong>
            {message.kind === 'question' && <span className="chat-badge"> asked</span>}:{' '}
            {message.message}
          </li>
        ))}
      </ol>
    </section>
  )
}
