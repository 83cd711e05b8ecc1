import type { BookingErrorCode } from '../../contract/booking'
import { RequestError } from '../../lib/errors'

/** The HTTP status each refusal is answered with. */
const STATUS: Record<BookingErrorCode, number> = {
  LOGIN_REQUIRED: 401,
  EVENT_NOT_FOUND: 404,
  EVENT_NOT_BOOKABLE: 422,
  EVENT_FULL: 409,
  ALREADY_REGISTERED: 409,
  ON_WAITLIST: 409,
  PAYMENT_REQUIRED: 402,
  EVENT_IS_FREE: 400,
  HOLD_EXPIRED: 409,
  REFUND_NOT_ALLOWED: 409,
  NOTHING_TO_REFUND: 409,
  REGISTRATION_NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  ALREADY_CANCELLED: 409,
  NOT_ALLOWED: 403,
  PAYMENT_PROVIDER_UNAVAILABLE: 502,
  INVALID_ORDER: 400,
  TICKET_SOLD_OUT: 409,
  SALES_NOT_OPEN: 409,
  SALES_CLOSED: 409,
  ORDER_LIMIT: 400,
  PROMO_INVALID: 400,
  PROMO_EXHAUSTED: 409,
  ANSWER_REQUIRED: 400,
  CLAIM_INVALID: 404,
  CLAIM_EMAIL_MISMATCH: 403,
}

/** A booking refusal: `{ errors: [{ message, data: { code, ...data } }] }` with the code's status. */
export class BookingError extends RequestError {
  readonly code: BookingErrorCode
  constructor(code: BookingErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message, STATUS[code], { code, ...data })
    this.code = code
  }
}

export const bookingError = (
  code: BookingErrorCode,
  message: string,
  data?: Record<string, unknown>,
): BookingError => new BookingError(code, message, data)

export const eventFullError = (): BookingError =>
  bookingError('EVENT_FULL', 'This event is full. You can join the waitlist.', {
    isFull: true,
    canJoinWaitlist: true,
  })

export const ticketSoldOutError = (ticketType: string, name?: string | null): BookingError =>
  bookingError(
    'TICKET_SOLD_OUT',
    `${name ? `"${name}" tickets are` : 'This ticket is'} sold out.`,
    {
      ticketType,
      available: 0,
    },
  )
