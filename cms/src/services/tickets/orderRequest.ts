import { z } from 'zod'

import { documentId } from '../../lib/schemas'

const answerSchema = z.union([
  z.string().max(2000),
  z.array(z.string().max(200)).max(50),
  z.boolean(),
])

const attendeeSchema = z.object({
  name: z.string().trim().min(1, 'Name the attendee.').max(200),
  email: z.email('Must be an email address.').max(254).trim().toLowerCase(),
  answers: z.record(z.string().max(100), answerSchema).optional().default({}),
})

const itemSchema = z.object({
  ticketType: z.string().trim().min(1, 'Choose a ticket type.').max(100),
  quantity: z.number().int('Must be a whole number.').min(1, 'Must be at least 1.').max(100),
  attendees: z.array(attendeeSchema).max(100),
})

/** `{ event, items, promoCode? }`: an order of one or more tickets (docs/tickets.md). */
export const orderRequestSchema = z.object({
  event: documentId,
  items: z.array(itemSchema).min(1, 'Choose at least one ticket.').max(20),
  promoCode: z.string().trim().max(40).optional(),
})

export type OrderRequestBody = z.infer<typeof orderRequestSchema>

/** The request is an order (has `items`) rather than the single-ticket `{ event }`. */
export const isOrderBody = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'items' in body
