import type { Payload } from 'payload'

import { formatMoney } from '../../emails/format'
import { paymentRefundedEmail } from '../../emails/templates'
import { eventSummary, loadPayment } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

export async function paymentRefunded(
  payload: Payload,
  { paymentId }: JobData<'payment-refunded'>,
): Promise<void> {
  const payment = await loadPayment(payload, paymentId)
  if (payment.status !== 'refunded') return
  await deliverOnce(payload, {
    key: `payment-refunded:${payment.id}`,
    template: 'payment-refunded',
    to: payment.user,
    content: paymentRefundedEmail({
      name: payment.user.name,
      event: eventSummary(payment.event),
      amount: formatMoney(payment.amount, payment.currency),
      reference: payment.refundId ?? `payment ${payment.id}`,
    }),
  })
}
