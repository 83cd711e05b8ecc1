import type { Endpoint } from 'payload'

import { RequestError } from '../../../lib/errors'
import { json } from '../../../lib/http'
import { agendaSession, findAgendaSessions, speakerCard } from '../../../services/program/agenda'

/**
 * GET /api/speakers/by-slug/:slug: a speaker's profile and their sessions in published events,
 * for anyone who may read the speaker.
 */
export const speakerBySlug: Endpoint = {
  path: '/by-slug/:slug',
  method: 'get',
  handler: async (req) => {
    const { docs } = await req.payload.find({
      collection: 'speakers',
      where: { slug: { equals: String(req.routeParams?.slug ?? '') } },
      depth: 1,
      limit: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const speaker = docs[0]
    if (!speaker) throw new RequestError('No such speaker.', 404)
    const sessions = await findAgendaSessions(req, {
      and: [{ speakers: { contains: speaker.id } }, { 'event.status': { equals: 'published' } }],
    })
    return json(req, {
      speaker: {
        ...speakerCard(speaker),
        bio: speaker.bio ?? null,
        links: (speaker.links ?? []).map(({ label, url }) => ({ label, url })),
      },
      sessions: sessions.map(agendaSession),
    })
  },
}
