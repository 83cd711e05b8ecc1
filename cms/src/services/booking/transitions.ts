import type { RegistrationStatus } from '../../contract/booking'
import { APIError } from 'payload'

/**
 * Every move a registration may make. `new` is a registration not written yet. A registration
 * that ended (cancelled, expired) may start again: the row is unique per person and event.
 *
 *   new/cancelled/expired → pending (checkout) | confirmed (free seat) | waitlisted
 *   pending   → confirmed (paid) | cancelled | expired (checkout lapsed or failed)
 *   waitlisted → offered (paid event's freed seat) | confirmed (free event's freed seat) | cancelled
 *   offered   → confirmed (paid for) | cancelled | expired (offer lapsed) | pending (a new
 *               checkout after the offer lapsed, while seats are free)
 *   confirmed → cancelled
 *
 * A late payment may still confirm an expired hold when a seat is free (expired → confirmed).
 */
const TRANSITIONS: Record<RegistrationStatus | 'new', readonly RegistrationStatus[]> = {
  new: ['pending', 'confirmed', 'waitlisted'],
  pending: ['confirmed', 'cancelled', 'expired'],
  waitlisted: ['offered', 'confirmed', 'cancelled'],
  offered: ['confirmed', 'cancelled', 'expired', 'pending'],
  confirmed: ['cancelled'],
  cancelled: ['pending', 'confirmed', 'waitlisted'],
  expired: ['pending', 'confirmed', 'waitlisted', 'cancelled'],
}

export const canTransition = (from: RegistrationStatus | 'new', to: RegistrationStatus): boolean =>
  TRANSITIONS[from].includes(to)

/** A move outside the table is a bug in our code, never the caller's: a 500 that names it. */
export function assertTransition(from: RegistrationStatus | 'new', to: RegistrationStatus): void {
  if (!canTransition(from, to)) {
    throw new APIError(`A registration cannot move from "${from}" to "${to}".`, 500)
  }
}

/** Statuses that hold a seat: confirmed always, pending and offered until their hold lapses. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = ['confirmed', 'pending', 'offered']

/** Statuses whose seat is held only until `holdExpiresAt`. */
export const HOLDS: readonly RegistrationStatus[] = ['pending', 'offered']
