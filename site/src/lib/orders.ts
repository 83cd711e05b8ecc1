import type { OrderRequest } from '@event-portal/cms/contract'
import { z } from 'zod'

import { CmsError } from './cms'
import { json, visitorMessage } from './http'

const answerSchema = z.union([
  z.string().max(2000),
  z.array(z.string().max(500)).max(50),
  z.boolean(),
])

/** The checkout island's order body; the CMS validates it in full, this only bounds its size. */
export const orderBodySchema = z.object({
  event: z.number().int().positive(),
  items: z
    .array(
      z.object({
        ticketType: z.string().min(1).max(64),
        quantity: z.number().int().positive().max(100),
        attendees: z
          .array(
            z.object({
              name: z.string().max(200),
              email: z.string().max(320),
              answers: z.record(z.string().max(64), answerSchema).optional(),
            }),
          )
          .max(100),
      }),
    )
    .min(1)
    .max(20),
  promoCode: z.string().trim().max(64).optional(),
})

export function toOrderRequest(body: z.infer<typeof orderBodySchema>): OrderRequest {
  const { promoCode, ...order } = body
  return promoCode ? { ...order, promoCode } : order
}

/**
 * A refusal for the island: the visitor's message, the CMS's code and its data (the field, the
 * ticket type, what is left), which the island turns into words and a highlighted field.
 */
export function refusal(error: unknown): Response {
  const { message, status, code } = visitorMessage(error)
  const data = error instanceof CmsError && status < 500 ? (error.data ?? {}) : {}
  return json({ error: message, code, data }, status)
}
