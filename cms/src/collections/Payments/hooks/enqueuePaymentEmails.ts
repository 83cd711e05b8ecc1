import type { CollectionAfterChangeHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { enqueue } from '../../../jobs/queue'
import type { Payment } from '../../../payload-types'

/** A receipt when a payment succeeds, a refund notice when it is refunded; after commit. */
export const enqueuePaymentEmails: CollectionAfterChangeHook<Payment> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? undefined : previousDoc?.status
  if (doc.status === from) return doc
  if (doc.status === 'succeeded') {
    await afterCommit(req, `payment-receipt:${doc.id}`, () =>
      enqueue('payment-receipt', { paymentId: doc.id }),
    )
  }
  if (doc.status === 'refunded') {
    await afterCommit(req, `payment-refunded:${doc.id}`, () =>
      enqueue('payment-refunded', { paymentId: doc.id }),
    )
  }
  return doc
}
