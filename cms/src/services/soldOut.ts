import type { PayloadRequest } from 'payload'

import { findBookableEvent } from './bookableEvent'
import { assertNotRegistered, eventFullError, findRegistration } from './registration'
import { countTakenSeats, holdIsLive } from './seats'

/**
 * Answers a request for a sold-out event before it queues for the event's row
 * lock, so once a rush has taken every seat the rest are refused in parallel.
 * Finding seats left proves nothing: the locked path counts again.
 */
export async function refuseWhenSoldOut(
  req: PayloadRequest,
  { eventId, userId, isCheckout }: { eventId: number; userId: number; isCheckout: boolean },
): Promise<void> {
  const event = await findBookableEvent(req, eventId)
  // The locked path explains a free event sent to checkout, or a paid one sent to registration.
  if (isCheckout !== event.price > 0) return
  if ((await countTakenSeats(req, eventId)) < event.capacity) return
  const existing = await findRegistration(req, userId, eventId)
  assertNotRegistered(existing)
  // Someone holding a seat (an unpaid checkout, a waitlist offer) may still pay for it.
  if (isCheckout && holdIsLive(existing)) return
  throw eventFullError()
}
