import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'

export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'skipped'] as const

/**
 * One row per email the worker meant to send, keyed by the business event it belongs to
 * (`registration-confirmed:12:…`). The unique key is what makes a retried job send nothing twice.
 * Written only by the worker; admins read it as the outbox log.
 */
export const EmailDeliveries: CollectionConfig = {
  slug: 'email-deliveries',
  admin: {
    group: 'Email',
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'template', 'status', 'sentAt'],
  },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'template', type: 'text', required: true, index: true },
    { name: 'to', type: 'email', required: true },
    { name: 'subject', type: 'text' },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: DELIVERY_STATUSES.map((value) => ({ value, label: value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'messageId', type: 'text' },
    { name: 'sentAt', type: 'date' },
    { name: 'error', type: 'text' },
  ],
}
