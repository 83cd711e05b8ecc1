import { type Endpoint } from 'payload'
import { z } from 'zod'

import { json, parseBody } from '../../../lib/http'
import { bookingError } from '../../../services/booking'
import { claimTicket as claim, previewClaim } from '../../../services/tickets/claim'

const claimRequestSchema = z.object({ token: z.string().trim().min(1, 'Required.').max(100) })

/** GET /api/registrations/claim?token=: what the claim link is for (event, attendee, claimed?). */
export const showClaim: Endpoint = {
  path: '/claim',
  method: 'get',
  handler: async (req) => {
    const token = typeof req.query?.token === 'string' ? req.query.token.slice(0, 100) : ''
    return json(req, await previewClaim(req, token), { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** POST /api/registrations/claim { token }: the logged-in attendee takes the ticket bought for them. */
export const claimTicket: Endpoint = {
  path: '/claim',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in or sign up to claim your ticket.')
    const { token } = await parseBody(req, claimRequestSchema, 'registrations')
    const doc = await claim(req, token)
    return json(req, { doc, message: 'The ticket is yours.' })
  },
}
