import { z } from 'zod'

import { sortSessions } from './schedule'
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
