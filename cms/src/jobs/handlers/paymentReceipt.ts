import type { Payload } from 'payload'

import { formatEventTime, formatMoney } from '../../emails/format'
import { paymentReceiptEmail } from '../../emails/templates'
import { eventSummary, loadPayment } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

export async function paymentReceipt(
  payload: Payload,
  { paymentId }: JobData<'payment-receipt'>,
): Promise<void> {
  const payment = await loadPayment(payload, paymentId)
  if (payment.status !== 'succeeded' && payment.status !== 'refunded') return
  const { event, user } = payment
  await deliverOnce(payload, {
    key: `payment-receipt:${payment.id}`,
    template: 'payment-receipt',
    to: user,
    content: paymentReceiptEmail({
      name: user.name,
      event: eventSummary(event),
      amount: formatMoney(payment.amount, payment.currency),
      paidAt: formatEventTime(payment.paidAt ?? payment.updatedAt, event.timezone),
      reference: payment.stripePaymentId ?? `payment ${payment.id}`,
    }),
  })
}
