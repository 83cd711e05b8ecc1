import { PROMO_KINDS, QUESTION_KINDS, REGISTRATION_STATUSES } from '@event-portal/cms/contract'
import { z } from 'zod'

/** Lexical rich text as stored by Payload; rendered by lexical.ts. */
export const richTextSchema = z.object({ root: z.object({ children: z.array(z.unknown()) }) })

const imageSizeSchema = z.object({ url: z.string().nullish(), width: z.number().nullish() })

export const mediaSchema = z.object({
  id: z.number(),
  url: z.string().nullish(),
  alt: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  sizes: z.object({ card: imageSizeSchema.nullish() }).nullish(),
})
export type Media = z.infer<typeof mediaSchema>

export const categorySchema = z.object({ id: z.number(), name: z.string(), slug: z.string() })
export type Category = z.infer<typeof categorySchema>

const organizerSchema = z.object({ id: z.number(), name: z.string().nullish() })

export const eventSchema = z.object({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  description: richTextSchema.nullish(),
  descriptionText: z.string().nullish(),
  image: z.union([mediaSchema, z.number()]).nullish(),
  startTime: z.string(),
  duration: z.number(),
  timezone: z.string(),
  price: z.number(),
  currency: z.string(),
  capacity: z.number(),
  status: z.string(),
  organizer: z.union([organizerSchema, z.number()]).nullish(),
  category: z.union([categorySchema, z.number()]).nullish(),
  endTime: z.string().nullish(),
  /** Public: the recording's address itself is only for its organizer and admins. */
  hasRecording: z.boolean().nullish(),
  updatedAt: z.string(),
})
export type CmsEvent = z.infer<typeof eventSchema>

export const pageSchema = z.object({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  content: richTextSchema.nullish(),
  _status: z.string().nullish(),
  updatedAt: z.string(),
})
export type CmsPage = z.infer<typeof pageSchema>

export function paginatedSchema<T extends z.ZodType>(doc: T) {
  return z.object({
    docs: z.array(doc),
    totalDocs: z.number(),
    totalPages: z.number(),
    page: z.number().optional().default(1),
    hasNextPage: z.boolean(),
    hasPrevPage: z.boolean(),
  })
}
export type Paginated<T> = {
  docs: T[]
  totalDocs: number
  totalPages: number
  page: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

export const userSchema = z.object({
  id: z.number(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  role: z.enum(['user', 'organizer', 'admin']),
})
export type User = z.infer<typeof userSchema>

export const availabilitySchema = z.object({
  capacity: z.number(),
  taken: z.number(),
  seatsLeft: z.number(),
  isFull: z.boolean(),
  waitlisted: z.number().optional(),
})
export type Availability = z.infer<typeof availabilitySchema>

export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES)
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>

export const paymentSchema = z.object({
  id: z.number(),
  amount: z.number().nullish(),
  currency: z.string().nullish(),
  status: z.string().nullish(),
  paidAt: z.string().nullish(),
  refundId: z.string().nullish(),
  refundedAt: z.string().nullish(),
  receiptUrl: z.string().nullish(),
  /** Minor units off the order by its promo code; `amount` is the total after it. */
  discount: z.number().nullish(),
  promoCode: z.string().nullish(),
  refundedAmount: z.number().nullish(),
})
export type Payment = z.infer<typeof paymentSchema>

export const registrationSchema = z.object({
  id: z.number(),
  status: registrationStatusSchema,
  event: z.union([eventSchema, z.number()]),
  payment: z.union([paymentSchema, z.number()]).nullish(),
  registeredAt: z.string().nullish(),
  holdExpiresAt: z.string().nullish(),
  // A ticket of an order (docs/tickets.md): `user` is its holder (null until claimed), `buyer`
  // who paid; the tickets of one order share `orderId`; `price` is what this ticket cost.
  user: z.union([z.number(), z.object({ id: z.number() }).loose()]).nullish(),
  buyer: z.union([z.number(), z.object({ id: z.number() }).loose()]).nullish(),
  orderId: z.string().nullish(),
  ticketTypeName: z.string().nullish(),
  attendeeName: z.string().nullish(),
  attendeeEmail: z.string().nullish(),
  price: z.number().nullish(),
  promoCode: z.string().nullish(),
})
export type Registration = z.infer<typeof registrationSchema>

export const streamSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('youtube'), url: z.string(), embedUrl: z.string() }),
  z.object({ kind: z.literal('vimeo'), url: z.string(), embedUrl: z.string() }),
  z.object({ kind: z.literal('hls'), url: z.string() }),
  z.object({ kind: z.literal('file'), url: z.string() }),
])
export type StreamSource = z.infer<typeof streamSourceSchema>

