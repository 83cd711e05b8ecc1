import type { PayloadRequest, Where } from 'payload'

import type { Event, Media, Session, Speaker } from '../../payload-types'
import { parseEnv } from '../../env'

export const SESSION_KINDS = ['keynote', 'talk', 'workshop', 'panel', 'break'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const DEFAULT_TRACK = 'Main stage'

export type SpeakerCard = {
  id: number
  name: string
  slug: string
  title: string | null
  company: string | null
  photo: { url: string; alt: string | null } | null
}

/** A session as the public agenda shows it: never its stream addresses. */
export type AgendaSession = {
  id: number
  event: { id: number; title: string; slug: string }
  title: string
  description: Session['description'] | null
  startTime: string
  endTime: string
  timezone: string
  track: string
  kind: SessionKind
  order: number
  speakers: SpeakerCard[]
  hasOwnStream: boolean
  hasRecording: boolean
}

const asMedia = (value: unknown): Media | null =>
  value && typeof value === 'object' ? (value as Media) : null

export function speakerCard(speaker: Speaker): SpeakerCard {
  const photo = asMedia(speaker.photo)
  return {
    id: speaker.id,
    name: speaker.name,
    slug: speaker.slug,
    title: speaker.title ?? null,
    company: speaker.company ?? null,
    photo: photo?.url ? { url: photo.url, alt: photo.alt ?? null } : null,
  }
}

/** A session read with depth 2 (event, speakers and their photos) and overrideAccess. */
export function agendaSession(session: Session): AgendaSession {
  const event = session.event as Event
  return {
    id: session.id,
    event: { id: event.id, title: event.title, slug: event.slug },
    title: session.title,
    description: session.description ?? null,
    startTime: new Date(session.startTime).toISOString(),
    endTime: new Date(session.endTime).toISOString(),
    timezone: event.timezone,
    track: session.track || DEFAULT_TRACK,
    kind: session.kind,
    order: session.order ?? 0,
    speakers: (session.speakers ?? [])
      .filter((speaker): speaker is Speaker => typeof speaker === 'object' && speaker !== null)
      .map(speakerCard),
    hasOwnStream: Boolean(session.streamUrl),
    hasRecording: Boolean(session.recordingUrl),
  }
}

/** Sessions matching `where` in agenda order, each populated for `agendaSession`. */
export async function findAgendaSessions(req: PayloadRequest, where: Where): Promise<Session[]> {
  const { docs } = await req.payload.find({
    collection: 'sessions',
    where,
    sort: ['startTime', 'order', 'track'],
    depth: 2,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}

/** Each track once, in the order of its first session. */
export const tracksOf = (sessions: AgendaSession[]): string[] => [
  ...new Set(sessions.map((session) => session.track)),
]

/** The site's page of a session, put into calendar files and emails. */
export function sessionPageUrl(event: Pick<Event, 'slug'>, sessionId: number): string {
  const site = parseEnv(process.env).SITE_URL.replace(/\/$/, '')
  return `${site}/events/${encodeURIComponent(event.slug)}/sessions/${sessionId}`
}
