/**
 * The tickets contract (docs/tickets.md): ticket types, promo codes and questions as
 * `GET /api/events/:id/tickets` shows them, and the order body of checkout and registration.
 * Plain TypeScript with no imports, like ./booking.ts.
 */

export const PROMO_KINDS = ['percent', 'amount', 'unlock'] as const
export type PromoKind = (typeof PROMO_KINDS)[number]

export const QUESTION_KINDS = ['text', 'single', 'multiple', 'checkbox'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export type SalesState = 'not_open' | 'open' | 'closed'

export type TicketTypeOffer = {
  id: string
  name: string
  description: string | null
  /** Per ticket, minor units of the event's currency; 0 = free. */
  price: number
  /** Per ticket after the `?code=` discount (equal to `price` without one). */
  discountedPrice: number
  currency: string
  quantity: number | null
  /** Tickets of this type a buyer could get now (never more than the event's seats left). */
  available: number
  isSoldOut: boolean
  salesStart: string | null
  salesEnd: string | null
  salesState: SalesState
  minPerOrder: number
  maxPerOrder: number
  /** True only for a hidden type unlocked by the code. */
  hidden: boolean
}

export type QuestionOffer = {
  id: string
  label: string
  kind: QuestionKind
  options: string[]
  required: boolean
}

export type PromoPreview = {
  code: string
  kind: PromoKind
  percentOff: number | null
  amountOff: number | null
  /** Ticket type ids it applies to; null = every type. */
  appliesTo: string[] | null
}

/** `GET /api/events/:id/tickets[?code=]`. */
export type TicketsResponse = {
  event: number
  currency: string
  capacity: number
  seatsLeft: number
  ticketTypes: TicketTypeOffer[]
  questions: QuestionOffer[]
  promo: PromoPreview | null
  promoError: { code: 'PROMO_INVALID' | 'PROMO_EXHAUSTED'; message: string } | null
}

export type Answer = string | string[] | boolean

export type OrderAttendee = { name: string; email: string; answers?: Record<string, Answer> }

export type OrderItem = { ticketType: string; quantity: number; attendees: OrderAttendee[] }

/** The body of `POST /api/payments/checkout` and `POST /api/registrations` for an order. */
export type OrderRequest = { event: number; items: OrderItem[]; promoCode?: string }