/** GET /api/events/:id/stream: what the watch page may show this visitor. */
export const streamAccessSchema = z.object({
  event: z.number(),
  viewer: z.enum(['admin', 'organizer', 'attendee']),
  state: z.enum(['upcoming', 'live', 'ended']),
  startTime: z.string(),
  endTime: z.string(),
  doorsOpenAt: z.string(),
  source: streamSourceSchema.nullable(),
  isRecording: z.boolean(),
  captions: z.object({ filename: z.string(), label: z.string() }).nullable(),
  materials: z.array(
    z.object({
      id: z.number(),
      filename: z.string().nullable().optional(),
      title: z.string().nullable().optional(),
      mimeType: z.string().nullable().optional(),
      filesize: z.number().nullable().optional(),
    }),
  ),
  token: z.string(),
  tokenExpiresAt: z.string(),
})
export type StreamAccess = z.infer<typeof streamAccessSchema>

export const replayMessageSchema = z.object({
  id: z.number(),
  kind: z.enum(['chat', 'question']),
  authorName: z.string().nullable().optional(),
  message: z.string(),
  offsetSeconds: z.number(),
  upvotes: z.number(),
  answered: z.boolean(),
})
export type ReplayMessage = z.infer<typeof replayMessageSchema>

/** What cancelling does to the money (the cms's CancellationQuote), amounts in minor units. */
export const refundOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refund'), amount: z.number(), currency: z.string() }),
  z.object({
    kind: z.literal('no_refund_past_deadline'),
    amount: z.number(),
    currency: z.string(),
    refundDeadline: z.string(),
  }),
  z.object({ kind: z.literal('nothing_paid') }),
])
export type RefundOutcome = z.infer<typeof refundOutcomeSchema>

export const cancellationQuoteSchema = z.object({
  registration: z.number(),
  refund: refundOutcomeSchema,
  refundDeadline: z.string().nullable(),
})
export const cancellationResultSchema = cancellationQuoteSchema.extend({ message: z.string() })
export type CancellationResult = z.infer<typeof cancellationResultSchema>

const ticketTypeOfferSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  price: z.number(),
  discountedPrice: z.number(),
  currency: z.string().optional().default(''),
  quantity: z.number().nullable(),
  available: z.number(),
  isSoldOut: z.boolean(),
  salesStart: z.string().nullable(),
  salesEnd: z.string().nullable(),
  salesState: z.enum(['not_open', 'open', 'closed']),
  minPerOrder: z.number(),
  maxPerOrder: z.number(),
  hidden: z.boolean(),
})

/** GET /api/events/:id/tickets[?code=] (docs/tickets.md). */
export const ticketsSchema = z.object({
  event: z.number(),
  currency: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  ticketTypes: z.array(ticketTypeOfferSchema),
  questions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(QUESTION_KINDS),
      options: z.array(z.string()),
      required: z.boolean(),
    }),
  ),
  promo: z
    .object({
      code: z.string(),
      kind: z.enum(PROMO_KINDS),
      percentOff: z.number().nullable(),
      amountOff: z.number().nullable(),
      appliesTo: z.array(z.string()).nullable(),
    })
    .nullable(),
  promoError: z
    .object({ code: z.enum(['PROMO_INVALID', 'PROMO_EXHAUSTED']), message: z.string() })
    .nullable(),
})
export type Tickets = z.infer<typeof ticketsSchema>

/** GET /api/registrations/claim?token=: whose ticket a claim link is, before claiming it. */
export const claimInfoSchema = z.object({
  registration: z.number(),
  event: z.object({
    id: z.number(),
    title: z.string(),
    slug: z.string(),
    startTime: z.string(),
    timezone: z.string(),
  }),
  attendeeName: z.string().nullish(),
  attendeeEmail: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  isClaimed: z.boolean(),
})
export type ClaimInfo = z.infer<typeof claimInfoSchema>
