import { z } from 'zod'

import { zoneLabel } from './format'
import { mediaSchema, richTextSchema } from './schemas'

/** A speaker as the agenda and /speakers pages show them (never an email or anything private). */
export const speakerSchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  title: z.string().nullish(),
  company: z.string().nullish(),
  bio: richTextSchema.nullish(),
  photo: z.union([mediaSchema, z.number()]).nullish(),
  links: z.array(z.object({ label: z.string().nullish(), url: z.string() }).loose()).nullish(),
})
export type Speaker = z.infer<typeof speakerSchema>

export const SESSION_KINDS = ['keynote', 'talk', 'workshop', 'panel', 'break'] as const

/** One session of GET /api/events/:id/agenda: public, so no stream address in it. */
export const sessionSchema = z.object({
  id: z.number(),
  title: z.string(),
  description: richTextSchema.nullish(),
  startTime: z.string(),
  endTime: z.string(),
  /** Empty for a session every track shares (a break, an opening keynote). */
  track: z.string().nullish(),
  kind: z.string(),
  order: z.number().nullish(),
  speakers: z.array(z.union([speakerSchema, z.number()])).nullish(),
  hasRecording: z.boolean().nullish(),
})
export type Session = z.infer<typeof sessionSchema>

export const agendaSchema = z.object({
  event: z.number(),
  timezone: z.string(),
  tracks: z.array(z.string()),
  sessions: z.array(sessionSchema),
})
export type Agenda = z.infer<typeof agendaSchema>

export function sessionSpeakers(session: Session): Speaker[] {
  return (session.speakers ?? []).filter((item): item is Speaker => typeof item === 'object')
}

const ms = (iso: string) => Date.parse(iso)

/** Sessions by start, then by the organizer's order, then by track. */
export function sortSessions<T extends Session>(sessions: readonly T[]): T[] {
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
export function formatSessionSpan(session: Session, timeZone: string, locale = 'en-GB'): string {
  const start = clockInZone(session.startTime, timeZone, locale)
  const end = clockInZone(session.endTime, timeZone, locale)
  return `${start}–${end} ${zoneLabel(new Date(session.startTime), timeZone, locale)}`
}

/** A placed session: its CSS grid column and rows inside its day. */
export type GridCell = {
  session: Session
  /** 1-based grid columns [start, end) over the tracks; a shared session spans them all. */
  column: [number, number]
  /** 1-based grid rows [start, end) over the day's time slots. */
  row: [number, number]
}

export type AgendaDay = {
  /** "2026-03-29" in the event's zone. */
  key: string
  tracks: string[]
  /** The instants that bound rows: slot i runs from slots[i] to slots[i + 1]. */
  slots: string[]
  cells: GridCell[]
}

/**
 * The days × tracks grid: one day per calendar day in the event's zone (the conference's own
 * days), one column per track that has sessions that day, and one row per span between two
 * consecutive session boundaries, so a session covers exactly the rows of its time.
 */
export function agendaGrid(
  sessions: readonly Session[],
  timeZone: string,
  trackOrder: readonly string[] = [],
): AgendaDay[] {
  const byDay = new Map<string, Session[]>()
  for (const session of sortSessions(sessions)) {
    const key = dayInZone(session.startTime, timeZone)
    const list = byDay.get(key) ?? []
    list.push(session)
    byDay.set(key, list)
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, daySessions]) => {
      const present = new Set(daySessions.map((s) => s.track).filter((t): t is string => !!t))
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
      const cells = daySessions.map((session): GridCell => {
        const index = session.track ? tracks.indexOf(session.track) : -1
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
export function sessionsOfTrack<T extends Session>(sessions: readonly T[], track: string | null) {
  return sortSessions(sessions.filter((s) => !track || !s.track || s.track === track))
}

export type NowAndNext<T extends Session> = { current: T | null; next: T | null }

/**
 * What plays now on a track and what comes after it. A session owns [start, end): at its end
 * instant the next one is current. Sessions of other tracks are ignored.
 */
export function nowAndNext<T extends Session>(
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
  sessions: readonly Session[],
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
export function isRunning(session: Session, now: Date): boolean {
  const t = now.getTime()
  return ms(session.startTime) <= t && t < ms(session.endTime)
}

/** The track named in ?track=, when it is one of the agenda's; else every track. */
export function trackFilter(value: string | null, tracks: readonly string[]): string | null {
  return value && tracks.includes(value) ? value : null
}

/** The session a stream answer is for, with its state of its own. */
export const streamSessionSchema = z.object({
  id: z.number(),
  title: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  track: z.string().nullish(),
  state: z.enum(['upcoming', 'live', 'ended']),
})

/** Every speaker of the sessions once, in order of first appearance. */
export function speakersOf(sessions: readonly Session[]): Speaker[] {
  const seen = new Map<number, Speaker>()
  for (const session of sortSessions(sessions)) {
    for (const speaker of sessionSpeakers(session)) {
      if (!seen.has(speaker.id)) seen.set(speaker.id, speaker)
    }
  }
  return [...seen.values()]
}

/** "Staff engineer, Acme" from whichever of the two a speaker has. */
export function speakerRole(speaker: Speaker): string {
  return [speaker.title, speaker.company].filter(Boolean).join(', ')
}
