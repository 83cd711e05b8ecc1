/**
 * The booking contract the site and realtime import as `@event-portal/cms/contract`: the stable
 * machine codes in `errors[0].data.code`, the registration and payment statuses, and the answer
 * to a cancellation. Plain TypeScript with no imports, so Node's type stripping loads it from any
 * workspace. Clients decide by these codes, never by the English message beside them.
 */

export const BOOKING_ERROR_CODES = [
  /** Log in first (401). */
  'LOGIN_REQUIRED',
  /** No such event for this caller (404). */
  'EVENT_NOT_FOUND',
  /** The event is not open for booking: not published, cancelled or ended; `data.reason` says which (422). */
  'EVENT_NOT_BOOKABLE',
  /** Every seat is taken or held; `data.canJoinWaitlist` (409). */
  'EVENT_FULL',
  /** The caller already has a confirmed seat (409). */
  'ALREADY_REGISTERED',
  /** The caller is already on the waitlist (409). */
  'ON_WAITLIST',
  /** A paid event: buy through `POST /api/payments/checkout`; `data.price`, `data.currency` (402). */
  'PAYMENT_REQUIRED',
  /** A free event sent to checkout: register with `POST /api/registrations` (400). */
  'EVENT_IS_FREE',
  /** The caller's hold or waitlist offer lapsed and the seat went on (409). */
  'HOLD_EXPIRED',
  /** No refund after the event's refund deadline; `data.refundDeadline` (409). */
  'REFUND_NOT_ALLOWED',
  /** Nothing paid that could be refunded (409). */
  'NOTHING_TO_REFUND',
  /** No such registration for this caller (404). */
  'REGISTRATION_NOT_FOUND',
  /** No such payment for this caller (404). */
  'PAYMENT_NOT_FOUND',
  /** The registration is cancelled already (409). */
  'ALREADY_CANCELLED',
  /** The caller may not do this to this registration or payment (403). */
  'NOT_ALLOWED',
  /** Stripe could not be reached; nothing was charged or changed, try again (502). */
  'PAYMENT_PROVIDER_UNAVAILABLE',
  /** A malformed order (items, attendees, answers); `data.field` names the part (400). */
  'INVALID_ORDER',
  /** A ticket type is used up, unknown, or hidden without its code; `data.ticketType`, `data.available` (409). */
  'TICKET_SOLD_OUT',
  /** Before the type's sales start; `data.ticketType`, `data.salesStart` (409). */
  'SALES_NOT_OPEN',
  /** After the type's sales end; `data.ticketType`, `data.salesEnd` (409). */
  'SALES_CLOSED',
  /** Fewer than the type's minimum or more than its maximum per order; `data.field` (400). */
  'ORDER_LIMIT',
  /** No such promo code for this order now (unknown, outside its window, for other types) (400). */
  'PROMO_INVALID',
  /** Every use of the promo code is taken or held (409). */
  'PROMO_EXHAUSTED',
  /** A required question is unanswered or an answer is not one of its options; `data.field`, `data.question` (400). */
  'ANSWER_REQUIRED',
  /** No ticket to claim with this token (404). */
  'CLAIM_INVALID',
  /** The ticket is for another email; log in with `data.email` (403). */
  'CLAIM_EMAIL_MISMATCH',
] as const

export type BookingErrorCode = (typeof BOOKING_ERROR_CODES)[number]

export const isBookingErrorCode = (value: unknown): value is BookingErrorCode =>
  typeof value === 'string' && (BOOKING_ERROR_CODES as readonly string[]).includes(value)

/**
 * `pending` holds a seat while its checkout is open; `offered` holds a freed seat for a
 * waitlisted person of a paid event until they pay or the offer lapses (`expired`).
 */
export const REGISTRATION_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'offered',
  'cancelled',
  'expired',
] as const

export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** What cancelling does (or did) to the money, in minor units of `currency`. */
export type RefundOutcome =
  | { kind: 'refund'; amount: number; currency: string }
  | { kind: 'no_refund_past_deadline'; amount: number; currency: string; refundDeadline: string }
  | { kind: 'nothing_paid' }

/** `GET /api/registrations/:id/cancellation`: what cancelling now would do, asked before confirming. */
export type CancellationQuote = {
  registration: number
  refund: RefundOutcome
  /** ISO time until which an attendee's cancellation is refunded; null for a free registration. */
  refundDeadline: string | null
}

/** `DELETE /api/registrations/:id` (optionally `?refund=required`): what happened. */
export type CancellationResult = CancellationQuote & { message: string }
