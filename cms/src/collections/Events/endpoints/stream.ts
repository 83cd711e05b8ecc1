import type { Endpoint } from 'payload'

import type { Event, Media } from '../../../payload-types'
import { json } from '../../../lib/http'
import { endsAt } from '../../../services/bookableEvent'
import {
  assertMayWatch,
  DOORS_OPEN_MINUTES,
  findEventForViewer,
  streamState,
} from '../../../services/streamAccess'
import { parseStreamSource } from '../../../services/streamSource'
import { signStreamToken } from '../../../services/streamToken'
import { slugs } from '../../../plugin/settings'

const asMedia = (value: Event['captions']): Media | null =>
  value && typeof value === 'object' ? value : null

/**
 * GET /api/events/:id/stream: what the watch page's player needs, for the
 * event's confirmed registrants, its organizer and admins, with a short-lived
 * token for the replay and attendance calls. Others learn why not (401/403).
 */
/** A material as the watch page lists it (the file itself is fetched with the stream token). */
export const listedMaterial = (media: Media) => ({
  id: media.id,
  filename: media.filename,
  title: media.alt || media.filename,
  mimeType: media.mimeType,
  filesize: media.filesize,
})

export const eventStream: Endpoint = {
  path: '/:id/stream',
  method: 'get',
  handler: async (req) => {
    const event = await findEventForViewer(req, String(req.routeParams?.id))
    const viewer = await assertMayWatch(req, event)
    const state = streamState(event)
    const runsIt = viewer !== 'attendee'
    // Attendees get the live address while it is live and the recording after; the hosts always.
    const address =
      state === 'ended'
        ? (event.recordingUrl ?? (runsIt ? event.videoUrl : null))
        : state === 'live' || runsIt
          ? event.videoUrl
          : null
    const { docs: materials } = await req.payload.find({
      collection: slugs.media,
      where: { and: [{ kind: { equals: 'material' } }, { event: { equals: event.id } }] },
      sort: 'createdAt',
      depth: 0,
      limit: 50,
      overrideAccess: true,
      req,
    })
    const captions = asMedia(event.captions)
    const { token, expiresAt } = signStreamToken(req.user!.id, event.id)
    return json(
      req,
      {
        event: event.id,
        viewer,
        state,
        startTime: event.startTime,
        endTime: endsAt(event).toISOString(),
        doorsOpenAt: new Date(
          new Date(event.startTime).getTime() - DOORS_OPEN_MINUTES * 60_000,
        ).toISOString(),
        source: address ? parseStreamSource(address) : null,
        isRecording: state === 'ended' && Boolean(event.recordingUrl),
        captions: captions?.filename ? { filename: captions.filename, label: 'Captions' } : null,
        materials: materials.map(listedMaterial),
        token,
        tokenExpiresAt: expiresAt.toISOString(),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
