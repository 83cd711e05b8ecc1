'use client'

import { useCallback, useEffect, useState } from 'react'

import type { ChatMessage, ChatModerationAction, User } from '../payload-types'
import { FigureTable } from './figures'

type EventOption = { id: number; title: string }

const nameOf = (value: unknown) =>
  value && typeof value === 'object' ? ((value as User).name ?? '—') : '—'
const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number }).id : (value as number)

/** What an action was about: the message (with its author) or the person. */
function aboutOf(action: ChatModerationAction): string {
  const message = action.targetMessage
  if (message && typeof message === 'object') {
    return `“${message.message.slice(0, 80)}” by ${message.authorName ?? '—'}`
  }
  return nameOf(action.targetUser)
}

async function docs<T>(url: string): Promise<T[]> {
  const response = await fetch(url, { credentials: 'include' })
  if (!response.ok) throw new Error('Could not be loaded.')
  return ((await response.json()) as { docs: T[] }).docs
}

/** Reports, recent messages and the audit trail of one event's chat, with the moderator's actions. */
export function ModerationPanel() {
  const [events, setEvents] = useState<EventOption[]>([])
  const [eventId, setEventId] = useState<number | null>(null)
  const [messages, setMessages] = useState<ChatMessage[]>([])
  const [reports, setReports] = useState<ChatModerationAction[]>([])
  const [trail, setTrail] = useState<ChatModerationAction[]>([])
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
    fetch(`/api/analytics/organizer?from=${from}`, { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { events?: EventOption[] }) => {
        setEvents(body.events ?? [])
        setEventId((current) => current ?? body.events?.[0]?.id ?? null)
      })
      .catch(() => setStatus('Your events could not be loaded.'))
  }, [])

  const load = useCallback(async () => {
    if (eventId === null) return
    const base = `where[event][equals]=${eventId}&depth=1`
    const [recent, reported, actions] = await Promise.all([
      docs<ChatMessage>(`/api/chat-messages?${base}&sort=-sentAt&limit=50`),
      docs<ChatModerationAction>(
        `/api/chat-moderation-actions?${base}&where[action][equals]=report&sort=-createdAt&limit=50`,
      ),
      docs<ChatModerationAction>(
        `/api/chat-moderation-actions?${base}&where[action][not_equals]=report&sort=-createdAt&limit=50`,
      ),
    ])
    setMessages(recent)
    setReports(reported)
    setTrail(actions)
  }, [eventId])

  useEffect(() => {
    load().catch(() => setStatus('The chat could not be loaded.'))
  }, [load])

  const act = async (body: Record<string, unknown>, done: string) => {
    const response = await fetch('/api/moderation', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: eventId, ...body }),
    })
    const answer = await response.json().catch(() => null)
    setStatus(response.ok ? done : (answer?.errors?.[0]?.message ?? 'That did not work.'))
    await load()
  }

  const actions = (message: ChatMessage) => {
    const author = idOf(message.user)
    const who = message.authorName ?? nameOf(message.user)
    return (
      <span style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {message.hidden ? (
          <button
            type="button"
            onClick={() =>
              void act(
                { action: 'unhide', message: message.id },
                `Restored the message from ${who}.`,
              )
            }
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            onClick={() =>
              void act({ action: 'hide', message: message.id }, `Hid the message from ${who}.`)
            }
          >
            Hide
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            void act({ action: 'mute', user: author, minutes: 10 }, `Muted ${who} for 10 minutes.`)
          }
        >
          Mute 10 min
        </button>
        <button
          type="button"
          onClick={() => void act({ action: 'ban', user: author }, `Removed ${who} from the chat.`)}
        >
          Ban
        </button>
      </span>
    )
  }

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: '2rem',
        paddingBottom: '3rem',
      }}
    >
      <label>
        Event{' '}
        <select
          value={eventId ?? ''}
          onChange={(change) => setEventId(Number(change.target.value))}
        >
          {events.map((event) => (
            <option key={event.id} value={event.id}>
              {event.title}
            </option>
          ))}
        </select>
      </label>
      <p role="status">{status}</p>

      <section aria-labelledby="reports">
        <h2 id="reports">Reported</h2>
        {reports.length === 0 && <p>No reports.</p>}
        <ul>
          {reports.map((report) => {
            const message = report.targetMessage as ChatMessage | null
            return (
              <li key={report.id}>
                “{message?.message ?? 'a message'}” by {message?.authorName ?? '—'}, reported by{' '}
                {nameOf(report.actor)}
                {report.reason ? `: ${report.reason}` : ''} {message && actions(message)}
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-labelledby="recent">
        <h2 id="recent">Recent messages and questions</h2>
        <FigureTable
          labelledBy="recent"
          headers={['Sent', 'By', 'Message', 'State', 'Actions']}
          empty="No messages yet."
          rows={messages.map((message) => [
            new Date(message.sentAt).toLocaleString(),
            message.authorName ?? nameOf(message.user),
            `${message.kind === 'question' ? 'Q: ' : ''}${message.message}`,
            message.hidden ? 'hidden' : 'visible',
            actions(message),
          ])}
        />
      </section>

      <section aria-labelledby="trail">
        <h2 id="trail">Audit trail</h2>
        <FigureTable
          labelledBy="trail"
          headers={['When', 'Who', 'Action', 'About', 'Until / reason']}
          empty="No actions yet."
          rows={trail.map((action) => [
            new Date(action.createdAt).toLocaleString(),
            nameOf(action.actor),
            action.action,
            aboutOf(action),
            [action.until && new Date(action.until).toLocaleString(), action.reason]
              .filter(Boolean)
              .join(' · '),
          ])}
        />
      </section>
    </div>
  )
}
