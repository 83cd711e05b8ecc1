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
import { releasePromoUseOnFailure } from './hooks/releasePromoUse'

/** Written only by the payment service (system writes); people read their own. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  admin: { defaultColumns: ['registration', 'amount', 'currency', 'status', 'paidAt'] },
  endpoints: [withRateLimit(checkout, rateLimits.checkout), webhook, refund],
  hooks: { afterChange: [enqueuePaymentEmails, releasePromoUseOnFailure] },
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
    { name: 'promoCode', type: 'text', index: true },
    {
      name: 'discount',
      type: 'number',
      defaultValue: 0,
      admin: {
        description: 'Taken off the order by its promo code (minor units); amount is after it.',
        components: { Cell: '@event-portal/cms/plugin/client#MoneyCell' },
      },
    },
    { name: 'paidAt', type: 'date' },
    { name: 'refundId', type: 'text' },
    { name: 'refundedAt', type: 'date' },
    {
      name: 'refundedAmount',
      type: 'number',
      defaultValue: 0,
      admin: {
        description: 'Refunded so far (one ticket of a group at a time); refunded once it is all.',
        components: { Cell: '@event-portal/cms/plugin/client#MoneyCell' },
      },
    },
  ],
}
