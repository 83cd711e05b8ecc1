import { zoneLabel } from './format'

/** What scheduling needs of a session; the agenda's sessions carry more. */
export type ScheduledSession = {
  id: number
  title: string
  startTime: string
  endTime: string
  track?: string | null
  kind: string
  order?: number | null
}

/**
 * The session the program player shows now, kept on the page for the chat island (another
 * island, hydrated in any order), so questions go to the session being watched.
 */
export function setWatchedSession(sessionId: number | null): void {
  if (sessionId === null) delete document.documentElement.dataset.watchedSession
  else document.documentElement.dataset.watchedSession = String(sessionId)
}

export function watchedSession(): number | null {
  const value = Number(document.documentElement.dataset.watchedSession)
  return Number.isInteger(value) && value > 0 ? value : null
}

const ms = (iso: string) => Date.parse(iso)

/**
 * A break is for everyone: it spans every track in the grid and pauses every track's player.
 * (A session without a track is shared too.)
 */
export function isShared(session: ScheduledSession): boolean {
  return !session.track || session.kind === 'break'
}

/** Sessions by start, then by the organizer's order, then by track. */
export function sortSessions<T extends ScheduledSession>(sessions: readonly T[]): T[] {
  return [...sessions].sort(
    (a, b) =>
      ms(a.startTime) - ms(b.startTime) ||
      (a.order ?? 0) - (b.order ?? 0) ||
      (a.track ?? '').localeCompare(b.track ?? ''),
  )
}

/** The calendar day of an instant in a zone, "2026-03-29". */
export function dayInZone(iso: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))
}

/** "09:30" in the zone (24-hour clock). */
export function clockInZone(iso: string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/** "09:30–10:15 CET": a session's span in one zone, the zone named as it is at the start. */
export function formatSessionSpan(
  session: ScheduledSession,
  timeZone: string,
  locale = 'en-GB',
): string {
  const start = clockInZone(session.startTime, timeZone, locale)
  const end = clockInZone(session.endTime, timeZone, locale)
  return `${start}–${end} ${zoneLabel(new Date(session.startTime), timeZone, locale)}`
}

/** A placed session: its CSS grid column and rows inside its day. */
export type GridCell<T extends ScheduledSession = ScheduledSession> = {
  session: T
  /** 1-based grid columns [start, end) over the tracks; a shared session spans them all. */
  column: [number, number]
  /** 1-based grid rows [start, end) over the day's time slots. */
  row: [number, number]
}

export type AgendaDay<T extends ScheduledSession = ScheduledSession> = {
  /** "2026-03-29" in the event's zone. */
  key: string
  tracks: string[]
  /** The instants that bound rows: slot i runs from slots[i] to slots[i + 1]. */
  slots: string[]
  cells: GridCell<T>[]
}

/**
 * The days × tracks grid: one day per calendar day in the event's zone (the conference's own
 * days), one column per track that has sessions that day, and one row per span between two
 * consecutive session boundaries, so a session covers exactly the rows of its time.
 */
export function agendaGrid<T extends ScheduledSession>(
  sessions: readonly T[],
  timeZone: string,
  trackOrder: readonly string[] = [],
): AgendaDay<T>[] {
  const byDay = new Map<string, T[]>()
  for (const session of sortSessions(sessions)) {
    const key = dayInZone(session.startTime, timeZone)
    const list = byDay.get(key) ?? []
    list.push(session)
    byDay.set(key, list)
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, daySessions]) => {
      const present = new Set(daySessions.filter((s) => !isShared(s)).map((s) => s.track as string))
      const tracks = [
        ...trackOrder.filter((track) => present.has(track)),
        ...[...present].filter((track) => !trackOrder.includes(track)).sort(),
      ]
      const instants = new Set<number>()
      for (const session of daySessions) {
        instants.add(ms(session.startTime))
        instants.add(ms(session.endTime))
      }
      const times = [...instants].sort((a, b) => a - b)
      const rowOf = (iso: string) => times.indexOf(ms(iso)) + 1
      const width = Math.max(tracks.length, 1)
      const cells = daySessions.map((session): GridCell<T> => {
        const index = isShared(session) ? -1 : tracks.indexOf(session.track as string)
        return {
          session,
          column: index === -1 ? [1, width + 1] : [index + 1, index + 2],
          row: [rowOf(session.startTime), rowOf(session.endTime)],
        }
      })
      return { key, tracks, slots: times.map((t) => new Date(t).toISOString()), cells }
    })
}

/** Sessions of one track, with the sessions every track shares (breaks, plenary keynotes). */
export function sessionsOfTrack<T extends ScheduledSession>(
  sessions: readonly T[],
  track: string | null,
) {
  return sortSessions(sessions.filter((s) => !track || isShared(s) || s.track === track))
}

export type NowAndNext<T extends ScheduledSession> = { current: T | null; next: T | null }

/**
 * What plays now on a track and what comes after it. A session owns [start, end): at its end
 * instant the next one is current. Sessions of other tracks are ignored.
 */
export function nowAndNext<T extends ScheduledSession>(
  sessions: readonly T[],
  track: string | null,
  now: Date,
): NowAndNext<T> {
  const t = now.getTime()
  const ordered = sessionsOfTrack(sessions, track)
  const current = ordered.find((s) => ms(s.startTime) <= t && t < ms(s.endTime)) ?? null
  const after = current ? ms(current.endTime) : t
  const next = ordered.find((s) => s !== current && ms(s.startTime) >= after) ?? null
  return { current, next }
}

/** Milliseconds until what plays on the track changes (a start or an end), or null if never. */
export function msUntilNextBoundary(
  sessions: readonly ScheduledSession[],
  track: string | null,
  now: Date,
): number | null {
  const t = now.getTime()
  let soonest: number | null = null
  for (const session of sessionsOfTrack(sessions, track)) {
    for (const boundary of [ms(session.startTime), ms(session.endTime)]) {
      if (boundary > t && (soonest === null || boundary < soonest)) soonest = boundary
    }
  }
  return soonest === null ? null : soonest - t
}

/** Whether the session is running at that instant. */
export function isRunning(session: ScheduledSession, now: Date): boolean {
  const t = now.getTime()
  return ms(session.startTime) <= t && t < ms(session.endTime)
}

/** The track named in ?track=, when it is one of the agenda's; else every track. */
export function trackFilter(value: string | null, tracks: readonly string[]): string | null {
  return value && tracks.includes(value) ? value : null
}

/** The session running at an instant, among sessions of one track (none in a gap). */
export function sessionAt<T extends ScheduledSession>(
  sessions: readonly T[],
  iso: string,
): T | null {
  return sessions.find((session) => isRunning(session, new Date(iso))) ?? null
}

/**
 * Chat lines with a marker before the first line of each session, so an event's one chat
 * reads session by session. Lines outside any session get no marker.
 */
export function withSessionMarkers<M extends { sentAt: string }, T extends ScheduledSession>(
  messages: readonly M[],
  sessions: readonly T[],
): ({ kind: 'message'; message: M } | { kind: 'marker'; session: T })[] {
  const items: ({ kind: 'message'; message: M } | { kind: 'marker'; session: T })[] = []
  let previous: T | null = null
  for (const message of messages) {
    const session = sessionAt(sessions, message.sentAt)
    if (session && session !== previous) items.push({ kind: 'marker', session })
    previous = session
    items.push({ kind: 'message', message })
  }
  return items
}
