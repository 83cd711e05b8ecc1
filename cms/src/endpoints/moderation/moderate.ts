import type { Endpoint } from 'payload'
import { z } from 'zod'

import { json, parseBody } from '../../lib/http'
import { RequestError } from '../../lib/errors'
import { documentId } from '../../lib/schemas'
import { findManagedEvent } from '../../services/analytics/scope'
import { idOf } from '../../services/bookableEvent'
import { slugs } from '../../plugin/settings'

const MESSAGE_ACTIONS = ['hide', 'unhide'] as const
const USER_ACTIONS = ['mute', 'unmute', 'ban', 'unban'] as const

const moderationSchema = z.discriminatedUnion('action', [
  z.object({ event: documentId, action: z.enum(MESSAGE_ACTIONS), message: documentId }),
  z.object({
    event: documentId,
    action: z.enum(USER_ACTIONS),
    user: documentId,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    reason: z.string().trim().max(500).optional(),
  }),
])

/**
 * POST /api/moderation { event, action, message | user, minutes?, reason? }:
 * the admin tools' hide/restore, mute/unmute and ban/unban. The event's
 * organizer and admins only; every decision is logged and reaches live rooms.
 */
export const moderate: Endpoint = {
  path: '/moderation',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new RequestError('Log in to moderate.', 401)
    const body = await parseBody(req, moderationSchema, slugs.chatModerationActions)
    const event = await findManagedEvent(req, body.event)
    const record: Record<string, unknown> = { event: event.id, action: body.action }
    if ('message' in body) {
      const message = await req.payload
        .findByID({
          collection: slugs.chatMessages,
          id: body.message,
          depth: 0,
          overrideAccess: true,
          req,
        })
        .catch(() => null)
      if (!message || idOf(message.event) !== event.id) {
        throw new RequestError('No such message in this event.', 404)
      }
      await req.payload.update({
        collection: slugs.chatMessages,
        id: message.id,
        data: { hidden: body.action === 'hide' },
        overrideAccess: false,
        user: req.user,
        req,
      })
      Object.assign(record, { targetMessage: message.id, targetUser: idOf(message.user) })
    } else {
      const minutes = body.action === 'mute' ? (body.minutes ?? 10) : undefined
      Object.assign(record, {
        targetUser: body.user,
        reason: body.reason,
        until: minutes ? new Date(Date.now() + minutes * 60_000).toISOString() : undefined,
      })
    }
    const doc = await req.payload.create({
      collection: slugs.chatModerationActions,
      data: record as never,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return json(req, { doc, message: 'Done.' }, { status: 201 })
  },
}
