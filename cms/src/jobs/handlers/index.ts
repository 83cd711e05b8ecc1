import type { Payload } from 'payload'

import type { JobData, JobName } from '../definitions'
import { campaignBatch } from './campaignBatch'
import { campaignSend } from './campaignSend'
import { eventApproved } from './eventApproved'
import { eventAwaitingReview } from './eventAwaitingReview'
import { eventCancelled } from './eventCancelled'
import { eventRefunds } from './eventRefunds'
import { eventRejected } from './eventRejected'
import { eventReminder } from './eventReminder'
import { expireHolds } from './expireHolds'
import { eventRescheduled } from './eventRescheduled'
import { payloadEmail } from './payloadEmail'
import { paymentReceipt } from './paymentReceipt'
import { paymentRefunded } from './paymentRefunded'
import { registrationCancelled } from './registrationCancelled'
import { registrationConfirmed } from './registrationConfirmed'
import { sessionReminder } from './sessionReminder'
import { sweepMissedEmails } from './sweepMissedEmails'
import { waitlistJoined } from './waitlistJoined'
import { waitlistPromoted } from './waitlistPromoted'

export type JobHandler<N extends JobName> = (payload: Payload, data: JobData<N>) => Promise<unknown>

export const handlers: { [N in JobName]: JobHandler<N> } = {
  'registration-confirmed': registrationConfirmed,
  'waitlist-joined': waitlistJoined,
  'waitlist-promoted': waitlistPromoted,
  'registration-cancelled': registrationCancelled,
  'payment-receipt': paymentReceipt,
  'payment-refunded': paymentRefunded,
  'event-reminder': eventReminder,
  'session-reminder': sessionReminder,
  'event-cancelled': eventCancelled,
  'event-refunds': eventRefunds,
  'expire-holds': expireHolds,
  'event-approved': eventApproved,
  'event-rejected': eventRejected,
  'event-awaiting-review': eventAwaitingReview,
  'event-rescheduled': eventRescheduled,
  'campaign-send': campaignSend,
  'campaign-batch': campaignBatch,
  'sweep-missed-emails': sweepMissedEmails,
  'payload-email': payloadEmail,
}
