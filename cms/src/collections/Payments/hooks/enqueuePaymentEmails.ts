import type { CollectionAfterChangeHook } from 'payload'

import { enqueueFromOutbox } from '../../../jobs/outbox'
import type { Payment } from '../../../payload-types'

/** A receipt when a payment succeeds, a refund notice when it is refunded; through the outbox. */
export const enqueuePaymentEmails: CollectionAfterChangeHook<Payment> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? undefined : previousDoc?.status
  if (doc.status === from) return doc
  if (doc.status === 'succeeded')
    await enqueueFromOutbox(req, 'payment-receipt', { paymentId: doc.id })
  if (doc.status === 'refunded')
    await enqueueFromOutbox(req, 'payment-refunded', { paymentId: doc.id })
  return doc
}
