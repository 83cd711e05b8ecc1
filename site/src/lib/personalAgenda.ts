import { z } from 'zod'

import type { CmsClient } from './cms'
import { sessionSchema, sessionStreamSchema, type SessionStream } from './program'

/** A starred session (across events), as /account/agenda lists it. */
export const starredSessionSchema = sessionSchema.extend({ remind: z.boolean().nullish() })
export type StarredSession = z.infer<typeof starredSessionSchema>

const starredListSchema = z.object({ sessions: z.array(starredSessionSchema) })
const starSchema = z.object({
  session: z.number(),
  starred: z.boolean(),
  remind: z.boolean().nullish(),
})
/** The private calendar feed; null when the person has none (or turned it off). */
const feedSchema = z.object({
  feed: z.object({ url: z.string(), webcalUrl: z.string(), createdAt: z.string() }).nullable(),
})
export type CalendarFeed = z.infer<typeof feedSchema>['feed']

/** A registrant's own program: stars and the private feed. Personal, so never cached. */
export function createPersonalAgendaApi(cms: CmsClient) {
  return {
    async starred(token: string, eventId?: number): Promise<StarredSession[]> {
      return (
        await cms.request('/api/sessions/starred', starredListSchema, {
          token,
          query: { event: eventId },
        })
      ).data.sessions
    },

    /** Stars (optionally with the email 10 minutes before) or unstars a session. */
    async star(sessionId: number, change: { starred: boolean; remind?: boolean }, token: string) {
      return (
        await cms.request(`/api/sessions/${sessionId}/star`, starSchema, {
          method: change.starred ? 'POST' : 'DELETE',
          body: change.starred ? { remind: change.remind ?? false } : undefined,
          token,
        })
      ).data
    },

    async feed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda-feed', feedSchema, { token })).data.feed
    },

    /** A new secret address; any previous one stops working. */
    async rotateFeed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda-feed', feedSchema, { method: 'POST', token })).data
        .feed
    },

    async revokeFeed(token: string): Promise<CalendarFeed> {
      return (await cms.request('/api/agenda-feed', feedSchema, { method: 'DELETE', token })).data
        .feed
    },

    async sessionStream(sessionId: number, token: string): Promise<SessionStream> {
      return (
        await cms.request(`/api/sessions/${sessionId}/stream`, sessionStreamSchema, { token })
      ).data
    },
  }
}
