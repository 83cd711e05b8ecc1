import { z } from 'zod'

const id = z.union([z.number().int().positive(), z.string().min(1)])

/** Every job's data carries ids only: handlers load the current documents through Payload. */
export const jobSchemas = {
  'registration-confirmed': z.object({ registrationId: id }),
  'waitlist-joined': z.object({ registrationId: id }),
  'waitlist-promoted': z.object({ registrationId: id }),
  'registration-cancelled': z.object({ registrationId: id }),
  'payment-receipt': z.object({ paymentId: id }),
  'payment-refunded': z.object({ paymentId: id }),
  'event-reminder': z.object({
    registrationId: id,
    window: z.enum(['24h', '1h']),
    /** The start time the reminder was scheduled for; a stale reminder (start moved) is dropped. */
    startTime: z.iso.datetime(),
  }),
  /** Emails the people who starred a session and asked for a reminder, 10 minutes before it. */
  'session-reminder': z.object({ sessionId: id, startTime: z.iso.datetime() }),
  'event-cancelled': z.object({ eventId: id }),
  /** Refunds every payer of a cancelled event and cancels their registrations. */
  'event-refunds': z.object({ eventId: id }),
  /** Expires lapsed holds (unpaid checkouts, unanswered offers) and offers their seats on. */
  'expire-holds': z.object({}),
  'event-approved': z.object({ eventId: id }),
  'event-rejected': z.object({ eventId: id }),
  'event-awaiting-review': z.object({ eventId: id, submittedAt: z.iso.datetime() }),
  'event-rescheduled': z.object({
    eventId: id,
    startTime: z.iso.datetime(),
    previousStartTime: z.iso.datetime(),
  }),
  'campaign-send': z.object({ campaignId: id }),
  'campaign-batch': z.object({ campaignId: id, registrationIds: z.array(id).min(1).max(100) }),
  'sweep-missed-emails': z.object({}),
  /** A message Payload itself sends (password reset), handed over ready-made by its email adapter. */
  'payload-email': z.object({
    messageKey: z.uuid(),
    to: z.email(),
    subject: z.string().min(1),
    html: z.string().min(1),
  }),
} as const

export type JobName = keyof typeof jobSchemas
export type JobData<N extends JobName> = z.infer<(typeof jobSchemas)[N]>

export const jobNames = Object.keys(jobSchemas) as JobName[]

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobSchemas, name)
}

/** The one stable id per business event, so the same event never enqueues twice. */
export function defaultJobId<N extends JobName>(name: N, data: JobData<N>): string | undefined {
  const d = data as Record<string, unknown>
  switch (name) {
    case 'event-reminder':
      return `reminder:${String(d.registrationId)}:${String(d.window)}:${Date.parse(String(d.startTime))}`
    case 'event-awaiting-review':
      return `${name}:${String(d.eventId)}:${Date.parse(String(d.submittedAt))}`
    case 'session-reminder':
      return `${name}:${String(d.sessionId)}:${Date.parse(String(d.startTime))}`
    case 'event-rescheduled':
      return `${name}:${String(d.eventId)}:${Date.parse(String(d.startTime))}`
    case 'campaign-batch':
      return `campaign-batch:${String(d.campaignId)}:${String((d.registrationIds as unknown[])[0])}`
    case 'sweep-missed-emails':
    case 'expire-holds':
      return undefined
    case 'payload-email':
      return `${name}:${String(d.messageKey)}`
    default: {
      const key = d.registrationId ?? d.paymentId ?? d.eventId ?? d.campaignId
      return `${name}:${String(key)}`
    }
  }
}
