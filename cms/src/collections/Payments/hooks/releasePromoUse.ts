import type { CollectionAfterChangeHook } from 'payload'

import type { Payment } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { lockSeatCounter } from '../../../services/booking/seats'
import { releasePromoUse } from '../../../services/tickets/counters'

/**
 * An order's promo code use is held while it is unpaid and given back when its payment fails
 * (the hold lapsed, the session expired, no session could be opened). The event's seat counter
 * is locked first: the one lock order (seats, types, code) that orders follow too.
 */
export const releasePromoUseOnFailure: CollectionAfterChangeHook<Payment> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !doc.promoCode) return doc
  if (previousDoc?.status !== 'pending' || doc.status !== 'failed') return doc
  const eventId = idOf(doc.event)!
  await lockSeatCounter(req, eventId)
  await releasePromoUse(req, { eventId, code: doc.promoCode })
  return doc
}
