import { headersWithCors, type Endpoint, type PayloadRequest } from 'payload'

import { PROGRAM_ERROR } from '../../contract/program'
import { env } from '../../env'
import { RequestError } from '../../lib/errors'
import { json } from '../../lib/http'
import type { CalendarFeed } from '../../payload-types'
import { agendaSession, findAgendaSessions } from '../../services/program/agenda'
import {
  buildSessionsCalendar,
  calendarHeaders,
  calendarSession,
} from '../../services/program/calendar'
import { idOf } from '../../services/bookableEvent'

const TOKEN = /^[A-Za-z0-9_-]{43}$/

function feedView(feed: CalendarFeed | undefined) {
  if (!feed) return null
  const url = new URL(`/api/agenda-feed/${feed.token}.ics`, env.CMS_URL).href
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: feed.createdAt }
}

function requireUser(req: PayloadRequest) {
  if (!req.user) {
    throw new RequestError('Log in to manage your calendar feed.', 401, {
      code: PROGRAM_ERROR.loginRequired,
    })
  }
  return req.user
}

async function ownFeeds(req: PayloadRequest) {
  const user = requireUser(req)
  const { docs } = await req.payload.find({
    collection: 'calendar-feeds',
    where: { user: { equals: user.id } },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user,
    req,
  })
  return docs
}

async function revoke(req: PayloadRequest) {
  const user = requireUser(req)
  await req.payload.delete({
    collection: 'calendar-feeds',
    where: { user: { equals: user.id } },
    overrideAccess: false,
    user,
    req,
  })
}

/** GET /api/agenda-feed: the caller's feed addresses, or null before they made one. */
const showFeed: Endpoint = {
  path: '/agenda-feed',
  method: 'get',
  handler: async (req) => {
    const [feed] = await ownFeeds(req)
    return json(
      req,
      { feed: feedView(feed) },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}

/** POST /api/agenda-feed: a new secret address; the previous one stops working. */
const createFeed: Endpoint = {
  path: '/agenda-feed',
  method: 'post',
  handler: async (req) => {
    const user = requireUser(req)
    await revoke(req)
    const feed = await req.payload.create({
      collection: 'calendar-feeds',
      data: { user: user.id, token: '' },
      overrideAccess: false,
      user,
      req,
    })
    return json(req, { feed: feedView(feed) }, { status: 201 })
  },
}

/** DELETE /api/agenda-feed: the address stops working. */
const revokeFeed: Endpoint = {
  path: '/agenda-feed',
  method: 'delete',
  handler: async (req) => {
    await revoke(req)
    return json(req, { feed: null })
  },
}

/**
 * GET /api/agenda-feed/<token>.ics: the person's starred sessions, built afresh on each request.
 * The token is the only credential (calendar apps send no cookie); it reveals nothing but the
 * sessions' public details.
 */
const feedFile: Endpoint = {
  path: '/agenda-feed/:file',
  method: 'get',
  handler: async (req) => {
    const token = String(req.routeParams?.file ?? '').replace(/\.ics$/, '')
    const feed = TOKEN.test(token)
      ? (
          await req.payload.find({
            collection: 'calendar-feeds',
            where: { token: { equals: token } },
            depth: 0,
            limit: 1,
            overrideAccess: true,
            req,
          })
        ).docs[0]
      : undefined
    if (!feed) {
      throw new RequestError('This calendar address is unknown or was revoked.', 404, {
        code: PROGRAM_ERROR.feedNotFound,
      })
    }
    const { docs: stars } = await req.payload.find({
      collection: 'session-stars',
      where: { user: { equals: idOf(feed.user) } },
      select: { session: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const sessions =
      stars.length === 0
        ? []
        : await findAgendaSessions(req, {
            and: [
              { id: { in: stars.map((star) => idOf(star.session)!) } },
              { 'event.status': { equals: 'published' } },
            ],
          })
    const body = buildSessionsCalendar(
      sessions.map((session) => calendarSession(agendaSession(session), session)),
      { name: 'My agenda · Event Portal' },
    )
    return new Response(body, {
      headers: headersWithCors({ headers: new Headers(calendarHeaders('agenda.ics')), req }),
    })
  },
}

export const agendaFeedEndpoints = [showFeed, createFeed, revokeFeed, feedFile]
