import type { CollectionConfig } from 'payload'

import { PAYMENT_STATUSES } from '../../contract/booking'
import { adminOrOwnRecords } from '../../access/adminOrOwnRecords'
import { isAdmin } from '../../access/isAdmin'
import { moneyFields } from '../../fields/money'
import { rateLimits, withRateLimit } from '../../lib/rateLimit'
import { checkout } from './endpoints/checkout'
import { refund } from './endpoints/refund'
import { webhook } from './endpoints/webhook'
import { enqueuePaymentEmails } from './hooks/enqueuePaymentEmails'

/** Written only by the payment service (system writes); people read their own. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  admin: { defaultColumns: ['registration', 'amount', 'currency', 'status', 'paidAt'] },
  endpoints: [withRateLimit(checkout, rateLimits.checkout), webhook, refund],
  hooks: { afterChange: [enqueuePaymentEmails] },
  access: {
    read: adminOrOwnRecords,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'registration', type: 'relationship', relationTo: 'registrations', index: true },
    // Denormalised from the registration so access rules stay one simple query.
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true },
    {
      name: 'stripePaymentId',
      type: 'text',
      unique: true,
      index: true,
      admin: { description: 'The Stripe PaymentIntent, once paid.' },
    },
    { name: 'checkoutSessionId', type: 'text', unique: true, index: true },
    ...moneyFields({ amountName: 'amount' }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: PAYMENT_STATUSES.map((value) => ({ value, label: value })),
    },
    { name: 'paidAt', type: 'date' },
    { name: 'refundId', type: 'text' },
    { name: 'refundedAt', type: 'date' },
  ],
}
