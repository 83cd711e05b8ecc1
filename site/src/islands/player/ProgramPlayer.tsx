import { useEffect, useState } from 'react'

import { clock } from '../../lib/islandFormat'
import {
  msUntilNextBoundary,
  nowAndNext,
  setWatchedSession,
  type ScheduledSession,
} from '../../lib/schedule'
import type { StreamSource } from '../../lib/schemas'
import Player from './Player'

type Props = {
  eventId: number
  sessions: ScheduledSession[]
  tracks: string[]
  /** The track chosen in ?track= (the first when none). */
  initialTrack: string | null
  timeZone: string
  /** The event's stream grant, for attendance (the heartbeat renews it). */
  token: string
  tokenExpiresAt: string
}

type Playing =
  { sessionId: number; source: StreamSource | null } | { sessionId: number; error: string }

/** "10:30 CET", and the event's own time beside it when the visitor is in another zone. */
function when(iso: string, eventZone: string): string {
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const local = clock(iso, visitorZone)
  return visitorZone === eventZone ? local : `${local} (${clock(iso, eventZone)})`
}

/**
 * The live player of a program: plays the session running now on the chosen track and moves
 * to the next one at its start, without reloading the page.
 */
export default function ProgramPlayer({
  eventId,
  sessions,
  tracks,
  initialTrack,
  timeZone,
  token,
  tokenExpiresAt,
}: Props) {
  const [track, setTrack] = useState(initialTrack ?? tracks[0] ?? null)
  const [now, setNow] = useState(() => new Date())
  const [playing, setPlaying] = useState<Playing | null>(null)
  const { current, next } = nowAndNext(sessions, track, now)

  // Wake at the next start or end on this track (and at least every minute, for clock drift).
  useEffect(() => {
    const wait = msUntilNextBoundary(sessions, track, now)
    const timer = setTimeout(() => setNow(new Date()), Math.min(wait ?? 60_000, 60_000) + 20)
    return () => clearTimeout(timer)
  }, [sessions, track, now])

  const currentId = current?.id ?? null
  useEffect(() => {
    setWatchedSession(currentId)
    if (currentId === null || current?.kind === 'break') return
    const controller = new AbortController()
    fetch(`/api/site/sessions/${currentId}/stream`, { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as {
          source?: StreamSource | null
          error?: string
          errors?: { message: string }[]
        }
        if (!response.ok) {
          const message =
            body.errors?.[0]?.message ?? body.error ?? 'This session cannot be played.'
          setPlaying({ sessionId: currentId, error: message })
          return
        }
        const source = body.source ?? null
        // The same stream (sessions playing the event's) keeps playing: no reload, no gap.
        setPlaying((previous) =>
          previous && 'source' in previous && previous.source?.url === source?.url
            ? { sessionId: currentId, source: previous.source }
            : { sessionId: currentId, source },
        )
      })
      .catch(() => {
        if (!controller.signal.aborted) {
          setPlaying({ sessionId: currentId, error: 'The stream could not be loaded.' })
        }
      })
    return () => controller.abort()
  }, [currentId, current?.kind])

  // While the next session's grant loads, the stream playing stays on screen.
  const isPlayable = current !== null && current.kind !== 'break'
  const shown =
    playing && isPlayable && (playing.sessionId === currentId || 'source' in playing)
      ? playing
      : null
  return (
    <section className="program-player" aria-label="Program">
      {tracks.length > 1 && (
        <p>
          <label>
            Track{' '}
            <select value={track ?? ''} onChange={(event) => setTrack(event.currentTarget.value)}>
              {tracks.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <div className="program-now" aria-live="polite">
        {current ? (
          <p>
            <span className="badge session-now">Now</span> <strong>{current.title}</strong>{' '}
            <span className="muted">until {when(current.endTime, timeZone)}</span>
          </p>
        ) : (
          <p>No session is running on this track right now.</p>
        )}
      </div>
      {current && current.kind === 'break' && <p className="notice">{current.title}: back soon.</p>}
      {isPlayable && !shown && <p>Loading the session’s stream…</p>}
      {shown && 'error' in shown && <p className="notice error">{shown.error}</p>}
      {shown && 'source' in shown && !shown.source && (
        <p className="notice">The organizer has not added this session’s stream yet.</p>
      )}
      {current && shown && 'source' in shown && shown.source && (
        <Player
          key={shown.source.url}
          eventId={eventId}
          title={current.title}
          source={shown.source}
          token={token}
          tokenExpiresAt={tokenExpiresAt}
          mode="live"
        />
      )}
      <p className="program-next">
        {next ? (
          <>
            Up next: <strong>{next.title}</strong> at {when(next.startTime, timeZone)}
          </>
        ) : (
          'Nothing else is scheduled on this track.'
        )}
      </p>
    </section>
  )
}
