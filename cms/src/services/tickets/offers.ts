import type { PayloadRequest } from 'payload'

import type { TicketsResponse } from '../../contract/tickets'
import { BookingError } from '../booking/errors'
import { availability } from '../booking/seats'
import {
  findPromo,
  isOffered,
  offerOf,
  promoPreview,
  readTicketedEvent,
  type PromoCode,
} from './catalog'
import { promoUses, typeCounts } from './counters'

/**
 * What the public sees of an event's tickets now: each type on offer with its availability and
 * sales window, the questions, and with a code, its discounted prices and the hidden types it
 * unlocks. A code that cannot be used is explained in `promoError`, not refused.
 */
export async function ticketOffers(
  req: PayloadRequest,
  eventId: number,
  code: string | undefined,
  now = new Date(),
): Promise<TicketsResponse> {
  const event = await readTicketedEvent(req, eventId)
  const [seats, taken, uses] = await Promise.all([
    availability(req, event),
    typeCounts(req, event.id),
    code ? promoUses(req, event.id) : Promise.resolve({} as Record<string, number>),
  ])
  let promo: PromoCode | null = null
  let promoError: TicketsResponse['promoError'] = null
  if (code) {
    try {
      promo = findPromo(event, code, now)
      if (promo.maxUses && (uses[promo.id] ?? 0) >= promo.maxUses) {
        promo = null
        promoError = { code: 'PROMO_EXHAUSTED', message: 'This promo code has been used up.' }
      }
    } catch (error) {
      if (!(error instanceof BookingError)) throw error
      promoError = { code: 'PROMO_INVALID', message: error.message }
    }
  }
  return {
    event: event.id,
    currency: event.currency,
    capacity: event.capacity,
    seatsLeft: seats.seatsLeft,
    ticketTypes: event.ticketTypes
      .filter((type) => isOffered(type, promo))
      .map((type) =>
        offerOf(event, type, promo, {
          typeTaken: taken[type.id] ?? 0,
          seatsLeft: seats.seatsLeft,
          now,
        }),
      ),
    questions: event.questions.map((question) => ({
      id: question.id,
      label: question.label,
      kind: question.kind,
      options: (question.options ?? []).filter((option): option is string => Boolean(option)),
      required: Boolean(question.required),
    })),
    promo: promo ? promoPreview(event, promo) : null,
    promoError,
  }
}
