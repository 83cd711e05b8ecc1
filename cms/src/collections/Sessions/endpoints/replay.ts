import type { Endpoint } from 'payload'

import { REPLAY_LIMIT, replayedMessage } from '../../Events/endpoints/replay'
import { RequestError } from '../../../lib/errors'
import { json } from '../../../lib/http'
import { idOf } from '../../../services/bookableEvent'
import { verifyStreamToken } from '../../../services/streamToken'
import { slugs } from '../../../plugin/settings'

/**
 * GET /api/sessions/:id/replay?token=…: the event's visible chat and questions sent during the
 * session, and the questions asked in it, with offsets from the session's start, for replay
 * beside the session's recording. The token is the event's stream token.
 */
export const sessionReplay: Endpoint = {
  path: '/:id/replay',
  method: 'get',
  handler: async (req) => {
    const id = Number(req.routeParams?.id)
    const session = Number.isInteger(id)
      ? await req.payload
          .findByID({ collection: slugs.sessions, id, depth: 0, overrideAccess: true, req })
          .catch(() => null)
      : null
    const token = req.searchParams.get('token')
    const grant = session && token ? verifyStreamToken(token, idOf(session.event)!) : null
    if (!session || !grant) {
      throw new RequestError(
        'The stream token is missing, invalid or expired: reload the page.',
        401,
        { reason: 'token' },
      )
    }
    const start = Date.parse(session.startTime)
    const { docs } = await req.payload.find({
      collection: slugs.chatMessages,
      where: {
        and: [
          { event: { equals: grant.eventId } },
          { hidden: { not_equals: true } },
          {
            or: [
              { session: { equals: session.id } },
              {
                and: [
                  { sentAt: { greater_than_equal: session.startTime } },
                  { sentAt: { less_than: session.endTime } },
                ],
              },
            ],
          },
        ],
      },
      sort: 'sentAt',
      depth: 0,
      limit: REPLAY_LIMIT,
      overrideAccess: true,
      req,
    })
    return json(
      req,
      {
        messages: docs.map((message) => ({
          ...replayedMessage(
            message,
            Math.max(0, Math.round((Date.parse(message.sentAt) - start) / 1000)),
          ),
          session: idOf(message.session) ?? null,
        })),
      },
      { headers: { 'Cache-Control': 'private, max-age=60' } },
    )
  },
}
