import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'

/** Stripe webhook events already handled: the unique id makes every delivery after the first a no-op. */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  admin: { group: 'System', defaultColumns: ['stripeEventId', 'type', 'createdAt'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'stripeEventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true },
  ],
}
