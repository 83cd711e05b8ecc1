import type { RefundOutcome } from '../../contract/booking'
import type { Event, Payment } from '../../payload-types'

/** Until when an attendee who cancels is refunded: `refundDeadlineHours` before the start. */
export const refundDeadline = (event: Pick<Event, 'startTime' | 'refundDeadlineHours'>): Date =>
  new Date(Date.parse(event.startTime) - (event.refundDeadlineHours ?? 24) * 3600_000)

/**
 * What cancelling does to the money. Attendees are refunded until the event's deadline;
 * organizers and admins (`isPrivileged`) refund whenever they cancel.
 */
export function refundOutcome({
  event,
  payment,
  isPrivileged,
  now = new Date(),
}: {
  event: Pick<Event, 'startTime' | 'refundDeadlineHours'>
  payment: Pick<Payment, 'status' | 'amount' | 'currency'> | undefined
  isPrivileged: boolean
  now?: Date
}): RefundOutcome {
  if (!payment || payment.status !== 'succeeded') return { kind: 'nothing_paid' }
  const deadline = refundDeadline(event)
  if (isPrivileged || now <= deadline) {
    return { kind: 'refund', amount: payment.amount, currency: payment.currency }
  }
  return {
    kind: 'no_refund_past_deadline',
    amount: payment.amount,
    currency: payment.currency,
    refundDeadline: deadline.toISOString(),
  }
}
