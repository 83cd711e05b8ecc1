import type { Payload } from 'payload'

import { refundCancelledEvent } from '../../services/booking'
import type { JobData } from '../definitions'

export async function eventRefunds(
  payload: Payload,
  { eventId }: JobData<'event-refunds'>,
): Promise<{ refunded: number }> {
  return { refunded: await refundCancelledEvent(payload, Number(eventId)) }
}
