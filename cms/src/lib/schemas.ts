import { z } from 'zod'

/** A document id as sent in JSON: a positive whole number, or the same as a string. */
export const documentId = z.coerce
  .number({ error: 'Must be an id (a positive whole number).' })
  .int('Must be an id (a positive whole number).')
  .positive('Must be an id (a positive whole number).')

export const eventRequestSchema = z.object({
  event: documentId,
  waitlist: z.boolean().optional().default(false),
  /** Admins may register someone else; for everyone else it is ignored. */
  user: documentId.optional(),
})

export type EventRequest = z.infer<typeof eventRequestSchema>
