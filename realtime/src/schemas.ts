import { z } from 'zod'

export const MAX_MESSAGE_LENGTH = 1000

export const eventIdSchema = z.number().int().positive()
export const messageTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_MESSAGE_LENGTH)
export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/)

export const eventRefSchema = z.object({ eventId: eventIdSchema })
export type EventRef = z.infer<typeof eventRefSchema>

export const postSchema = z.object({
  eventId: eventIdSchema,
  text: messageTextSchema,
  clientId: clientIdSchema.optional(),
})
export type PostInput = z.infer<typeof postSchema>

/** A question may name the session it is asked in (cms checks it is one of the event's). */
export const askSchema = postSchema.extend({ sessionId: z.number().int().positive().optional() })
export type AskInput = z.infer<typeof askSchema>

export const messageRefSchema = z.object({
  eventId: eventIdSchema,
  messageId: z.number().int().positive(),
})
export type MessageRef = z.infer<typeof messageRefSchema>

export const reasonSchema = z.string().trim().max(500).optional()
