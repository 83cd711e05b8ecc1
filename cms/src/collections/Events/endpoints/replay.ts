import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { requireStreamGrant } from './streamTokenParam'
import { slugs } from '../../../plugin/settings'

import type { ChatMessage } from '../../../payload-types'

/** At most this many messages are replayed beside one recording. */
export const REPLAY_LIMIT = 5000

/** A message as the replay shows it, at `offsetSeconds` into its recording. */
export const replayedMessage = (message: ChatMessage, offsetSeconds: number) => ({
  id: message.id,
  kind: message.kind,
  authorName: message.authorName,
  message: message.message,
  offsetSeconds,
  upvotes: message.upvotes ?? 0,
  answered: Boolean(message.answered),
})

/**
 * GET /api/events/:id/replay?token=…: the live chat and questions with their
 * offsets from the start, for replay beside the recording. Hidden stays hidden.
 */
export const eventReplay: Endpoint = {
  path: '/:id/replay',
  method: 'get',
  handler: async (req) => {
    const grant = requireStreamGrant(req, req.searchParams.get('token'))
    const { docs } = await req.payload.find({
      collection: slugs.chatMessages,
      where: {
        and: [{ event: { equals: grant.eventId } }, { hidden: { not_equals: true } }],
      },
      sort: 'offsetSeconds',
      depth: 0,
      limit: REPLAY_LIMIT,
      overrideAccess: true,
      req,
    })
    return json(
      req,
      {
        messages: docs.map((message) => replayedMessage(message, message.offsetSeconds ?? 0)),
      },
      { headers: { 'Cache-Control': 'private, max-age=60' } },
    )
  },
}
