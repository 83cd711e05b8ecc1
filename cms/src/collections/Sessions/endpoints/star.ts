import { ValidationError, type Endpoint, type PayloadRequest, type Where } from 'payload'
import { z } from 'zod'

import { PROGRAM_ERROR } from '../../../contract/program'
import { RequestError } from '../../../lib/errors'
import { json } from '../../../lib/http'
import { idOf } from '../../../services/bookableEvent'
import { agendaSession, findAgendaSessions } from '../../../services/program/agenda'
import { findVisibleSession } from '../../../services/program/sessions'

const starBodySchema = z.object({ remind: z.boolean().optional() }).strict()

/** The body is optional: a bare POST stars without changing `remind`. */
async function readStarBody(req: PayloadRequest): Promise<z.infer<typeof starBodySchema>> {
  const text = req.text ? await req.text().catch(() => '') : ''
  if (!text.trim()) return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new RequestError('The request body must be JSON.', 400)
  }
  const result = starBodySchema.safeParse(body)
  if (!result.success) {
    throw new ValidationError({
      errors: result.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'body',
        message: issue.message,
      })),
    })
  }
  return result.data
}

function requireUser(req: PayloadRequest) {
  if (!req.user) {
    throw new RequestError('Log in to build your agenda.', 401, {
      code: PROGRAM_ERROR.loginRequired,
    })
  }
  return req.user
}

async function findStar(req: PayloadRequest, sessionId: number) {
  const user = requireUser(req)
  const { docs } = await req.payload.find({
    collection: 'session-stars',
    where: { and: [{ user: { equals: user.id } }, { session: { equals: sessionId } }] },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user,
    req,
  })
  return docs[0]
}

/** POST /api/sessions/:id/star `{ remind? }`: stars the session (again: updates `remind`). */
export const starSession: Endpoint = {
  path: '/:id/star',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req)
    const { remind } = await readStarBody(req)
    const session = await findVisibleSession(req, req.routeParams?.id as string)
    const existing = await findStar(req, session.id)
    const star = existing
      ? remind === undefined
        ? existing
        : await req.payload.update({
            collection: 'session-stars',
            id: existing.id,
            data: { remind },
            depth: 0,
            overrideAccess: false,
            user,
            req,
          })
      : await req.payload.create({
          collection: 'session-stars',
          data: { session: session.id, user: user.id, event: idOf(session.event)!, remind },
          depth: 0,
          overrideAccess: false,
          user,
          req,
        })
    return json(req, { session: session.id, starred: true, remind: Boolean(star.remind) })
  },
}

/** DELETE /api/sessions/:id/star: unstars (also when it was not starred). */
export const unstarSession: Endpoint = {
  path: '/:id/star',
  method: 'delete',
  handler: async (req) => {
    const user = requireUser(req)
    const session = await findVisibleSession(req, req.routeParams?.id as string)
    const existing = await findStar(req, session.id)
    if (existing) {
      await req.payload.delete({
        collection: 'session-stars',
        id: existing.id,
        overrideAccess: false,
        user,
        req,
      })
    }
    return json(req, { session: session.id, starred: false })
  },
}

/** GET /api/sessions/starred[?event=id]: the caller's starred sessions in time order. */
export const starredSessions: Endpoint = {
  path: '/starred',
  method: 'get',
  handler: async (req) => {
    const user = requireUser(req)
    const event = Number(req.searchParams.get('event'))
    const where: Where[] = [{ user: { equals: user.id } }]
    if (Number.isInteger(event) && event > 0) where.push({ event: { equals: event } })
    const { docs: stars } = await req.payload.find({
      collection: 'session-stars',
      where: { and: where },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: false,
      user,
      req,
    })
    const remindOf = new Map(stars.map((star) => [idOf(star.session), Boolean(star.remind)]))
    const sessions =
      stars.length === 0
        ? []
        : await findAgendaSessions(req, {
            and: [
              { id: { in: [...remindOf.keys()] } },
              { 'event.status': { equals: 'published' } },
            ],
          })
    return json(
      req,
      {
        sessions: sessions.map((session) => ({
          ...agendaSession(session),
          remind: remindOf.get(session.id) ?? false,
        })),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
