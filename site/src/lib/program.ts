import { z } from 'zod'

import { sortSessions } from './schedule'
import { richTextSchema, streamAccessSchema, streamSourceSchema } from './schemas'

// The program as cms serves it (docs/program.md): sessions, speakers, session streams.

/** A speaker as the agenda and /speakers pages show them (never an email or anything private). */
export const speakerSchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  title: z.string().nullish(),
  company: z.string().nullish(),
  photo: z.object({ url: z.string(), alt: z.string().nullish() }).nullish(),
})
export type Speaker = z.infer<typeof speakerSchema>

/** GET /api/speakers/by-slug/:slug adds the bio (plain text) and links. */
export const speakerProfileSchema = speakerSchema.extend({
  bio: z.string().nullish(),
  links: z.array(z.object({ label: z.string().nullish(), url: z.string() })).nullish(),
})

/** One session of the public agenda: never a stream address. */
export const sessionSchema = z.object({
  id: z.number(),
  event: z.object({ id: z.number(), title: z.string(), slug: z.string() }),
  title: z.string(),
  description: richTextSchema.nullish(),
  startTime: z.string(),
  endTime: z.string(),
  /** The event's IANA zone. */
  timezone: z.string(),
  track: z.string(),
  kind: z.string(),
  order: z.number().nullish(),
  speakers: z.array(speakerSchema),
  hasOwnStream: z.boolean().nullish(),
  hasRecording: z.boolean().nullish(),
})
export type Session = z.infer<typeof sessionSchema>

export const agendaSchema = z.object({
  event: z.object({ id: z.number(), slug: z.string(), timezone: z.string() }).loose(),
  /** Each track once, in the order of its first session. */
  tracks: z.array(z.string()),
  sessions: z.array(sessionSchema),
})
export type Agenda = z.infer<typeof agendaSchema>

export const speakerPageSchema = z.object({
  speaker: speakerProfileSchema,
  sessions: z.array(sessionSchema),
})
export type SpeakerPage = z.infer<typeof speakerPageSchema>

export function sessionSpeakers(session: Pick<Session, 'speakers'>): Speaker[] {
  return session.speakers
}

/** GET /api/sessions/:id/stream: gated like the event's stream, for one session. */
export const sessionStreamSchema = z.object({
  session: z.number(),
  event: z.number(),
  state: z.enum(['upcoming', 'live', 'ended']),
  /** What to play now: the recording once the session ended, else its live stream. */
  source: streamSourceSchema.nullable(),
  materials: streamAccessSchema.shape.materials,
  /** The event's stream token: good for the session's replay and attendance. */
  token: z.string(),
  tokenExpiresAt: z.string(),
})
export type SessionStream = z.infer<typeof sessionStreamSchema>

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
