import type { Answer } from '../../contract/tickets'
import { bookingError } from '../booking/errors'
import {
  discountedPrice,
  findPromo,
  isOffered,
  promoAppliesTo,
  salesRefusal,
  type PromoCode,
  type Question,
  type TicketedEvent,
  type TicketType,
} from './catalog'
import type { OrderRequestBody } from './orderRequest'

/** One ticket of a checked order: its type, attendee, answers and price after the code. */
export type OrderTicket = {
  type: TicketType
  attendeeName: string
  attendeeEmail: string
  answers: Record<string, Answer>
  price: number
}

export type CheckedOrder = {
  tickets: OrderTicket[]
  promo: PromoCode | null
  /** Before the discount, minor units. */
  subtotal: number
  discount: number
  total: number
}

const invalid = (field: string, message: string) =>
  bookingError('INVALID_ORDER', message, { field })

function checkAnswers(
  questions: Question[],
  answers: Record<string, Answer>,
  field: string,
): Record<string, Answer> {
  const kept: Record<string, Answer> = {}
  for (const question of questions) {
    const answer = answers[question.id]
    const path = `${field}.${question.id}`
    const refuse = (message: string) =>
      bookingError('ANSWER_REQUIRED', message, { field: path, question: question.id })
    const options = question.options ?? []
    const isBlank =
      answer === undefined ||
      answer === false ||
      (typeof answer === 'string' && answer.trim() === '') ||
      (Array.isArray(answer) && answer.length === 0)
    if (isBlank) {
      if (question.required) throw refuse(`Please answer "${question.label}".`)
      continue
    }
    if (question.kind === 'text' && typeof answer !== 'string') {
      throw refuse(`"${question.label}" takes a text answer.`)
    }
    if (question.kind === 'checkbox' && answer !== true) {
      throw refuse(`"${question.label}" is answered by ticking it.`)
    }
    if (question.kind === 'single' && (typeof answer !== 'string' || !options.includes(answer))) {
      throw refuse(`Choose one of the options for "${question.label}".`)
    }
    if (
      question.kind === 'multiple' &&
      (!Array.isArray(answer) || answer.some((choice) => !options.includes(choice)))
    ) {
      throw refuse(`Choose among the options for "${question.label}".`)
    }
    kept[question.id] = typeof answer === 'string' ? answer.trim() : answer
  }
  return kept
}

/**
 * Checks an order against the event's types, sales windows, limits, code and questions, and
 * prices it. Reads no counters: availability is decided where tickets are taken.
 */
export function checkOrder(
  event: TicketedEvent,
  body: OrderRequestBody,
  now = new Date(),
): CheckedOrder {
  const promo = body.promoCode ? findPromo(event, body.promoCode, now) : null
  const tickets: OrderTicket[] = []
  const perType = new Map<string, number>()
  const emails = new Set<string>()
  body.items.forEach((item, itemIndex) => {
    const field = `items.${itemIndex}`
    const type = event.ticketTypes.find((candidate) => candidate.id === item.ticketType)
    if (!type) throw invalid(`${field}.ticketType`, 'There is no such ticket type for this event.')
    if (!isOffered(type, promo)) {
      throw bookingError('TICKET_SOLD_OUT', `"${type.name}" is not on sale.`, {
        ticketType: type.id,
        available: 0,
      })
    }
    const closed = salesRefusal(type, now)
    if (closed) throw closed
    if (item.attendees.length !== item.quantity) {
      throw invalid(`${field}.attendees`, 'Name one attendee for every ticket.')
    }
    perType.set(type.id, (perType.get(type.id) ?? 0) + item.quantity)
    item.attendees.forEach((attendee, attendeeIndex) => {
      const attendeeField = `${field}.attendees.${attendeeIndex}`
      if (emails.has(attendee.email)) {
        throw invalid(`${attendeeField}.email`, 'Each attendee needs their own email address.')
      }
      emails.add(attendee.email)
      tickets.push({
        type,
        attendeeName: attendee.name,
        attendeeEmail: attendee.email,
        answers: checkAnswers(event.questions, attendee.answers, `${attendeeField}.answers`),
        price: discountedPrice(type, promo),
      })
    })
  })
  for (const [typeId, quantity] of perType) {
    const type = event.ticketTypes.find((candidate) => candidate.id === typeId)!
    const minPerOrder = type.minPerOrder ?? 1
    const maxPerOrder = type.maxPerOrder ?? 10
    if (quantity < minPerOrder || quantity > maxPerOrder) {
      const index = body.items.findIndex((item) => item.ticketType === typeId)
      throw bookingError(
        'ORDER_LIMIT',
        `Buy between ${minPerOrder} and ${maxPerOrder} "${type.name}" tickets per order.`,
        { ticketType: typeId, field: `items.${index}.quantity`, minPerOrder, maxPerOrder },
      )
    }
  }
  if (promo && !tickets.some((ticket) => promoAppliesTo(promo, ticket.type))) {
    throw bookingError('PROMO_INVALID', 'This promo code is not for these tickets.', {
      field: 'promoCode',
    })
  }
  const subtotal = tickets.reduce((sum, ticket) => sum + ticket.type.price, 0)
  const total = tickets.reduce((sum, ticket) => sum + ticket.price, 0)
  // Tickets are taken in ticket-type order: the fixed lock order across concurrent orders.
  tickets.sort((a, b) => (a.type.id < b.type.id ? -1 : a.type.id > b.type.id ? 1 : 0))
  return { tickets, promo, subtotal, discount: subtotal - total, total }
}
