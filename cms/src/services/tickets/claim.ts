import { sql } from '@payloadcms/db-postgres'
import { ValidationError, type PayloadRequest } from 'payload'

import type { Registration } from '../../payload-types'
import { bookingError } from '../booking/errors'
import { findRegistration } from '../booking/registrations'
import { idOf } from '../bookableEvent'
import { executeInTransaction, inTransaction } from '../transaction'
import { slugs } from '../../plugin/settings'
import { table } from '../tables'

export type ClaimPreview = {
  registration: number
  event: { id: number; title: string; slug: string; startTime: string; timezone: string }
  attendeeName: string | null
  attendeeEmail: string | null
  isClaimed: boolean
}

async function findByToken(req: PayloadRequest, token: string): Promise<Registration> {
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: { claimToken: { equals: token } },
    limit: 1,
    depth: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const found = docs[0]
  if (!found || !token) throw bookingError('CLAIM_INVALID', 'This claim link is not valid.')
  return found
}

/** What a claim link is for, shown to whoever holds the link before they log in. */
export async function previewClaim(req: PayloadRequest, token: string): Promise<ClaimPreview> {
  const found = await findByToken(req, token)
  const event = typeof found.event === 'object' ? found.event : null
  if (!event) throw bookingError('CLAIM_INVALID', 'This claim link is not valid.')
  return {
    registration: found.id,
    event: {
      id: event.id,
      title: event.title,
      slug: event.slug,
      startTime: event.startTime,
      timezone: event.timezone,
    },
    attendeeName: found.attendeeName ?? null,
    attendeeEmail: found.attendeeEmail ?? null,
    isClaimed: Boolean(found.user),
  }
}

/**
 * Attaches a ticket bought for someone to their account: the logged-in person must have the
 * attendee's email. The ticket's row is locked, so two claims of one link end with one holder.
 */
export async function claimTicket(req: PayloadRequest, token: string): Promise<Registration> {
  const user = req.user!
  const found = await findByToken(req, token)
  if (found.attendeeEmail?.toLowerCase() !== user.email.toLowerCase()) {
    throw bookingError(
      'CLAIM_EMAIL_MISMATCH',
      `This ticket is for ${found.attendeeEmail}: log in or sign up with that email to claim it.`,
      { email: found.attendeeEmail },
    )
  }
  try {
    return await inTransaction(req, async () => {
      await executeInTransaction(
        req,
        sql`SELECT id FROM ${table('registrations')} WHERE id = ${found.id} FOR UPDATE`,
      )
      const current = await req.payload.findByID({
        collection: slugs.registrations,
        id: found.id,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const holder = idOf(current.user)
      if (holder === user.id) return current
      if (holder) throw bookingError('CLAIM_INVALID', 'This ticket was claimed already.')
      const other = await findRegistration(req, user.id, idOf(current.event)!)
      if (other) alreadyHolds()
      return req.payload.update({
        collection: slugs.registrations,
        id: current.id,
        data: { user: user.id },
        depth: 0,
        overrideAccess: true,
        req,
      })
    })
  } catch (error) {
    // The unique (person, event) pair: a ticket of theirs was written meanwhile.
    if (error instanceof ValidationError) alreadyHolds()
    throw error
  }
}

function alreadyHolds(): never {
  throw bookingError('ALREADY_REGISTERED', 'You already have a ticket for this event.')
}
