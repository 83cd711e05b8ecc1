'use client'

import { useCallback, useEffect, useState } from 'react'

import type { ChatMessage, ChatModerationAction, User } from '../payload-types'
import { FigureTable } from './figures'
import { usePortalSlugs } from './portalSlugs'

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

/** How often the page asks for new messages, reports and actions while it is open. */
const REFRESH_MS = 5000

/**
 * Reports, recent messages and the audit trail of one event's chat, with the moderator's actions.
 * It refreshes itself every few seconds, so new messages and reports appear without a reload.
 */
export function ModerationPanel({
  events,
  initialEventId,
}: {
  events: EventOption[]
  initialEventId: number | null
}) {
  const slugs = usePortalSlugs()
  const [eventId, setEventId] = useState<number | null>(initialEventId)
  const [messages, setMessages] = useState<ChatMessage[]>([])
  const [reports, setReports] = useState<ChatModerationAction[]>([])
  const [trail, setTrail] = useState<ChatModerationAction[]>([])
  const [status, setStatus] = useState<string | null>(null)
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null)

  const load = useCallback(async () => {
    if (eventId === null) return
    const base = `where[event][equals]=${eventId}&depth=1`
    const [recent, reported, actions] = await Promise.all([
      docs<ChatMessage>(`/api/${slugs.chatMessages}?${base}&sort=-sentAt&limit=50`),
      docs<ChatModerationAction>(
        `/api/${slugs.chatModerationActions}?${base}&where[action][equals]=report&sort=-createdAt&limit=50`,
      ),
      docs<ChatModerationAction>(
        `/api/${slugs.chatModerationActions}?${base}&where[action][not_equals]=report&sort=-createdAt&limit=50`,
      ),
    ])
    setMessages(recent)
    setReports(reported)
    setTrail(actions)
    setUpdatedAt(new Date())
  }, [eventId, slugs])

  useEffect(() => {
    let isCurrent = true
    const refresh = () =>
      load().catch(() => isCurrent && setStatus('The chat could not be loaded.'))
    void refresh()
    const timer = setInterval(() => {
      // A hidden tab does not need fresh messages; it catches up when shown again.
      if (document.visibilityState === 'visible') void refresh()
    }, REFRESH_MS)
    return () => {
      isCurrent = false
      clearInterval(timer)
    }
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
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <label>
          Event{' '}
          <select
            value={eventId ?? ''}
            onChange={(change) => {
              const id = Number(change.target.value)
              setEventId(id)
              // Keep the choice in the address, so a reload or a shared link opens the same chat.
              window.history.replaceState(null, '', `?event=${id}`)
            }}
          >
            {eventId === null && <option value="">Choose an event…</option>}
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </select>
        </label>
        <span>
          Updates every {REFRESH_MS / 1000} seconds
          {updatedAt ? ` · last at ${updatedAt.toLocaleTimeString()}` : ''}
        </span>
      </div>
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
