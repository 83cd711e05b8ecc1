import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'

/**
 * The booking emails' outbox: a row is written in the same transaction as the change that causes
 * the email (a confirmation, an offer, a refund), then handed to the queue after commit. A row the
 * queue never took (Redis down at commit, a crash) is enqueued again by the sweep job, so an email
 * can be delayed but never lost. Written only by the system.
 */
export const EmailOutbox: CollectionConfig = {
  slug: 'email-outbox',
  admin: { group: 'System', defaultColumns: ['jobId', 'job', 'enqueuedAt', 'createdAt'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'job', type: 'text', required: true },
    { name: 'data', type: 'json', required: true },
    { name: 'jobId', type: 'text', required: true, unique: true, index: true },
    { name: 'enqueuedAt', type: 'date', index: true },
  ],
}
