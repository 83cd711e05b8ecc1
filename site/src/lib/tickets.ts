import type {
  Answer,
  BookingErrorCode,
  OrderItem,
  QuestionOffer,
  TicketTypeOffer,
} from '@event-portal/cms/contract'

import { inZone, money } from './islandFormat'

/**
 * The checkout island's pure logic (docs/tickets.md): which quantities a type allows, what an
 * order costs before and after its code, the order body, and every refusal code in words.
 * No DOM and no fetch here, so all of it is unit-tested.
 */

/** Tickets chosen per type id. */
export type Quantities = Record<string, number>

export type AttendeeInput = { name: string; email: string; answers: Record<string, Answer> }

/** One ticket of the order: whose form it is (`key`) and which type it is of. */
export type AttendeeSlot = { key: string; typeId: string; typeName: string; index: number }

/** Whether a type can be bought now; the reason in words when it cannot. */
export function isOnSale(type: TicketTypeOffer): boolean {
  return type.salesState === 'open' && !type.isSoldOut && type.available > 0
}

/**
 * The quantities a buyer may pick for a type: none, or from its minimum to its maximum per
 * order, never more than are left.
 */
export function quantityOptions(type: TicketTypeOffer): number[] {
  if (!isOnSale(type)) return [0]
  const max = Math.min(type.maxPerOrder, type.available)
  const options = [0]
  for (let count = Math.max(1, type.minPerOrder); count <= max; count++) options.push(count)
  return options
}

/** What the page says about a type's stock: "Sold out", "3 left" (only when few are), or nothing. */
export function availabilityLabel(type: TicketTypeOffer, fewLeft = 10): string | null {
  if (type.isSoldOut || type.available <= 0) return 'Sold out'
  if (type.available <= fewLeft) return `${type.available} left`
  return null
}

/** The quantities a page starts with: one ticket when there is only one type to buy. */
export function initialQuantities(types: TicketTypeOffer[]): Quantities {
  const onSale = types.filter(isOnSale)
  if (types.length === 1 && onSale.length === 1) {
    const [only] = onSale
    return { [only!.id]: quantityOptions(only!)[1] ?? 0 }
  }
  return {}
}

export type OrderTotals = { count: number; subtotal: number; discount: number; total: number }

/** Σ price × quantity before and after the code: exactly what checkout charges (docs/tickets.md). */
export function orderTotals(types: TicketTypeOffer[], quantities: Quantities): OrderTotals {
  let count = 0
  let subtotal = 0
  let total = 0
  for (const type of types) {
    const quantity = quantities[type.id] ?? 0
    count += quantity
    subtotal += type.price * quantity
    total += type.discountedPrice * quantity
  }
  return { count, subtotal, discount: subtotal - total, total }
}

/** One form per ticket, in the page's order of types. */
export function attendeeSlots(types: TicketTypeOffer[], quantities: Quantities): AttendeeSlot[] {
  return types.flatMap((type) =>
    Array.from({ length: quantities[type.id] ?? 0 }, (_, index) => ({
      key: `${type.id}:${index}`,
      typeId: type.id,
      typeName: type.name,
      index,
    })),
  )
}

/** An answer worth sending: unanswered optional questions are left out. */
function isAnswered(answer: Answer | undefined): answer is Answer {
  if (answer === undefined || answer === false) return false
  if (Array.isArray(answer)) return answer.length > 0
  return typeof answer === 'boolean' || answer.trim() !== ''
}

/** The order body's items, in the same order as `attendeeSlots` (so a refusal's field maps back). */
export function buildItems(
  types: TicketTypeOffer[],
  quantities: Quantities,
  attendees: Record<string, AttendeeInput>,
): OrderItem[] {
  return types
    .filter((type) => (quantities[type.id] ?? 0) > 0)
    .map((type) => ({
      ticketType: type.id,
      quantity: quantities[type.id]!,
      attendees: Array.from({ length: quantities[type.id]! }, (_, index) => {
        const input = attendees[`${type.id}:${index}`]
        const answers = Object.fromEntries(
          Object.entries(input?.answers ?? {}).filter(([, answer]) => isAnswered(answer)),
        )
        return {
          name: input?.name.trim() ?? '',
          email: input?.email.trim() ?? '',
          answers,
        }
      }),
    }))
}

/** The id of the input a form gives an attendee's field or answer. */
export const attendeeInputId = (slotKey: string, field: string) =>
  `attendee-${slotKey.replace(':', '-')}-${field}`
export const quantityInputId = (typeId: string) => `quantity-${typeId}`
export const PROMO_INPUT_ID = 'promo-code'

/**
 * The input a refusal's `data.field` points at (`items.0.attendees.1.answers.<id>`,
 * `items.0.quantity`, `promoCode`), or null when it names nothing on the form.
 */
export function fieldInputId(field: unknown, items: OrderItem[]): string | null {
  if (typeof field !== 'string') return null
  if (field === 'promoCode') return PROMO_INPUT_ID
  const match =
    /^items\.(\d+)(?:\.(quantity)|\.attendees\.(\d+)\.(name|email|answers\.(.+)))?/.exec(field)
  const item = match ? items[Number(match[1])] : undefined
  if (!match || !item) return null
  if (match[3] === undefined) return quantityInputId(item.ticketType)
  const slotKey = `${item.ticketType}:${match[3]}`
  return attendeeInputId(slotKey, match[5] !== undefined ? `q-${match[5]}` : match[4]!)
}

