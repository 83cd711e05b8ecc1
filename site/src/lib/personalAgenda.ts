import { z } from 'zod'

import type { CmsClient } from './cms'
import { sessionSchema, streamSessionSchema } from './program'
import { streamAccessSchema } from './schemas'

/** A starred session with the event it belongs to, as /account/agenda lists it. */
export const starredSessionSchema = sessionSchema.extend({
  event: z.object({ id: z.number(), slug: z.string(), title: z.string(), timezone: z.string() }),
})
export type StarredSession = z.infer<typeof starredSessionSchema>

const myAgendaSchema = z.object({ sessions: z.array(starredSessionSchema) })
const starSchema = z.object({ session: z.number(), starred: z.boolean() })
/** The private calendar feed: its https address (webcal:// is the same with another scheme). */
const feedSchema = z.object({ url: z.string().nullable() })
export type CalendarFeed = z.infer<typeof feedSchema>

/** GET /api/sessions/:id/stream: the event's stream answer, for one session. */
export const sessionStreamSchema = streamAccessSchema.extend({ session: streamSessionSchema })
export type SessionStream = z.infer<typeof sessionStreamSchema>

/** A registrant's own program: stars and the private feed. Personal, so never cached. */
export function createPersonalAgendaApi(cms: CmsClient) {
  return {
    async starred(token: string): Promise<StarredSession[]> {
      return (await cms.request('/api/agenda/me', myAgendaSchema, { token })).data.sessions
    },

    async star(sessionId: number, starred: boolean, token: string) {
      return (
        await cms.request(`/api/sessions/${sessionId}/star`, starSchema, {
          method: starred ? 'POST' : 'DELETE',
          token,
        })
      ).data
    },

    async feed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda/feed', feedSchema, { token })).data
    },

    /** A new secret address; the old one stops working. */
    async rotateFeed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda/feed', feedSchema, { method: 'POST', token })).data
    },

    async revokeFeed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda/feed', feedSchema, { method: 'DELETE', token })).data
    },

    async sessionStream(sessionId: number, token: string): Promise<SessionStream> {
      return (
        await cms.request(`/api/sessions/${sessionId}/stream`, sessionStreamSchema, { token })
      ).data
    },
  }
}

/** The feed's address for calendar apps: webcal:// makes them subscribe instead of download. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:\/\//, 'webcal://')
}
