import type { Endpoint } from 'payload'

import { listedMaterial } from '../../Events/endpoints/stream'
import { json } from '../../../lib/http'
import { idOf } from '../../../services/bookableEvent'
import { findVisibleSession } from '../../../services/program/sessions'
import {
  assertMayWatch,
  DOORS_OPEN_MINUTES,
  findEventForViewer,
  type StreamState,
} from '../../../services/streamAccess'
import { parseStreamSource } from '../../../services/streamSource'
import { signStreamToken } from '../../../services/streamToken'
import { slugs } from '../../../plugin/settings'

const sourceOf = (address: string | null | undefined) =>
  address ? parseStreamSource(address) : null

/**
 * GET /api/sessions/:id/stream: the session's live source and recording, gated exactly like the
 * event's stream (same viewers, same refusals, the same event stream token). Attendees get the
 * live source from the doors' opening before the session until its end, the recording after.
 */
export const sessionStream: Endpoint = {
  path: '/:id/stream',
  method: 'get',
  handler: async (req) => {
    const session = await findVisibleSession(req, req.routeParams?.id as string)
    const event = await findEventForViewer(req, String(idOf(session.event)))
    const viewer = await assertMayWatch(req, event)
    const now = Date.now()
    const start = Date.parse(session.startTime)
    const end = Date.parse(session.endTime)
    const state: StreamState = now < start ? 'upcoming' : now < end ? 'live' : 'ended'
    const runsIt = viewer !== 'attendee'
    const doorsOpen = now >= start - DOORS_OPEN_MINUTES * 60_000
    const live =
      runsIt || (state !== 'ended' && doorsOpen)
        ? sourceOf(session.streamUrl ?? event.videoUrl)
        : null
    const recording = runsIt || state === 'ended' ? sourceOf(session.recordingUrl) : null
    const { docs: materials } = await req.payload.find({
      collection: slugs.media,
      where: {
        and: [
          { id: { in: (session.materials ?? []).map((media) => idOf(media)!) } },
          { kind: { equals: 'material' } },
          { event: { equals: event.id } },
        ],
      },
      depth: 0,
      limit: 50,
      overrideAccess: true,
      req,
    })
    const { token, expiresAt } = signStreamToken(req.user!.id, event.id)
    return json(
      req,
      {
        session: session.id,
        event: event.id,
        viewer,
        state,
        startTime: new Date(start).toISOString(),
        endTime: new Date(end).toISOString(),
        usesEventStream: !session.streamUrl,
        live,
        recording,
        source: state === 'ended' ? (recording ?? (runsIt ? live : null)) : live,
        isRecording: state === 'ended' && recording !== null,
        materials: materials.map(listedMaterial),
        token,
        tokenExpiresAt: expiresAt.toISOString(),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