export type RefusalContext = {
  types: TicketTypeOffer[]
  questions: QuestionOffer[]
  timezone: string
}

type Data = Record<string, unknown>

const typeName = (data: Data, context: RefusalContext) =>
  context.types.find((type) => type.id === data.ticketType)?.name ?? 'This ticket type'
const text = (value: unknown) => (typeof value === 'string' ? value : null)

/** Every code the CMS may answer, in words; exhaustive, so a new code cannot go unexplained. */
const MESSAGES: Record<BookingErrorCode, (data: Data, context: RefusalContext) => string> = {
  LOGIN_REQUIRED: () => 'Log in to book tickets.',
  EVENT_NOT_FOUND: () => 'This event is no longer available.',
  EVENT_NOT_BOOKABLE: () => 'This event is not open for booking any more.',
  EVENT_FULL: () => 'The event is sold out. You can join the waitlist.',
  ALREADY_REGISTERED: () =>
    'You already have a ticket for this event. Buy for other people by entering their names and emails.',
  ON_WAITLIST: () => 'You are already on the waitlist for this event.',
  PAYMENT_REQUIRED: () => 'These tickets are not free any more. Reload the page to see the price.',
  EVENT_IS_FREE: () => 'These tickets are free now. Reload the page and register.',
  HOLD_EXPIRED: () => 'Your held seat lapsed and went to the next person.',
  REFUND_NOT_ALLOWED: () => 'The refund deadline has passed.',
  NOTHING_TO_REFUND: () => 'Nothing was paid, so there is nothing to refund.',
  REGISTRATION_NOT_FOUND: () => 'This registration no longer exists.',
  PAYMENT_NOT_FOUND: () => 'This payment no longer exists.',
  ALREADY_CANCELLED: () => 'This registration is already cancelled.',
  NOT_ALLOWED: () => 'You may not do this.',
  PAYMENT_PROVIDER_UNAVAILABLE: () =>
    'Payment is unavailable right now. Nothing was charged; please try again in a moment.',
  INVALID_ORDER: (data) => {
    const field = text(data.field) ?? ''
    if (field.endsWith('.email'))
      return 'Enter a valid email address, a different one for each attendee.'
    if (field.endsWith('.name')) return 'Enter the name of each attendee.'
    return 'Something in the order is not right; check the highlighted field.'
  },
  TICKET_SOLD_OUT: (data, context) => {
    const available = typeof data.available === 'number' ? data.available : 0
    return available > 0
      ? `Only ${available} ${typeName(data, context)} ${available === 1 ? 'ticket is' : 'tickets are'} left.`
      : `${typeName(data, context)} is sold out.`
  },
  SALES_NOT_OPEN: (data, context) => {
    const start = text(data.salesStart)
    return start
      ? `Sales for ${typeName(data, context)} open on ${inZone(start, context.timezone)}.`
      : `Sales for ${typeName(data, context)} have not opened yet.`
  },
  SALES_CLOSED: (data, context) => {
    const end = text(data.salesEnd)
    return end
      ? `Sales for ${typeName(data, context)} closed on ${inZone(end, context.timezone)}.`
      : `Sales for ${typeName(data, context)} have closed.`
  },
  ORDER_LIMIT: (data, context) => {
    const min = typeof data.minPerOrder === 'number' ? data.minPerOrder : 1
    const max = typeof data.maxPerOrder === 'number' ? data.maxPerOrder : null
    return max === null
      ? `${typeName(data, context)}: choose at least ${min} per order.`
      : `${typeName(data, context)}: choose between ${min} and ${max} tickets per order.`
  },
  PROMO_INVALID: () => 'This promo code is not valid for these tickets.',
  PROMO_EXHAUSTED: () => 'This promo code has been used up.',
  ANSWER_REQUIRED: (data, context) => {
    const question = context.questions.find((item) => item.id === data.question)
    return question
      ? `Please answer “${question.label}” with one of its choices.`
      : 'Please answer the highlighted question.'
  },
  CLAIM_INVALID: () => 'This ticket link is not valid any more.',
  CLAIM_EMAIL_MISMATCH: (data) =>
    `This ticket is for ${text(data.email) ?? 'another email address'}. Log in with that address to claim it.`,
}

const isKnownCode = (code: unknown): code is BookingErrorCode =>
  typeof code === 'string' && Object.hasOwn(MESSAGES, code)

/** A refusal in words, decided by its code; `fallback` (the server's words) for anything else. */
export function refusalMessage(
  code: unknown,
  data: Data | undefined,
  context: RefusalContext,
  fallback = 'Something went wrong. Please try again.',
): string {
  return isKnownCode(code) ? MESSAGES[code](data ?? {}, context) : fallback
}

/** "20 % off", "€5.00 off each ticket", "unlocks hidden tickets": what a code does, in words. */
export function promoLabel(
  promo: { kind: string; percentOff: number | null; amountOff: number | null },
  currency: string,
): string {
  if (promo.kind === 'percent' && promo.percentOff) return `${promo.percentOff}% off`
  if (promo.kind === 'amount' && promo.amountOff) {
    return `${money(promo.amountOff, currency)} off each ticket`
  }
  return 'unlocks hidden tickets'
}
