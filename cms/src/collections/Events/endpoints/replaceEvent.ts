import { type Endpoint } from 'payload'
import { RequestError } from '../../../lib/errors'
import { slugs } from '../../../plugin/settings'

/** The seed's `PUT /api/events/:id`: same rules as Payload's PATCH. */
export const replaceEvent: Endpoint = {
  path: '/:id',
  method: 'put',
  handler: async (req) => {
    const data = req.json ? await req.json().catch(() => undefined) : undefined
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new RequestError('The request body must be a JSON object.', 400)
    }
    const doc = await req.payload.update({
      collection: slugs.events,
      id: String(req.routeParams?.id),
      data,
      depth: Number(req.query?.depth ?? 0) || 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return Response.json({ doc, message: 'Updated successfully.' })
  },
}
