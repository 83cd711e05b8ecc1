import { formatPrice } from './format'
import type { Payment, Registration, RegistrationStatus } from './schemas'

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: 'Confirmed',
  pending: 'Awaiting payment',
  waitlisted: 'Waitlisted',
  offered: 'Seat offered',
  cancelled: 'Cancelled',
  expired: 'Expired',
}

/** What happened to the money of a cancelled, paid registration. */
export type RefundStatus = 'refunded' | 'pending' | 'none'

export const REFUND_LABELS: Record<RefundStatus, string> = {
  refunded: 'Refunded',
  pending: 'Refund pending',
  none: 'No refund',
}

export function paymentOf(registration: Pick<Registration, 'payment'>): Payment | null {
  return typeof registration.payment === 'object' ? (registration.payment ?? null) : null
}

/** Money actually changed hands (a pending or failed checkout charged nothing). */
export function wasCharged(payment: Payment | null): payment is Payment & { amount: number } {
  return Boolean(
    payment &&
    payment.amount &&
    payment.amount > 0 &&
    (payment.status === 'succeeded' || payment.status === 'refunded'),
  )
}

/**
 * Null unless the registration is cancelled and was paid for. A refund that has been asked
 * of Stripe (it has an id) but not yet confirmed is pending; no refund id means none was made
 * (e.g. cancelled after the refund deadline).
 */
export function refundStatus(
  registration: Pick<Registration, 'status' | 'payment'>,
): RefundStatus | null {
  const payment = paymentOf(registration)
  if (registration.status !== 'cancelled' || !wasCharged(payment)) return null
  if (payment.status === 'refunded') return 'refunded'
  return payment.refundId ? 'pending' : 'none'
}

/** "€15.00" — the amount as the receipt states it, in the currency it was paid in. */
export function paidAmount(payment: Payment & { amount: number }, fallbackCurrency: string) {
  return formatPrice(payment.amount, payment.currency ?? fallbackCurrency)
}
